CREATE TABLE "discipline_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid,
	"unit_id" uuid,
	"level" text NOT NULL,
	"year" integer NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discipline_records_one_subject" CHECK (("discipline_records"."person_id" is null) <> ("discipline_records"."unit_id" is null))
);
--> statement-breakpoint
CREATE TABLE "honor_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid,
	"unit_id" uuid,
	"honor" text NOT NULL,
	"year" integer NOT NULL,
	"type" text DEFAULT 'cong_trang' NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"issuer" text,
	"amount" integer,
	"revoked" boolean DEFAULT false NOT NULL,
	"revoked_reason" text,
	"source" text DEFAULT 'manual' NOT NULL,
	"dossier_id" uuid,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "honor_awards_one_subject" CHECK (("honor_awards"."person_id" is null) <> ("honor_awards"."unit_id" is null))
);
--> statement-breakpoint
CREATE TABLE "initiative_authors" (
	"initiative_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "initiative_authors_initiative_id_person_id_pk" PRIMARY KEY("initiative_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"scope" text NOT NULL,
	"year" integer NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"issuer" text,
	"used_for_award_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid,
	"unit_id" uuid,
	"year" integer NOT NULL,
	"rating" text NOT NULL,
	"note" text,
	"source" text DEFAULT 'manual' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quality_ratings_one_subject" CHECK (("quality_ratings"."person_id" is null) <> ("quality_ratings"."unit_id" is null))
);
--> statement-breakpoint
CREATE TABLE "rule_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"override_id" text NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"body" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_facts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid,
	"unit_id" uuid,
	"year" integer NOT NULL,
	"fact" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subject_facts_one_subject" CHECK (("subject_facts"."person_id" is null) <> ("subject_facts"."unit_id" is null))
);
--> statement-breakpoint
ALTER TABLE "discipline_records" ADD CONSTRAINT "discipline_records_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_records" ADD CONSTRAINT "discipline_records_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honor_awards" ADD CONSTRAINT "honor_awards_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honor_awards" ADD CONSTRAINT "honor_awards_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_authors" ADD CONSTRAINT "initiative_authors_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_authors" ADD CONSTRAINT "initiative_authors_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_used_for_award_id_honor_awards_id_fk" FOREIGN KEY ("used_for_award_id") REFERENCES "public"."honor_awards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_ratings" ADD CONSTRAINT "quality_ratings_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_ratings" ADD CONSTRAINT "quality_ratings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_overrides" ADD CONSTRAINT "rule_overrides_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_overrides" ADD CONSTRAINT "rule_overrides_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_facts" ADD CONSTRAINT "subject_facts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_facts" ADD CONSTRAINT "subject_facts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "discipline_records_person_idx" ON "discipline_records" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "discipline_records_unit_idx" ON "discipline_records" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "honor_awards_person_idx" ON "honor_awards" USING btree ("person_id","year");--> statement-breakpoint
CREATE INDEX "honor_awards_unit_idx" ON "honor_awards" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "honor_awards_dossier_idx" ON "honor_awards" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "initiative_authors_person_idx" ON "initiative_authors" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "initiatives_unit_idx" ON "initiatives" USING btree ("unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_ratings_person_year_uq" ON "quality_ratings" USING btree ("person_id","year") WHERE "quality_ratings"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "quality_ratings_unit_year_uq" ON "quality_ratings" USING btree ("unit_id","year") WHERE "quality_ratings"."unit_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "rule_overrides_version_uq" ON "rule_overrides" USING btree ("unit_id","override_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_facts_person_uq" ON "subject_facts" USING btree ("person_id","year","fact") WHERE "subject_facts"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "subject_facts_unit_uq" ON "subject_facts" USING btree ("unit_id","year","fact") WHERE "subject_facts"."unit_id" is not null;