CREATE TABLE "public_notice_challenges" (
	"nonce_hash" text PRIMARY KEY NOT NULL,
	"notice_id" uuid NOT NULL,
	"difficulty" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "public_notice_comments" ADD COLUMN "disposition" text;--> statement-breakpoint
ALTER TABLE "public_notice_comments" ADD COLUMN "client_key" text;--> statement-breakpoint
ALTER TABLE "public_notice_challenges" ADD CONSTRAINT "public_notice_challenges_notice_id_public_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."public_notices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_notice_challenges_expiry_idx" ON "public_notice_challenges" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "public_notice_comments_client_idx" ON "public_notice_comments" USING btree ("notice_id","client_key","created_at");