CREATE TABLE "session_sealed_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"sealed" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "session_sealed_ballots" ADD CONSTRAINT "session_sealed_ballots_item_id_session_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."session_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_sealed_ballots_item_idx" ON "session_sealed_ballots" USING btree ("item_id");--> statement-breakpoint
-- Online ballots are now sealed one by one; the online counters of closed sessions (results frozen in session_items.result) are dropped. Counters of a session still open stay and are added at closing (legacy).
DELETE FROM "session_ballot_box" b USING "session_items" i, "council_sessions" s WHERE b."channel" = 'online' AND i."id" = b."item_id" AND s."id" = i."session_id" AND s."status" = 'closed';
