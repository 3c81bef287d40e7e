ALTER TABLE "people" DROP CONSTRAINT "people_gender";--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "district_other_allowed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "matching_max_distance_km" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_gender" CHECK ("people"."gender" is null or "people"."gender" in ('female','male','other','undisclosed'));--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_matching_max_distance" CHECK ("programmes"."matching_max_distance_km" between 1 and 200);