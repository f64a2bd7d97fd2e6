ALTER TABLE "exemplar_conferences" ADD COLUMN "report_number" text;--> statement-breakpoint
ALTER TABLE "exemplar_conferences" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "exemplar_conferences" ADD COLUMN "cancelled_by" uuid;--> statement-breakpoint
ALTER TABLE "exemplar_conferences" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "exemplar_conferences" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "exemplar_conferences" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "exemplars" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "exemplars" ADD COLUMN "cancelled_by" uuid;--> statement-breakpoint
ALTER TABLE "exemplars" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "exemplar_conferences" ADD CONSTRAINT "exemplar_conferences_cancelled_by_accounts_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplars" ADD CONSTRAINT "exemplars_cancelled_by_accounts_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;