CREATE TABLE "achievement_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"form" text NOT NULL,
	"content" jsonb NOT NULL,
	"attached_document_id" uuid,
	"attached_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "achievement_reports" ADD CONSTRAINT "achievement_reports_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievement_reports" ADD CONSTRAINT "achievement_reports_candidate_id_dossier_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."dossier_candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievement_reports" ADD CONSTRAINT "achievement_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievement_reports" ADD CONSTRAINT "achievement_reports_attached_document_id_dossier_documents_id_fk" FOREIGN KEY ("attached_document_id") REFERENCES "public"."dossier_documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievement_reports" ADD CONSTRAINT "achievement_reports_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievement_reports" ADD CONSTRAINT "achievement_reports_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "achievement_reports_candidate_uq" ON "achievement_reports" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "achievement_reports_dossier_idx" ON "achievement_reports" USING btree ("dossier_id");