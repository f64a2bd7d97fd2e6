ALTER TABLE "honor_awards" ADD COLUMN "posthumous" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "honor_awards" ADD COLUMN "in_kind_description" text;--> statement-breakpoint
ALTER TABLE "honor_awards" ADD COLUMN "in_kind_value" bigint;--> statement-breakpoint
ALTER TABLE "dossier_candidates" ADD COLUMN "posthumous" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_candidates" ADD COLUMN "in_kind_description" text;--> statement-breakpoint
ALTER TABLE "dossier_candidates" ADD COLUMN "in_kind_value" bigint;--> statement-breakpoint
ALTER TABLE "decision_awardees" ADD COLUMN "posthumous" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "decision_awardees" ADD COLUMN "in_kind_description" text;--> statement-breakpoint
ALTER TABLE "decision_awardees" ADD COLUMN "in_kind_value" bigint;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "posthumous" boolean DEFAULT false NOT NULL;