CREATE TABLE "initiative_application_authors" (
	"application_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"share_percent" integer NOT NULL,
	CONSTRAINT "initiative_application_authors_application_id_person_id_pk" PRIMARY KEY("application_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "initiative_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"field" text,
	"applied_unit_id" uuid,
	"applied_place" text,
	"first_applied_on" date NOT NULL,
	"novelty" text NOT NULL,
	"application" text NOT NULL,
	"benefit_vnd" bigint,
	"benefit_text" text,
	"scope_asked" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"refusal_reason" text,
	"decision_number" text,
	"decision_date" date,
	"record_id" uuid,
	"certificate_code" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_assignments" (
	"application_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"conflict" text,
	"conflict_note" text,
	"declared" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_assignments_application_id_person_id_pk" PRIMARY KEY("application_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "initiative_round_members" (
	"round_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"position" text NOT NULL,
	CONSTRAINT "initiative_round_members_round_id_person_id_pk" PRIMARY KEY("round_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "initiative_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"rubric_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"calendar" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"max_load" integer DEFAULT 50 NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_rubrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"pass_mark" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_scores" (
	"application_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"points" jsonb NOT NULL,
	"total" integer NOT NULL,
	"approve" boolean NOT NULL,
	"comment" text,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_scores_application_id_person_id_pk" PRIMARY KEY("application_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "initiative_application_authors" ADD CONSTRAINT "initiative_application_authors_application_id_initiative_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."initiative_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_application_authors" ADD CONSTRAINT "initiative_application_authors_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_applications" ADD CONSTRAINT "initiative_applications_round_id_initiative_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."initiative_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_applications" ADD CONSTRAINT "initiative_applications_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_applications" ADD CONSTRAINT "initiative_applications_applied_unit_id_units_id_fk" FOREIGN KEY ("applied_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_applications" ADD CONSTRAINT "initiative_applications_record_id_initiatives_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_applications" ADD CONSTRAINT "initiative_applications_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_assignments" ADD CONSTRAINT "initiative_assignments_application_id_initiative_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."initiative_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_assignments" ADD CONSTRAINT "initiative_assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_round_members" ADD CONSTRAINT "initiative_round_members_round_id_initiative_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."initiative_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_round_members" ADD CONSTRAINT "initiative_round_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_rounds" ADD CONSTRAINT "initiative_rounds_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_rounds" ADD CONSTRAINT "initiative_rounds_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_rounds" ADD CONSTRAINT "initiative_rounds_rubric_id_initiative_rubrics_id_fk" FOREIGN KEY ("rubric_id") REFERENCES "public"."initiative_rubrics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_rubrics" ADD CONSTRAINT "initiative_rubrics_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_rubrics" ADD CONSTRAINT "initiative_rubrics_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_scores" ADD CONSTRAINT "initiative_scores_application_id_initiative_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."initiative_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_scores" ADD CONSTRAINT "initiative_scores_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_scores" ADD CONSTRAINT "initiative_scores_entered_by_accounts_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_application_authors_person_idx" ON "initiative_application_authors" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "initiative_applications_round_idx" ON "initiative_applications" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "initiative_applications_unit_idx" ON "initiative_applications" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_applications_certificate_uq" ON "initiative_applications" USING btree ("certificate_code");--> statement-breakpoint
CREATE INDEX "initiative_assignments_person_idx" ON "initiative_assignments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "initiative_round_members_person_idx" ON "initiative_round_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "initiative_rounds_unit_idx" ON "initiative_rounds" USING btree ("unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_rubrics_version_uq" ON "initiative_rubrics" USING btree ("unit_id","year","version");