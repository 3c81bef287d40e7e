ALTER TABLE "mentees" ADD COLUMN "status_token_hash" text;--> statement-breakpoint
ALTER TABLE "mentees" ADD CONSTRAINT "mentees_statusTokenHash_unique" UNIQUE("status_token_hash");