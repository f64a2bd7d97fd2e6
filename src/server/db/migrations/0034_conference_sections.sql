ALTER TABLE "exemplar_conferences" ADD COLUMN "shortcomings" text;--> statement-breakpoint
ALTER TABLE "exemplar_conferences" ADD COLUMN "lessons" text;--> statement-breakpoint
ALTER TABLE "exemplar_conferences" ADD COLUMN "directions" text;