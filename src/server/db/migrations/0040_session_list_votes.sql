CREATE TABLE "session_list_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"honor" text NOT NULL,
	"title" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"approve" integer,
	"reject" integer,
	"abstain" integer,
	"recorded_at" timestamp with time zone,
	"recorded_by" uuid,
	"result" jsonb
);
--> statement-breakpoint
ALTER TABLE "session_items" ADD COLUMN "list_vote_id" uuid;--> statement-breakpoint
ALTER TABLE "session_list_votes" ADD CONSTRAINT "session_list_votes_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_list_votes" ADD CONSTRAINT "session_list_votes_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_list_votes_session_idx" ON "session_list_votes" USING btree ("session_id","sort_order");--> statement-breakpoint
ALTER TABLE "session_items" ADD CONSTRAINT "session_items_list_vote_id_session_list_votes_id_fk" FOREIGN KEY ("list_vote_id") REFERENCES "public"."session_list_votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_items_list_idx" ON "session_items" USING btree ("list_vote_id");