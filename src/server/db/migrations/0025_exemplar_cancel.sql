ALTER TABLE "award_decisions" ADD COLUMN "search_key" text GENERATED ALWAYS AS (lower(tdkt_unaccent(number_text || ' ' || title))) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "exemplar_conferences" ADD COLUMN "report_number" text;--> statement-breakpoint
ALTER TABLE "exemplar_conferences" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "exemplar_conferences" ADD COLUMN "cancelled_by" uuid;--> statement-breakpoint
ALTER TABLE "exemplar_conferences" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "exemplar_conferences" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "exemplar_conferences" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "exemplars" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "exemplars" ADD COLUMN "cancelled_by" uuid;--> statement-breakpoint
ALTER TABLE "exemplars" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "search_key" text GENERATED ALWAYS AS (lower(tdkt_unaccent(title || ' ' || summary))) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "exemplar_conferences" ADD CONSTRAINT "exemplar_conferences_cancelled_by_accounts_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplars" ADD CONSTRAINT "exemplars_cancelled_by_accounts_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Hand-edited: INCLUDE (unit_id), which drizzle-kit cannot express, lets the portal count its decisions from the index alone.
CREATE INDEX "award_decisions_public_idx" ON "award_decisions" USING btree ("decision_date","id") INCLUDE ("unit_id") WHERE "award_decisions"."status" = 'issued';--> statement-breakpoint
CREATE INDEX "award_decisions_public_year_idx" ON "award_decisions" USING btree ("year","decision_date","id") WHERE "award_decisions"."status" = 'issued';--> statement-breakpoint
CREATE INDEX "award_decisions_search_trgm_idx" ON "award_decisions" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "stories_search_trgm_idx" ON "stories" USING gin ("search_key" gin_trgm_ops);