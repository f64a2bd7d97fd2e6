CREATE TABLE "honor_award_facts" (
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"honor" text NOT NULL,
	"subject" text NOT NULL,
	"month" integer NOT NULL,
	"is_leader" boolean,
	"employment_type" text,
	"gender" text,
	"n" integer NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "honor_award_facts_key" UNIQUE NULLS NOT DISTINCT("year","unit_id","honor","subject","month","is_leader","employment_type","gender")
);
--> statement-breakpoint
-- hand-written: the triggers that keep honor_award_facts exact, and its first fill.
CREATE OR REPLACE FUNCTION honor_award_facts_on_awards() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- An update takes the old rows out and puts the new ones in (net zero when nothing counted changed).
  IF TG_OP = 'DELETE' OR TG_OP = 'UPDATE' THEN
    INSERT INTO honor_award_facts AS f (unit_id, year, honor, subject, month, is_leader, employment_type, gender, n, amount)
    SELECT coalesce(p.unit_id, o.unit_id), o.year, o.honor,
           CASE WHEN o.person_id IS NULL THEN 'collective' ELSE 'individual' END,
           coalesce(extract(month FROM o.decision_date)::int, 0),
           p.is_leader, p.employment_type, p.gender, -count(*)::int, -coalesce(sum(o.amount), 0)::bigint
    FROM old_rows o LEFT JOIN people p ON p.id = o.person_id
    WHERE NOT o.revoked
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT ON CONSTRAINT honor_award_facts_key DO UPDATE SET n = f.n + excluded.n, amount = f.amount + excluded.amount;
  END IF;
  IF TG_OP = 'INSERT' OR TG_OP = 'UPDATE' THEN
    INSERT INTO honor_award_facts AS f (unit_id, year, honor, subject, month, is_leader, employment_type, gender, n, amount)
    SELECT coalesce(p.unit_id, a.unit_id), a.year, a.honor,
           CASE WHEN a.person_id IS NULL THEN 'collective' ELSE 'individual' END,
           coalesce(extract(month FROM a.decision_date)::int, 0),
           p.is_leader, p.employment_type, p.gender, count(*)::int, coalesce(sum(a.amount), 0)::bigint
    FROM new_rows a LEFT JOIN people p ON p.id = a.person_id
    WHERE NOT a.revoked
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT ON CONSTRAINT honor_award_facts_key DO UPDATE SET n = f.n + excluded.n, amount = f.amount + excluded.amount;
  END IF;
  -- Other app servers drop their cached figures when this commits (src/server/db/change-epoch.ts).
  PERFORM pg_notify('tdkt_changes', '');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER honor_award_facts_insert AFTER INSERT ON honor_awards REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION honor_award_facts_on_awards();
--> statement-breakpoint
CREATE TRIGGER honor_award_facts_update AFTER UPDATE ON honor_awards REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION honor_award_facts_on_awards();
--> statement-breakpoint
CREATE TRIGGER honor_award_facts_delete AFTER DELETE ON honor_awards REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION honor_award_facts_on_awards();
--> statement-breakpoint
-- A person who moves unit or changes leader, employment or gender takes the honors with them.
CREATE OR REPLACE FUNCTION honor_award_facts_on_people() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved integer;
BEGIN
  WITH m AS (
    SELECT o.id, o.unit_id AS old_unit, o.is_leader AS old_leader, o.employment_type AS old_employment, o.gender AS old_gender,
           x.unit_id AS new_unit, x.is_leader AS new_leader, x.employment_type AS new_employment, x.gender AS new_gender
    FROM old_rows o JOIN new_rows x ON x.id = o.id
    WHERE (o.unit_id, o.is_leader, o.employment_type, o.gender) IS DISTINCT FROM (x.unit_id, x.is_leader, x.employment_type, x.gender)
  )
  INSERT INTO honor_award_facts AS f (unit_id, year, honor, subject, month, is_leader, employment_type, gender, n, amount)
  SELECT s.unit_id, s.year, s.honor, 'individual', s.month, s.is_leader, s.employment_type, s.gender, sum(s.n)::int, sum(s.amount)::bigint
  FROM (
    SELECT coalesce(m.old_unit, a.unit_id) AS unit_id, a.year, a.honor, coalesce(extract(month FROM a.decision_date)::int, 0) AS month,
           m.old_leader AS is_leader, m.old_employment AS employment_type, m.old_gender AS gender, -1 AS n, -coalesce(a.amount, 0) AS amount
    FROM honor_awards a JOIN m ON m.id = a.person_id WHERE NOT a.revoked
    UNION ALL
    SELECT coalesce(m.new_unit, a.unit_id), a.year, a.honor, coalesce(extract(month FROM a.decision_date)::int, 0),
           m.new_leader, m.new_employment, m.new_gender, 1, coalesce(a.amount, 0)
    FROM honor_awards a JOIN m ON m.id = a.person_id WHERE NOT a.revoked
  ) s
  GROUP BY 1, 2, 3, 5, 6, 7, 8
  ORDER BY 1, 2, 3, 5, 6, 7, 8
  ON CONFLICT ON CONSTRAINT honor_award_facts_key DO UPDATE SET n = f.n + excluded.n, amount = f.amount + excluded.amount;
  GET DIAGNOSTICS moved = ROW_COUNT;
  -- Other app servers drop their cached figures when this commits (src/server/db/change-epoch.ts);
  -- an edit that moved no honor (most edits of a person) tells no one.
  IF moved > 0 THEN
    PERFORM pg_notify('tdkt_changes', '');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER honor_award_facts_people AFTER UPDATE ON people REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION honor_award_facts_on_people();
--> statement-breakpoint
INSERT INTO honor_award_facts (unit_id, year, honor, subject, month, is_leader, employment_type, gender, n, amount)
SELECT coalesce(p.unit_id, a.unit_id), a.year, a.honor,
       CASE WHEN a.person_id IS NULL THEN 'collective' ELSE 'individual' END,
       coalesce(extract(month FROM a.decision_date)::int, 0),
       p.is_leader, p.employment_type, p.gender, count(*)::int, coalesce(sum(a.amount), 0)::bigint
FROM honor_awards a LEFT JOIN people p ON p.id = a.person_id
WHERE NOT a.revoked
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
