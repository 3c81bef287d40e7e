-- Whether a member of the current organisation has set a password (accepted the invitation), without letting
-- the app role read credentials. Answers false for accounts outside the current organisation.
CREATE OR REPLACE FUNCTION app_member_has_password(member uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT EXISTS (SELECT 1 FROM people p WHERE p.user_id = member AND p.organisation_id = app_current_org())
       AND EXISTS (SELECT 1 FROM credentials c WHERE c.user_id = member AND c.password_hash IS NOT NULL)
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_member_has_password(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_member_has_password(uuid) TO tandem_app;
