ALTER TABLE "trust_entries" ALTER COLUMN "der" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "signing_credentials" ADD COLUMN "provider_url" text;--> statement-breakpoint
ALTER TABLE "signing_credentials" ADD COLUMN "provider_key_id" text;--> statement-breakpoint
ALTER TABLE "signing_credentials" ADD COLUMN "sealed_api_key" "bytea";--> statement-breakpoint
ALTER TABLE "trust_entries" ADD COLUMN "url" text;