-- Secrets and machinery only system transactions (the table owner) reach.
REVOKE ALL ON credentials, sessions, access_tokens, jobs, app_secrets, rate_limits FROM tandem_app;
--> statement-breakpoint
REVOKE ALL ON email_tokens FROM tandem_app;
--> statement-breakpoint
-- An administrator inviting someone creates the account and the e-mailed token in their tenant transaction.
GRANT INSERT ON email_tokens TO tandem_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON users FROM tandem_app;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON networks, network_organisations, network_managers FROM tandem_app;
--> statement-breakpoint
-- The audit log is append-only for everyone, the owner included.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM tandem_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
--> statement-breakpoint
-- Jobs are enqueued in the transaction of the change that causes them (mail, notices).
GRANT INSERT ON jobs TO tandem_app;
--> statement-breakpoint
-- ON CONFLICT (unique_key) needs to read the arbiter column.
GRANT SELECT (unique_key) ON jobs TO tandem_app;
--> statement-breakpoint
-- Whether an account exists for an e-mail address, without letting the app role read every account.
CREATE OR REPLACE FUNCTION app_user_id_by_email(address text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT id FROM users WHERE email = lower(address) $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_user_id_by_email(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_user_id_by_email(text) TO tandem_app;
