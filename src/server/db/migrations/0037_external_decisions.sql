ALTER TABLE "award_decisions" ADD COLUMN "dossier_id" uuid;--> statement-breakpoint
ALTER TABLE "award_decisions" ADD COLUMN "issuer_superior" text;--> statement-breakpoint
ALTER TABLE "award_decisions" ADD COLUMN "issuer_place" text;--> statement-breakpoint
ALTER TABLE "award_decisions" ADD COLUMN "issuing_authority" text;--> statement-breakpoint
ALTER TABLE "award_decisions" ADD COLUMN "signer_authorities" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "award_decisions" ADD COLUMN "legal_bases" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "award_decisions" ADD COLUMN "proposal" text;--> statement-breakpoint
ALTER TABLE "award_decisions" ADD COLUMN "achievement" text;--> statement-breakpoint
ALTER TABLE "award_decisions" ADD COLUMN "funding_route" text;--> statement-breakpoint
ALTER TABLE "award_decisions" ADD COLUMN "executors" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "award_decisions" ADD COLUMN "recipients" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "award_decisions" ADD COLUMN "award_year" integer;--> statement-breakpoint
ALTER TABLE "award_decisions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "award_decisions" ADD CONSTRAINT "award_decisions_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- hand-written: a higher decision recorded on a forwarded dossier before this migration points at that dossier (through its awardees' candidates).
UPDATE "award_decisions" d SET "dossier_id" = c."dossier_id"
FROM (SELECT DISTINCT ON (a."decision_id") a."decision_id", dc."dossier_id" FROM "decision_awardees" a JOIN "dossier_candidates" dc ON dc."id" = a."candidate_id" ORDER BY a."decision_id") c
WHERE d."kind" = 'external' AND d."dossier_id" IS NULL AND c."decision_id" = d."id";
