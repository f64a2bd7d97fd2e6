ALTER TABLE "honor_awards" ALTER COLUMN "amount" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "award_decisions" ALTER COLUMN "total_amount" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "decision_awardees" ALTER COLUMN "base_salary" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "decision_awardees" ALTER COLUMN "amount" SET DATA TYPE bigint;