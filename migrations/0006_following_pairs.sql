CREATE TABLE "check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"match_id" uuid NOT NULL,
	"side" text NOT NULL,
	"kind" text DEFAULT 'regular' NOT NULL,
	"held_on" date NOT NULL,
	"rating" integer,
	"how_it_goes" text,
	"notes" text,
	"recorded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_side" CHECK ("check_ins"."side" in ('volunteer','mentee')),
	CONSTRAINT "check_ins_kind" CHECK ("check_ins"."kind" in ('regular','closing')),
	CONSTRAINT "check_ins_rating" CHECK ("check_ins"."rating" is null or "check_ins"."rating" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "check_ins" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "concern_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"concern_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by_user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "concern_actions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "concerns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"match_id" uuid,
	"mentee_id" uuid,
	"volunteer_id" uuid,
	"meeting_id" uuid,
	"raised_by_user_id" uuid NOT NULL,
	"raised_as" text NOT NULL,
	"severity" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"summary" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"assigned_to_user_id" uuid,
	"resolution" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "concerns_severity" CHECK ("concerns"."severity" in ('low','medium','high','safeguarding')),
	CONSTRAINT "concerns_status" CHECK ("concerns"."status" in ('open','in_progress','resolved','closed')),
	CONSTRAINT "concerns_raised_as" CHECK ("concerns"."raised_as" in ('volunteer','social_worker','coordinator','administrator'))
);
--> statement-breakpoint
ALTER TABLE "concerns" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "covers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"absent_user_id" uuid NOT NULL,
	"cover_user_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"note" text,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "covers_dates" CHECK ("covers"."ends_on" >= "covers"."starts_on"),
	CONSTRAINT "covers_people" CHECK ("covers"."absent_user_id" <> "covers"."cover_user_id")
);
--> statement-breakpoint
ALTER TABLE "covers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "meeting_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_comments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"match_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"logged_by_user_id" uuid NOT NULL,
	"meeting_date" date NOT NULL,
	"minutes" integer NOT NULL,
	"place" text,
	"activity" text NOT NULL,
	"note" text,
	"worry" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_minutes" CHECK ("meetings"."minutes" between 5 and 720)
);
--> statement-breakpoint
ALTER TABLE "meetings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "supervision_attendees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"attended" boolean DEFAULT true NOT NULL,
	CONSTRAINT "supervision_attendee_once" UNIQUE("session_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "supervision_attendees" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "supervision_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"minutes" integer NOT NULL,
	"place" text,
	"online_link" text,
	"facilitator" text NOT NULL,
	"topics" text DEFAULT '' NOT NULL,
	"record" text,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervision_audience" CHECK ("supervision_sessions"."audience" in ('volunteers','coordinators')),
	CONSTRAINT "supervision_minutes" CHECK ("supervision_sessions"."minutes" between 15 and 480),
	CONSTRAINT "supervision_where" CHECK ("supervision_sessions"."place" is not null or "supervision_sessions"."online_link" is not null)
);
--> statement-breakpoint
ALTER TABLE "supervision_sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "follow_up" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "matches" ADD COLUMN "coordinator_user_id" uuid;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_actions" ADD CONSTRAINT "concern_actions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_actions" ADD CONSTRAINT "concern_actions_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_mentee_id_mentees_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."mentees"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "covers" ADD CONSTRAINT "covers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_comments" ADD CONSTRAINT "meeting_comments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_comments" ADD CONSTRAINT "meeting_comments_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_attendees" ADD CONSTRAINT "supervision_attendees_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_attendees" ADD CONSTRAINT "supervision_attendees_session_id_supervision_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."supervision_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_attendees" ADD CONSTRAINT "supervision_attendees_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_ins_match" ON "check_ins" USING btree ("match_id","held_on");--> statement-breakpoint
CREATE INDEX "concern_actions_concern" ON "concern_actions" USING btree ("concern_id","at");--> statement-breakpoint
CREATE INDEX "concerns_org_status" ON "concerns" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "covers_absent" ON "covers" USING btree ("absent_user_id","starts_on");--> statement-breakpoint
CREATE INDEX "meeting_comments_meeting" ON "meeting_comments" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meetings_match_date" ON "meetings" USING btree ("match_id","meeting_date");--> statement-breakpoint
CREATE INDEX "meetings_volunteer_date" ON "meetings" USING btree ("volunteer_id","meeting_date");--> statement-breakpoint
-- Who may see a concern (used by the restrictive policy on concerns): who raised it, to whom it is assigned, the
-- match's coordinator or their cover today, or the mentee's case staff. Runs with the caller's rights, so the tenant
-- policies of matches, covers and mentee_case_staff apply inside it too.
CREATE OR REPLACE FUNCTION app_can_see_concern(raised_by uuid, assigned_to uuid, match uuid, mentee uuid) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$
    SELECT app_current_user() IS NOT NULL AND (
      raised_by = app_current_user()
      OR assigned_to = app_current_user()
      OR EXISTS (
        SELECT 1 FROM matches m
        WHERE m.id = match AND (
          m.coordinator_user_id = app_current_user()
          OR EXISTS (SELECT 1 FROM covers c WHERE c.absent_user_id = m.coordinator_user_id AND c.cover_user_id = app_current_user() AND current_date BETWEEN c.starts_on AND c.ends_on)
        )
      )
      OR EXISTS (
        SELECT 1 FROM mentee_case_staff s
        WHERE s.user_id = app_current_user()
          AND s.mentee_id = coalesce(mentee, (SELECT m.mentee_id FROM matches m WHERE m.id = match))
      )
    )
  $$;
--> statement-breakpoint
CREATE POLICY "check_ins_tenant" ON "check_ins" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "concern_actions_tenant" ON "concern_actions" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "concern_actions_case_staff" ON "concern_actions" AS RESTRICTIVE FOR ALL TO "tandem_app" USING (exists (select 1 from concerns c where c.id = "concern_actions"."concern_id")) WITH CHECK (exists (select 1 from concerns c where c.id = "concern_actions"."concern_id"));--> statement-breakpoint
CREATE POLICY "concerns_tenant" ON "concerns" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "concerns_case_staff" ON "concerns" AS RESTRICTIVE FOR ALL TO "tandem_app" USING (app_can_see_concern("concerns"."raised_by_user_id", "concerns"."assigned_to_user_id", "concerns"."match_id", "concerns"."mentee_id")) WITH CHECK (app_can_see_concern("concerns"."raised_by_user_id", "concerns"."assigned_to_user_id", "concerns"."match_id", "concerns"."mentee_id"));--> statement-breakpoint
CREATE POLICY "covers_tenant" ON "covers" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "meeting_comments_tenant" ON "meeting_comments" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "meetings_tenant" ON "meetings" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "supervision_attendees_tenant" ON "supervision_attendees" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "supervision_sessions_tenant" ON "supervision_sessions" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());