CREATE TABLE "petition_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_challenges" (
	"nonce_hash" text PRIMARY KEY NOT NULL,
	"difficulty" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text,
	"actor_id" uuid,
	"by_petitioner" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"channel" text NOT NULL,
	"subject_type" text DEFAULT 'general' NOT NULL,
	"subject_id" uuid,
	"notice_id" uuid,
	"candidate_id" uuid,
	"decision_id" uuid,
	"holds_subject" boolean DEFAULT false NOT NULL,
	"submitted_by" uuid,
	"submitter_person_id" uuid,
	"author_name" text,
	"author_contact" text,
	"anonymous" boolean DEFAULT false NOT NULL,
	"tracking_id" text NOT NULL,
	"secret_hash" text,
	"received_on" date NOT NULL,
	"due_date" date NOT NULL,
	"limit_days" integer NOT NULL,
	"limit_unit" text NOT NULL,
	"limit_article" text NOT NULL,
	"handler_id" uuid,
	"assigned_at" timestamp with time zone,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"answered_on" date,
	"closed_at" timestamp with time zone,
	"client_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "petition_attachments" ADD CONSTRAINT "petition_attachments_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_events" ADD CONSTRAINT "petition_events_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_events" ADD CONSTRAINT "petition_events_actor_id_accounts_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_notice_id_public_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."public_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_candidate_id_dossier_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."dossier_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_decision_id_award_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."award_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_submitted_by_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_submitter_person_id_people_id_fk" FOREIGN KEY ("submitter_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_handler_id_accounts_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_answered_by_accounts_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "petition_attachments_idx" ON "petition_attachments" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "petition_events_idx" ON "petition_events" USING btree ("petition_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_tracking_idx" ON "petitions" USING btree ("tracking_id");--> statement-breakpoint
CREATE INDEX "petitions_unit_idx" ON "petitions" USING btree ("unit_id","status","due_date");--> statement-breakpoint
CREATE INDEX "petitions_submitter_idx" ON "petitions" USING btree ("submitted_by");--> statement-breakpoint
CREATE INDEX "petitions_candidate_idx" ON "petitions" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "petitions_client_idx" ON "petitions" USING btree ("client_key","created_at");