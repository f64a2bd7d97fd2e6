CREATE TABLE "consultation_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"body_name" text NOT NULL,
	"body_kind" text NOT NULL,
	"answer" text,
	"answered_on" date,
	"answer_number" text,
	"note" text,
	"recorded_at" timestamp with time zone,
	"recorded_by" uuid,
	"file_name" text,
	"mime_type" text,
	"size" integer,
	"sha256" text,
	"data" "bytea",
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_candidates" (
	"consultation_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"display_name" text NOT NULL,
	"honor" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "consultation_candidates_consultation_id_candidate_id_pk" PRIMARY KEY("consultation_id","candidate_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_objections" (
	"answer_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "consultation_objections_answer_id_candidate_id_pk" PRIMARY KEY("answer_id","candidate_id")
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"deadline" date NOT NULL,
	"deadline_source" text NOT NULL,
	"number_text" text,
	"request_date" date NOT NULL,
	"note" text,
	"signer_title" text,
	"signer_name" text,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancel_reason" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consulted_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"email" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultation_answers" ADD CONSTRAINT "consultation_answers_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_answers" ADD CONSTRAINT "consultation_answers_body_id_consulted_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."consulted_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_answers" ADD CONSTRAINT "consultation_answers_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_candidates" ADD CONSTRAINT "consultation_candidates_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_candidates" ADD CONSTRAINT "consultation_candidates_candidate_id_dossier_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."dossier_candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_objections" ADD CONSTRAINT "consultation_objections_answer_id_consultation_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."consultation_answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_objections" ADD CONSTRAINT "consultation_objections_candidate_id_dossier_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."dossier_candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_cancelled_by_accounts_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consulted_bodies" ADD CONSTRAINT "consulted_bodies_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_answers_body_uq" ON "consultation_answers" USING btree ("consultation_id","body_id");--> statement-breakpoint
CREATE INDEX "consultation_candidates_candidate_idx" ON "consultation_candidates" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "consultation_objections_candidate_idx" ON "consultation_objections" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "consultations_unit_deadline_idx" ON "consultations" USING btree ("unit_id","deadline");--> statement-breakpoint
CREATE INDEX "consultations_dossier_idx" ON "consultations" USING btree ("dossier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consulted_bodies_unit_name_uq" ON "consulted_bodies" USING btree ("unit_id",lower("name"));