CREATE TABLE "cluster_head_reports" (
	"cluster_id" uuid NOT NULL,
	"period" text NOT NULL,
	"sent_on" date NOT NULL,
	"note" text,
	"created_by" uuid,
	CONSTRAINT "cluster_head_reports_cluster_id_period_pk" PRIMARY KEY("cluster_id","period")
);
--> statement-breakpoint
CREATE TABLE "cluster_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"title" text NOT NULL,
	"start_date" date,
	"due_date" date NOT NULL,
	"responsible_member_id" uuid,
	"note" text,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cluster_members" ADD COLUMN "checker_member_id" uuid;--> statement-breakpoint
ALTER TABLE "cluster_head_reports" ADD CONSTRAINT "cluster_head_reports_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_head_reports" ADD CONSTRAINT "cluster_head_reports_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_tasks" ADD CONSTRAINT "cluster_tasks_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_tasks" ADD CONSTRAINT "cluster_tasks_responsible_member_id_cluster_members_id_fk" FOREIGN KEY ("responsible_member_id") REFERENCES "public"."cluster_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cluster_tasks_cluster_idx" ON "cluster_tasks" USING btree ("cluster_id","due_date");