-- Issue 10: invitations to an address (never to an account), one-time links hidden from staff, second-factor
-- lock-out, sign-in throttling, recovery codes, remembered sessions, row-level security on every table the app reaches.
SELECT set_config('app.system', 'on', true);--> statement-breakpoint
ALTER TABLE "credentials" DROP COLUMN "failed_sign_ins";--> statement-breakpoint
ALTER TABLE "credentials" DROP COLUMN "locked_until";--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"email" text NOT NULL,
	"roles" text[] NOT NULL,
	"locale" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by_user_id" uuid,
	"declined_at" timestamp with time zone,
	CONSTRAINT "invitations_tokenHash_unique" UNIQUE("token_hash"),
	CONSTRAINT "invitations_email_lower" CHECK ("invitations"."email" = lower("invitations"."email")),
	CONSTRAINT "invitations_roles" CHECK (cardinality("invitations"."roles") > 0)
);
--> statement-breakpoint
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "recovery_codes" (
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "recovery_codes_user_id_code_hash_pk" PRIMARY KEY("user_id","code_hash")
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"blocked_until" timestamp with time zone,
	"last_failure_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "network_managers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "network_organisations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "networks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "email_tokens" DROP CONSTRAINT "email_tokens_purpose";--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "totp_pending_secret" text;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "second_factor_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "second_factor_locks" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "second_factor_locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "remember" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "display_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_by_user_id_users_id_fk" FOREIGN KEY ("accepted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitations_org_person" ON "invitations" USING btree ("organisation_id","person_id");--> statement-breakpoint
CREATE INDEX "email_tokens_user" ON "email_tokens" USING btree ("user_id");--> statement-breakpoint
-- Pending invitations of the old kind (a token tied to an account) become invitations to an address. The old kind
-- could set a new password on an existing account; the new kind never changes an existing account's credentials.
INSERT INTO "invitations" ("organisation_id", "person_id", "email", "roles", "locale", "token_hash", "created_at", "expires_at")
SELECT t.organisation_id, p.id, u.email,
       (SELECT array_agg(m.role ORDER BY m.role) FROM memberships m WHERE m.person_id = p.id),
       coalesce(u.locale, p.locale, 'pl'), t.token_hash, t.created_at, t.expires_at
FROM email_tokens t
JOIN users u ON u.id = t.user_id
JOIN people p ON p.user_id = t.user_id AND p.organisation_id = t.organisation_id
WHERE t.purpose = 'invitation' AND t.used_at IS NULL AND t.expires_at > now()
  AND EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id);--> statement-breakpoint
DELETE FROM email_tokens WHERE purpose = 'invitation';--> statement-breakpoint
ALTER TABLE "email_tokens" ADD CONSTRAINT "email_tokens_purpose" CHECK ("email_tokens"."purpose" in ('password_reset'));--> statement-breakpoint
DROP POLICY "users_create" ON "users" CASCADE;--> statement-breakpoint
CREATE POLICY "network_managers_self" ON "network_managers" AS PERMISSIVE FOR SELECT TO "tandem_app" USING ("network_managers"."user_id" = app_current_user());--> statement-breakpoint
CREATE POLICY "network_organisations_member_or_manager" ON "network_organisations" AS PERMISSIVE FOR SELECT TO "tandem_app" USING ("network_organisations"."organisation_id" = app_current_org()
        or exists (select 1 from network_managers m where m.network_id = "network_organisations"."network_id" and m.user_id = app_current_user()));--> statement-breakpoint
CREATE POLICY "networks_member_or_manager" ON "networks" AS PERMISSIVE FOR SELECT TO "tandem_app" USING (exists (select 1 from network_organisations n where n.network_id = "networks"."id" and n.organisation_id = app_current_org())
        or exists (select 1 from network_managers m where m.network_id = "networks"."id" and m.user_id = app_current_user()));--> statement-breakpoint
CREATE POLICY "invitations_tenant" ON "invitations" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
-- Hand-written from here (issue 10). ------------------------------------------------------------------------------
-- Mail already in the outbox: staff see it without its one-time links.
UPDATE outbox SET display_text = regexp_replace(text_body, 'https?://[^[:space:]]*/(invitation|password/reset|apply/guardian)/[^[:space:]]+', '[…]', 'g');--> statement-breakpoint
-- Staff read mail through display_text only: the bodies as sent may hold a live one-time link.
REVOKE ALL ON outbox FROM tandem_app;--> statement-breakpoint
GRANT INSERT ON outbox TO tandem_app;--> statement-breakpoint
GRANT SELECT (id, organisation_id, to_address, subject, display_text, locale, status, attempts, last_error, created_at, sent_at) ON outbox TO tandem_app;--> statement-breakpoint
-- The app role can neither create accounts, nor insert tokens for them, nor look up whether an address has one.
REVOKE INSERT ON users FROM tandem_app;--> statement-breakpoint
REVOKE ALL ON email_tokens, recovery_codes, sign_in_throttle FROM tandem_app;--> statement-breakpoint
DROP FUNCTION IF EXISTS app_user_id_by_email(text);--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON networks, network_organisations, network_managers FROM tandem_app;--> statement-breakpoint
-- Jobs are enqueued in the transaction of the change that causes them (mail, notices), through this function only:
-- the app role can neither read, change nor remove a job, and cannot see which ones exist.
REVOKE ALL ON jobs FROM tandem_app;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_enqueue_job(job_kind text, job_payload jsonb, job_unique_key text, job_run_at timestamptz, job_max_attempts integer)
  RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
    INSERT INTO jobs (kind, payload, unique_key, run_at, max_attempts)
    VALUES (job_kind, job_payload, job_unique_key, job_run_at, job_max_attempts)
    ON CONFLICT (unique_key) DO NOTHING
  $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app_enqueue_job(text, jsonb, text, timestamptz, integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_enqueue_job(text, jsonb, text, timestamptz, integer) TO tandem_app;--> statement-breakpoint
-- Which account a person record belongs to is decided only when an invitation is accepted (a system transaction):
-- the app role cannot point people.user_id at an account (which would make that account a member here).
CREATE OR REPLACE FUNCTION people_user_id_guard() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF current_user = 'tandem_app' AND (
       (TG_OP = 'INSERT' AND NEW.user_id IS NOT NULL)
    OR (TG_OP = 'UPDATE' AND NEW.user_id IS DISTINCT FROM OLD.user_id)) THEN
    RAISE EXCEPTION 'people.user_id changes only when an invitation is accepted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER people_user_id_guard BEFORE INSERT OR UPDATE OF user_id ON people
  FOR EACH ROW EXECUTE FUNCTION people_user_id_guard();--> statement-breakpoint
-- Row-level security applies to the table owner too (FORCE): a query run as the owner outside withSystem() — a
-- forgotten helper, a stray script — sees no tenant rows. withSystem() marks its transactions with app.system.
-- The app role can never pass this check, even if it sets app.system itself.
CREATE OR REPLACE FUNCTION app_is_system() RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT current_setting('app.system', true) = 'on' AND current_user <> 'tandem_app' $$;--> statement-breakpoint
-- The owner is a member of tandem_app (to SET ROLE), so the app role's RESTRICTIVE policies bind it too once
-- row-level security is forced: they let system work through (db/rls.ts restrictivePolicy).
ALTER POLICY "mentee_notes_case_staff" ON "mentee_notes" TO tandem_app USING (app_is_system() or (exists (select 1 from mentee_case_staff s where s.mentee_id = "mentee_notes"."mentee_id" and s.user_id = app_current_user()))) WITH CHECK (app_is_system() or (exists (select 1 from mentee_case_staff s where s.mentee_id = "mentee_notes"."mentee_id" and s.user_id = app_current_user())));--> statement-breakpoint
ALTER POLICY "concern_actions_case_staff" ON "concern_actions" TO tandem_app USING (app_is_system() or (exists (select 1 from concerns c where c.id = "concern_actions"."concern_id"))) WITH CHECK (app_is_system() or (exists (select 1 from concerns c where c.id = "concern_actions"."concern_id")));--> statement-breakpoint
ALTER POLICY "concerns_case_staff" ON "concerns" TO tandem_app USING (app_is_system() or (app_can_see_concern("concerns"."raised_by_user_id", "concerns"."assigned_to_user_id", "concerns"."match_id", "concerns"."mentee_id"))) WITH CHECK (app_is_system() or (app_can_see_concern("concerns"."raised_by_user_id", "concerns"."assigned_to_user_id", "concerns"."match_id", "concerns"."mentee_id")));--> statement-breakpoint
-- Every table with row-level security: forced, with the system policy. Later migrations call this for new tables.
CREATE OR REPLACE FUNCTION app_protect_table(t regclass) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
  IF NOT EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = t AND polname = 'system') THEN
    EXECUTE format('CREATE POLICY system ON %s AS PERMISSIVE FOR ALL TO PUBLIC USING (app_is_system()) WITH CHECK (app_is_system())', t);
  END IF;
END $$;--> statement-breakpoint
SELECT app_protect_table(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity;--> statement-breakpoint
-- The one SECURITY DEFINER function runs as the owner, so it marks itself as system work while it runs (a
-- function-level SET of a custom setting needs a superuser, hence set_config, restored before returning).
CREATE OR REPLACE FUNCTION app_member_has_password(member uuid) RETURNS boolean
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
DECLARE
  before text := coalesce(current_setting('app.system', true), '');
  answer boolean;
BEGIN
  PERFORM set_config('app.system', 'on', true);
  SELECT EXISTS (SELECT 1 FROM people p WHERE p.user_id = member AND p.organisation_id = app_current_org())
     AND EXISTS (SELECT 1 FROM credentials c WHERE c.user_id = member AND c.password_hash IS NOT NULL)
    INTO answer;
  PERFORM set_config('app.system', before, true);
  RETURN answer;
END $$;
