CREATE TABLE "award_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"issuer_name" text NOT NULL,
	"number" integer,
	"year" integer NOT NULL,
	"number_text" text NOT NULL,
	"decision_date" date NOT NULL,
	"title" text NOT NULL,
	"signer_name" text NOT NULL,
	"signer_title" text NOT NULL,
	"regime" text NOT NULL,
	"total_amount" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" text,
	"file_name" text,
	"file_mime" text,
	"file_data" "bytea"
);
--> statement-breakpoint
CREATE TABLE "council_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"meeting_date" date NOT NULL,
	"location" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"total_members" integer,
	"opened_at" timestamp with time zone,
	"opened_by" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_awardees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"candidate_id" uuid,
	"subject_kind" text NOT NULL,
	"person_id" uuid,
	"subject_unit_id" uuid,
	"display_name" text NOT NULL,
	"position_text" text,
	"honor" text NOT NULL,
	"type" text NOT NULL,
	"coefficient_milli" integer,
	"base_salary" integer,
	"amount" integer DEFAULT 0 NOT NULL,
	"honor_award_id" uuid,
	"revoked" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_counters" (
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "decision_counters_unit_id_year_pk" PRIMARY KEY("unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "dossier_candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"person_id" uuid,
	"subject_unit_id" uuid,
	"household_name" text,
	"household_address" text,
	"display_name" text NOT NULL,
	"position_text" text,
	"proposed_honor" text NOT NULL,
	"honor" text NOT NULL,
	"lowered_reason" text,
	"lowered_at" timestamp with time zone,
	"lowered_by" uuid,
	"achievement" text,
	"appraisal_note" text,
	"appraisal_result" jsonb,
	"subject_data" jsonb,
	"appraised_at" timestamp with time zone,
	"appraised_by" uuid,
	"council_result" text,
	"council_text" text,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"decision_id" uuid,
	"source_candidate_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"candidate_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"content" text,
	"vote_result" text,
	"file_name" text,
	"mime_type" text,
	"size" integer,
	"sha256" text,
	"data" "bytea",
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"movement_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"until" date NOT NULL,
	"reason" text NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"receiver_unit_id" uuid,
	"receiver_name" text,
	"level" text DEFAULT 'unit' NOT NULL,
	"movement_id" uuid,
	"phase_id" uuid,
	"type" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"step_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"first_submitted_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"received_at" timestamp with time zone,
	"received_by" uuid,
	"returned_at" timestamp with time zone,
	"returned_by" uuid,
	"return_reasons" jsonb,
	"appraised_at" timestamp with time zone,
	"appraised_by" uuid,
	"reviewed_at" timestamp with time zone,
	"forwarded_at" timestamp with time zone,
	"forwarded_by" uuid,
	"completed_at" timestamp with time zone,
	"extension_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_holidays" (
	"date" date PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'holiday' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_notice_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"candidate_id" uuid,
	"author_name" text NOT NULL,
	"author_contact" text,
	"content" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "public_notice_items" (
	"notice_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	CONSTRAINT "public_notice_items_notice_id_candidate_id_pk" PRIMARY KEY("notice_id","candidate_id")
);
--> statement-breakpoint
CREATE TABLE "public_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"working_days" integer NOT NULL,
	"posted_by" uuid,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_attendance" (
	"session_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	CONSTRAINT "session_attendance_session_id_member_id_pk" PRIMARY KEY("session_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "session_ballot_box" (
	"item_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"choice" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "session_ballot_box_item_id_channel_choice_pk" PRIMARY KEY("item_id","channel","choice")
);
--> statement-breakpoint
CREATE TABLE "session_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"recused" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"honor" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"result" jsonb
);
--> statement-breakpoint
CREATE TABLE "session_voter_marks" (
	"item_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "session_voter_marks_item_id_member_id_pk" PRIMARY KEY("item_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "award_decisions" ADD CONSTRAINT "award_decisions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_decisions" ADD CONSTRAINT "award_decisions_issued_by_accounts_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_decisions" ADD CONSTRAINT "award_decisions_revoked_by_accounts_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD CONSTRAINT "council_sessions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD CONSTRAINT "council_sessions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD CONSTRAINT "council_sessions_opened_by_accounts_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD CONSTRAINT "council_sessions_closed_by_accounts_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD CONSTRAINT "council_sessions_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_awardees" ADD CONSTRAINT "decision_awardees_decision_id_award_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."award_decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_awardees" ADD CONSTRAINT "decision_awardees_candidate_id_dossier_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."dossier_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_awardees" ADD CONSTRAINT "decision_awardees_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_awardees" ADD CONSTRAINT "decision_awardees_subject_unit_id_units_id_fk" FOREIGN KEY ("subject_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_awardees" ADD CONSTRAINT "decision_awardees_honor_award_id_honor_awards_id_fk" FOREIGN KEY ("honor_award_id") REFERENCES "public"."honor_awards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_counters" ADD CONSTRAINT "decision_counters_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_candidates" ADD CONSTRAINT "dossier_candidates_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_candidates" ADD CONSTRAINT "dossier_candidates_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_candidates" ADD CONSTRAINT "dossier_candidates_subject_unit_id_units_id_fk" FOREIGN KEY ("subject_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_candidates" ADD CONSTRAINT "dossier_candidates_lowered_by_accounts_id_fk" FOREIGN KEY ("lowered_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_candidates" ADD CONSTRAINT "dossier_candidates_appraised_by_accounts_id_fk" FOREIGN KEY ("appraised_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_candidates" ADD CONSTRAINT "dossier_candidates_source_candidate_id_dossier_candidates_id_fk" FOREIGN KEY ("source_candidate_id") REFERENCES "public"."dossier_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD CONSTRAINT "dossier_documents_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD CONSTRAINT "dossier_documents_candidate_id_dossier_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."dossier_candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD CONSTRAINT "dossier_documents_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_extensions" ADD CONSTRAINT "dossier_extensions_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_extensions" ADD CONSTRAINT "dossier_extensions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_extensions" ADD CONSTRAINT "dossier_extensions_granted_by_accounts_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_versions" ADD CONSTRAINT "dossier_versions_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_versions" ADD CONSTRAINT "dossier_versions_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_receiver_unit_id_units_id_fk" FOREIGN KEY ("receiver_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_phase_id_movement_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."movement_phases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_submitted_by_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_withdrawn_by_accounts_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_received_by_accounts_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_returned_by_accounts_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_appraised_by_accounts_id_fk" FOREIGN KEY ("appraised_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_forwarded_by_accounts_id_fk" FOREIGN KEY ("forwarded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notice_comments" ADD CONSTRAINT "public_notice_comments_notice_id_public_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."public_notices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notice_comments" ADD CONSTRAINT "public_notice_comments_candidate_id_dossier_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."dossier_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notice_comments" ADD CONSTRAINT "public_notice_comments_answered_by_accounts_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notice_items" ADD CONSTRAINT "public_notice_items_notice_id_public_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."public_notices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notice_items" ADD CONSTRAINT "public_notice_items_candidate_id_dossier_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."dossier_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_posted_by_accounts_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_member_id_council_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."council_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_ballot_box" ADD CONSTRAINT "session_ballot_box_item_id_session_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."session_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_conflicts" ADD CONSTRAINT "session_conflicts_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_conflicts" ADD CONSTRAINT "session_conflicts_item_id_session_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."session_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_conflicts" ADD CONSTRAINT "session_conflicts_member_id_council_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."council_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_items" ADD CONSTRAINT "session_items_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_items" ADD CONSTRAINT "session_items_candidate_id_dossier_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."dossier_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_voter_marks" ADD CONSTRAINT "session_voter_marks_item_id_session_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."session_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_voter_marks" ADD CONSTRAINT "session_voter_marks_member_id_council_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."council_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "award_decisions_number_uq" ON "award_decisions" USING btree ("unit_id","year","number") WHERE "award_decisions"."kind" = 'internal';--> statement-breakpoint
CREATE INDEX "award_decisions_unit_idx" ON "award_decisions" USING btree ("unit_id","decision_date");--> statement-breakpoint
CREATE INDEX "council_sessions_unit_idx" ON "council_sessions" USING btree ("unit_id","meeting_date");--> statement-breakpoint
CREATE INDEX "decision_awardees_decision_idx" ON "decision_awardees" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "decision_awardees_candidate_idx" ON "decision_awardees" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "dossier_candidates_dossier_idx" ON "dossier_candidates" USING btree ("dossier_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_candidates_person_uq" ON "dossier_candidates" USING btree ("dossier_id","person_id") WHERE "dossier_candidates"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_candidates_unit_uq" ON "dossier_candidates" USING btree ("dossier_id","subject_unit_id") WHERE "dossier_candidates"."subject_unit_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_candidates_household_uq" ON "dossier_candidates" USING btree ("dossier_id","household_name") WHERE "dossier_candidates"."household_name" is not null;--> statement-breakpoint
CREATE INDEX "dossier_candidates_person_idx" ON "dossier_candidates" USING btree ("person_id","honor");--> statement-breakpoint
CREATE INDEX "dossier_candidates_subject_unit_idx" ON "dossier_candidates" USING btree ("subject_unit_id","honor");--> statement-breakpoint
CREATE INDEX "dossier_candidates_source_idx" ON "dossier_candidates" USING btree ("source_candidate_id");--> statement-breakpoint
CREATE INDEX "dossier_documents_dossier_idx" ON "dossier_documents" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_extensions_idx" ON "dossier_extensions" USING btree ("movement_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_versions_uq" ON "dossier_versions" USING btree ("dossier_id","revision");--> statement-breakpoint
CREATE INDEX "dossiers_unit_idx" ON "dossiers" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "dossiers_receiver_idx" ON "dossiers" USING btree ("receiver_unit_id","submitted_at");--> statement-breakpoint
CREATE INDEX "dossiers_status_idx" ON "dossiers" USING btree ("status","step_started_at");--> statement-breakpoint
CREATE INDEX "dossiers_movement_idx" ON "dossiers" USING btree ("movement_id");--> statement-breakpoint
CREATE INDEX "public_notice_comments_notice_idx" ON "public_notice_comments" USING btree ("notice_id");--> statement-breakpoint
CREATE INDEX "public_notice_items_candidate_idx" ON "public_notice_items" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "public_notices_unit_idx" ON "public_notices" USING btree ("unit_id","end_date");--> statement-breakpoint
CREATE UNIQUE INDEX "session_conflicts_uq" ON "session_conflicts" USING btree ("item_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "session_items_uq" ON "session_items" USING btree ("session_id","candidate_id");