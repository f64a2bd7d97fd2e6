CREATE TABLE "initiative_claims" (
	"initiative_id" uuid PRIMARY KEY NOT NULL,
	"candidate_id" uuid NOT NULL,
	"claimed_by" uuid,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "initiative_applications" ADD COLUMN "decision_id" uuid;--> statement-breakpoint
ALTER TABLE "initiative_applications" ADD COLUMN "certificate_id" uuid;--> statement-breakpoint
ALTER TABLE "initiative_applications" ADD COLUMN "higher_scope" text;--> statement-breakpoint
ALTER TABLE "initiative_applications" ADD COLUMN "higher_decision_number" text;--> statement-breakpoint
ALTER TABLE "initiative_applications" ADD COLUMN "higher_decision_date" date;--> statement-breakpoint
ALTER TABLE "initiative_applications" ADD COLUMN "higher_issuer" text;--> statement-breakpoint
ALTER TABLE "initiative_claims" ADD CONSTRAINT "initiative_claims_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_claims" ADD CONSTRAINT "initiative_claims_candidate_id_dossier_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."dossier_candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_claims" ADD CONSTRAINT "initiative_claims_claimed_by_accounts_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_applications" ADD CONSTRAINT "initiative_applications_decision_id_award_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."award_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_applications" ADD CONSTRAINT "initiative_applications_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;