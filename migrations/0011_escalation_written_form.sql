ALTER TABLE "concern_actions" ALTER COLUMN "by_user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "severity_since" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "acknowledged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "acknowledged_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
-- Concerns raised before this migration got their severity when they were raised.
UPDATE "concerns" SET "severity_since" = "created_at";