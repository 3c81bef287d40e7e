ALTER TABLE "mentees" ADD COLUMN "duplicate_of" uuid;--> statement-breakpoint
-- Names across scripts (issue 11, point 9). people.search_text now also holds the Latin transliteration and name
-- skeletons of each name (core/i18n/transliterate.ts). The transliteration is TypeScript, not SQL, so existing rows are
-- rewritten right after the migrations by refreshPersonSearchText (core/tenancy/people-search.ts, called from
-- Database.migrate()): it picks the rows whose key lacks the " | " separator of the new format and is a no-op after.
-- No index: the search is a substring "like" as before (pg_trgm is not used in this schema; PGlite would need the
-- extension loaded), and a list is at most one organisation's people.
SELECT 1;
