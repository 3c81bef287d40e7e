-- A two-factor set-up belongs to the session that started it: another session of the account (a stolen one) can
-- neither see the new secret nor confirm it. Set-ups begun before this have no session and are dropped.
ALTER TABLE "credentials" ADD COLUMN "totp_pending_session" text;--> statement-breakpoint
UPDATE "credentials" SET "totp_pending_secret" = NULL WHERE "totp_pending_session" IS NULL;
