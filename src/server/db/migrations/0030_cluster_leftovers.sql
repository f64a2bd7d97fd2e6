ALTER TABLE "cluster_scores" ADD COLUMN "adjusted_as" text;--> statement-breakpoint
ALTER TABLE "cluster_scores" ADD COLUMN "adjusted_by_member_id" uuid;--> statement-breakpoint
ALTER TABLE "cluster_scores" ADD COLUMN "adjusted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "clusters" ADD COLUMN "head_report_due_h1" date;--> statement-breakpoint
ALTER TABLE "clusters" ADD COLUMN "head_report_due_year" date;--> statement-breakpoint
ALTER TABLE "cluster_scores" ADD CONSTRAINT "cluster_scores_adjusted_by_member_id_cluster_members_id_fk" FOREIGN KEY ("adjusted_by_member_id") REFERENCES "public"."cluster_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Adjustments made before this migration: their day is the row's last change; who acted as what is not known (null).
UPDATE "cluster_scores" SET "adjusted_at" = "updated_at" WHERE "adjusted_points" IS NOT NULL;
