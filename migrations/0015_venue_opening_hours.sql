ALTER TABLE "introductions" ADD COLUMN "outside_hours_reason" text;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "weekly_hours" jsonb;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_weekly_hours" CHECK ("venues"."weekly_hours" is null or jsonb_typeof("venues"."weekly_hours") = 'object');