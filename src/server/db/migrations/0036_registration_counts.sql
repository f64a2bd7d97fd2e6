CREATE TABLE "registration_count_honors" (
	"campaign_key" text PRIMARY KEY NOT NULL,
	"honors" text[] NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_count_sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_key" text NOT NULL,
	"plan_id" uuid,
	"movement_id" uuid,
	"year" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"returned_at" timestamp with time zone,
	"returned_by" uuid,
	"return_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_counts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sheet_id" uuid NOT NULL,
	"honor" text NOT NULL,
	"count" integer NOT NULL,
	"note" text,
	CONSTRAINT "registration_counts_count_ck" CHECK ("registration_counts"."count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "registration_count_honors" ADD CONSTRAINT "registration_count_honors_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_count_sheets" ADD CONSTRAINT "registration_count_sheets_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_count_sheets" ADD CONSTRAINT "registration_count_sheets_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_count_sheets" ADD CONSTRAINT "registration_count_sheets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_count_sheets" ADD CONSTRAINT "registration_count_sheets_submitted_by_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_count_sheets" ADD CONSTRAINT "registration_count_sheets_returned_by_accounts_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_count_sheets" ADD CONSTRAINT "registration_count_sheets_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_counts" ADD CONSTRAINT "registration_counts_sheet_id_registration_count_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."registration_count_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "registration_count_sheets_uq" ON "registration_count_sheets" USING btree ("campaign_key","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_counts_uq" ON "registration_counts" USING btree ("sheet_id","honor");