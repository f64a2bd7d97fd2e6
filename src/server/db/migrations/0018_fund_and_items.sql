CREATE TABLE "award_item_moves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"item_kind" text NOT NULL,
	"move" text NOT NULL,
	"quantity" integer NOT NULL,
	"move_date" date NOT NULL,
	"decision_id" uuid,
	"certificate_id" uuid,
	"reason" text,
	"reference" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount" bigint NOT NULL,
	"entry_date" date NOT NULL,
	"decision_id" uuid,
	"awardee_id" uuid,
	"commitment_id" uuid,
	"voucher" text,
	"payee" text,
	"description" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text DEFAULT 'tdkt' NOT NULL,
	"cap_basis" text,
	"basis_amount" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reissue_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"certificate_id" uuid NOT NULL,
	"requester_name" text NOT NULL,
	"reason" text NOT NULL,
	"received_date" date NOT NULL,
	"due_date" date NOT NULL,
	"limit_article" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"new_certificate_id" uuid,
	"answer" text,
	"handled_at" timestamp with time zone,
	"handled_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "award_item_moves" ADD CONSTRAINT "award_item_moves_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_item_moves" ADD CONSTRAINT "award_item_moves_decision_id_award_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."award_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_item_moves" ADD CONSTRAINT "award_item_moves_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_item_moves" ADD CONSTRAINT "award_item_moves_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entries" ADD CONSTRAINT "fund_entries_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entries" ADD CONSTRAINT "fund_entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entries" ADD CONSTRAINT "fund_entries_decision_id_award_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."award_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entries" ADD CONSTRAINT "fund_entries_awardee_id_decision_awardees_id_fk" FOREIGN KEY ("awardee_id") REFERENCES "public"."decision_awardees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entries" ADD CONSTRAINT "fund_entries_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reissue_requests" ADD CONSTRAINT "reissue_requests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reissue_requests" ADD CONSTRAINT "reissue_requests_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reissue_requests" ADD CONSTRAINT "reissue_requests_new_certificate_id_certificates_id_fk" FOREIGN KEY ("new_certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reissue_requests" ADD CONSTRAINT "reissue_requests_handled_by_accounts_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reissue_requests" ADD CONSTRAINT "reissue_requests_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "award_item_moves_unit_idx" ON "award_item_moves" USING btree ("unit_id","item_kind","move_date");--> statement-breakpoint
CREATE INDEX "award_item_moves_certificate_idx" ON "award_item_moves" USING btree ("certificate_id");--> statement-breakpoint
CREATE INDEX "fund_entries_fund_idx" ON "fund_entries" USING btree ("fund_id","entry_date");--> statement-breakpoint
CREATE INDEX "fund_entries_commitment_idx" ON "fund_entries" USING btree ("commitment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_entries_awardee_once_uq" ON "fund_entries" USING btree ("awardee_id","kind") WHERE "fund_entries"."kind" in ('commitment', 'return');--> statement-breakpoint
CREATE UNIQUE INDEX "funds_unit_year_kind_uq" ON "funds" USING btree ("unit_id","year","kind");--> statement-breakpoint
CREATE INDEX "reissue_requests_unit_idx" ON "reissue_requests" USING btree ("unit_id","status");