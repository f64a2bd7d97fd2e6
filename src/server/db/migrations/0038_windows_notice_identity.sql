ALTER TABLE "movements" ADD COLUMN "issued_date" date;--> statement-breakpoint
ALTER TABLE "movements" ADD COLUMN "issuer" text;--> statement-breakpoint
ALTER TABLE "movements" ADD COLUMN "registration_start_date" date;--> statement-breakpoint
ALTER TABLE "deadlines" ADD COLUMN "start_date" date;--> statement-breakpoint
ALTER TABLE "deadlines" ADD COLUMN "day_count_kind" text;--> statement-breakpoint
ALTER TABLE "deadlines" ADD COLUMN "day_count" integer;--> statement-breakpoint
ALTER TABLE "deadlines" ADD COLUMN "honors" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "public_notices" ADD COLUMN "day_count_kind" text DEFAULT 'working' NOT NULL;--> statement-breakpoint
ALTER TABLE "public_notices" ADD COLUMN "number" text;--> statement-breakpoint
ALTER TABLE "public_notices" ADD COLUMN "issued_date" date;--> statement-breakpoint
ALTER TABLE "public_notices" ADD COLUMN "issuer" text;--> statement-breakpoint
ALTER TABLE "public_notices" ADD COLUMN "status" text DEFAULT 'posted' NOT NULL;--> statement-breakpoint
ALTER TABLE "public_notices" ADD COLUMN "replaces_id" uuid;--> statement-breakpoint
ALTER TABLE "public_notices" ADD COLUMN "replaced_by_id" uuid;--> statement-breakpoint
ALTER TABLE "public_notices" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "public_notices" ADD COLUMN "withdrawn_by" uuid;--> statement-breakpoint
ALTER TABLE "public_notices" ADD COLUMN "withdrawn_reason" text;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_replaces_id_public_notices_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."public_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_replaced_by_id_public_notices_id_fk" FOREIGN KEY ("replaced_by_id") REFERENCES "public"."public_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_withdrawn_by_accounts_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;