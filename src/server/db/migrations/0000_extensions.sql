-- Extensions for diacritic-insensitive search, available on PGlite and on PostgreSQL (contrib).
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is only STABLE (it reads a dictionary); this wrapper pins the dictionary so that
-- generated columns and indexes may use it.
CREATE OR REPLACE FUNCTION tdkt_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
