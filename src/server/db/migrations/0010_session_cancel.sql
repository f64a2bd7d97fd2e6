ALTER TABLE "council_sessions" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD COLUMN "cancelled_by" uuid;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD CONSTRAINT "council_sessions_cancelled_by_accounts_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;