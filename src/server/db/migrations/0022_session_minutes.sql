ALTER TABLE "council_sessions" ADD COLUMN "chair_member_id" uuid;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD COLUMN "secretary_member_id" uuid;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD COLUMN "counting_board" jsonb;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD COLUMN "agenda" jsonb;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD COLUMN "discussion" text;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD COLUMN "minutes_recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD CONSTRAINT "council_sessions_chair_member_id_council_members_id_fk" FOREIGN KEY ("chair_member_id") REFERENCES "public"."council_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD CONSTRAINT "council_sessions_secretary_member_id_council_members_id_fk" FOREIGN KEY ("secretary_member_id") REFERENCES "public"."council_members"("id") ON DELETE no action ON UPDATE no action;