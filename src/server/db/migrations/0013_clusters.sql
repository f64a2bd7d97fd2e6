CREATE TABLE "cluster_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"group_name" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"min_points" numeric(9, 2) DEFAULT 0 NOT NULL,
	"max_points" numeric(9, 2) DEFAULT 0 NOT NULL,
	"late_penalty" numeric(9, 2),
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_leaders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"head_member_id" uuid NOT NULL,
	"deputy_member_id" uuid,
	"elected_on" date NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_meeting_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"honor" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"paper_counts" jsonb,
	"result" jsonb
);
--> statement-breakpoint
CREATE TABLE "cluster_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"place" text,
	"present_member_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"total_members" integer NOT NULL,
	"minutes" text,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"dossier_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"member_key" text NOT NULL,
	"member_unit_id" uuid,
	"name" text NOT NULL,
	"address" text,
	"contact" text,
	"targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_pledges" (
	"cluster_id" uuid PRIMARY KEY NOT NULL,
	"signed_date" date,
	"place" text,
	"common_targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scan" "bytea",
	"scan_name" text,
	"scan_mime" text,
	"scan_size" integer,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_reports" (
	"cluster_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"period" text NOT NULL,
	"submitted_on" date NOT NULL,
	"note" text,
	"created_by" uuid,
	CONSTRAINT "cluster_reports_member_id_period_pk" PRIMARY KEY("member_id","period")
);
--> statement-breakpoint
CREATE TABLE "cluster_scores" (
	"cluster_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"self_points" numeric(9, 2) NOT NULL,
	"evidence" text,
	"adjusted_points" numeric(9, 2),
	"adjust_reason" text,
	"adjusted_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cluster_scores_member_id_criterion_id_pk" PRIMARY KEY("member_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "cluster_sealed_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"sealed" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_voter_marks" (
	"item_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "cluster_voter_marks_item_id_member_id_pk" PRIMARY KEY("item_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "clusters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"council_id" uuid,
	"organiser_name" text,
	"lineage_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"regulation" text,
	"plan" text,
	"head_member_id" uuid,
	"deputy_member_id" uuid,
	"scale" integer DEFAULT 100 NOT NULL,
	"report_due_h1" date,
	"report_due_year" date,
	"scoring_closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cluster_criteria" ADD CONSTRAINT "cluster_criteria_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_leaders" ADD CONSTRAINT "cluster_leaders_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_leaders" ADD CONSTRAINT "cluster_leaders_head_member_id_cluster_members_id_fk" FOREIGN KEY ("head_member_id") REFERENCES "public"."cluster_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_leaders" ADD CONSTRAINT "cluster_leaders_deputy_member_id_cluster_members_id_fk" FOREIGN KEY ("deputy_member_id") REFERENCES "public"."cluster_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_leaders" ADD CONSTRAINT "cluster_leaders_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_meeting_items" ADD CONSTRAINT "cluster_meeting_items_meeting_id_cluster_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."cluster_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_meeting_items" ADD CONSTRAINT "cluster_meeting_items_member_id_cluster_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."cluster_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_meetings" ADD CONSTRAINT "cluster_meetings_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_meetings" ADD CONSTRAINT "cluster_meetings_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_meetings" ADD CONSTRAINT "cluster_meetings_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_members" ADD CONSTRAINT "cluster_members_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_members" ADD CONSTRAINT "cluster_members_member_unit_id_units_id_fk" FOREIGN KEY ("member_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_pledges" ADD CONSTRAINT "cluster_pledges_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_reports" ADD CONSTRAINT "cluster_reports_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_reports" ADD CONSTRAINT "cluster_reports_member_id_cluster_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."cluster_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_reports" ADD CONSTRAINT "cluster_reports_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_scores" ADD CONSTRAINT "cluster_scores_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_scores" ADD CONSTRAINT "cluster_scores_member_id_cluster_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."cluster_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_scores" ADD CONSTRAINT "cluster_scores_criterion_id_cluster_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."cluster_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_scores" ADD CONSTRAINT "cluster_scores_adjusted_by_accounts_id_fk" FOREIGN KEY ("adjusted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_sealed_ballots" ADD CONSTRAINT "cluster_sealed_ballots_item_id_cluster_meeting_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."cluster_meeting_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_voter_marks" ADD CONSTRAINT "cluster_voter_marks_item_id_cluster_meeting_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."cluster_meeting_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_voter_marks" ADD CONSTRAINT "cluster_voter_marks_member_id_cluster_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."cluster_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cluster_criteria_cluster_idx" ON "cluster_criteria" USING btree ("cluster_id","sort_order");--> statement-breakpoint
CREATE INDEX "cluster_leaders_cluster_idx" ON "cluster_leaders" USING btree ("cluster_id","elected_on");--> statement-breakpoint
CREATE UNIQUE INDEX "cluster_meeting_items_uq" ON "cluster_meeting_items" USING btree ("meeting_id","member_id","honor");--> statement-breakpoint
CREATE INDEX "cluster_meetings_cluster_idx" ON "cluster_meetings" USING btree ("cluster_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cluster_members_key_uq" ON "cluster_members" USING btree ("kind","year","member_key");--> statement-breakpoint
CREATE INDEX "cluster_members_cluster_idx" ON "cluster_members" USING btree ("cluster_id","sort_order");--> statement-breakpoint
CREATE INDEX "cluster_members_unit_idx" ON "cluster_members" USING btree ("member_unit_id") WHERE "cluster_members"."member_unit_id" is not null;--> statement-breakpoint
CREATE INDEX "cluster_reports_cluster_idx" ON "cluster_reports" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "cluster_scores_cluster_idx" ON "cluster_scores" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "cluster_sealed_ballots_item_idx" ON "cluster_sealed_ballots" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clusters_name_uq" ON "clusters" USING btree ("unit_id","year","name");--> statement-breakpoint
CREATE INDEX "clusters_year_idx" ON "clusters" USING btree ("year","kind");--> statement-breakpoint
CREATE INDEX "clusters_lineage_idx" ON "clusters" USING btree ("lineage_id");