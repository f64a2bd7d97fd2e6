ALTER TABLE "dossiers" ADD COLUMN "search_key" text GENERATED ALWAYS AS (lower(tdkt_unaccent(title))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "dossiers_search_trgm_idx" ON "dossiers" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "dossiers_list_order_idx" ON "dossiers" USING btree ("submitted_at" DESC NULLS FIRST,"created_at" DESC NULLS LAST);