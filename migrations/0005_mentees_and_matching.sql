CREATE TABLE "mentee_case_staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"mentee_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentee_case_staff_once" UNIQUE("mentee_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "mentee_case_staff" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "mentee_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"mentee_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"lawful_basis" text NOT NULL,
	"text" text NOT NULL,
	"given_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "mentee_consents_basis" CHECK ("mentee_consents"."lawful_basis" in ('consent','contract','legal_obligation','vital_interests','public_task','legitimate_interests'))
);
--> statement-breakpoint
ALTER TABLE "mentee_consents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "mentee_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"mentee_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mentee_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "mentee_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"mentee_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mentee_notes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "mentees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"programme_id" uuid,
	"status" text DEFAULT 'waiting' NOT NULL,
	"status_reason" text,
	"source" text DEFAULT 'staff' NOT NULL,
	"locale" text DEFAULT 'pl' NOT NULL,
	"needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"availability" text[] DEFAULT '{}'::text[] NOT NULL,
	"district" text,
	"interests" text[] DEFAULT '{}'::text[] NOT NULL,
	"preferred_volunteer_gender" text,
	"preferred_volunteer_age_min" integer,
	"preferred_volunteer_age_max" integer,
	"minor" boolean DEFAULT false NOT NULL,
	"vulnerable_adult" boolean DEFAULT false NOT NULL,
	"summary" text,
	"social_worker_user_id" uuid,
	"waiting_since" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"reviewed_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentees_status" CHECK ("mentees"."status" in ('requested','waiting','matched','on_hold','closed','declined')),
	CONSTRAINT "mentees_source" CHECK ("mentees"."source" in ('staff','form')),
	CONSTRAINT "mentees_gender_pref" CHECK ("mentees"."preferred_volunteer_gender" is null or "mentees"."preferred_volunteer_gender" in ('any','female','male')),
	CONSTRAINT "mentees_age_pref" CHECK (("mentees"."preferred_volunteer_age_min" is null or "mentees"."preferred_volunteer_age_min" between 16 and 120) and ("mentees"."preferred_volunteer_age_max" is null or "mentees"."preferred_volunteer_age_max" between 16 and 120) and ("mentees"."preferred_volunteer_age_min" is null or "mentees"."preferred_volunteer_age_max" is null or "mentees"."preferred_volunteer_age_min" <= "mentees"."preferred_volunteer_age_max"))
);
--> statement-breakpoint
ALTER TABLE "mentees" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "districts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	CONSTRAINT "districts_name_per_org" UNIQUE("organisation_id","name"),
	CONSTRAINT "districts_coordinates" CHECK ("districts"."latitude" between -90 and 90 and "districts"."longitude" between -180 and 180)
);
--> statement-breakpoint
ALTER TABLE "districts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "introductions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"match_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"minutes" integer DEFAULT 60 NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"note" text,
	"ics_uid" text NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "introductions_status" CHECK ("introductions"."status" in ('scheduled','held','cancelled')),
	CONSTRAINT "introductions_minutes" CHECK ("introductions"."minutes" between 15 and 480)
);
--> statement-breakpoint
ALTER TABLE "introductions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "match_exclusions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"mentee_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_exclusions_pair" UNIQUE("mentee_id","volunteer_id")
);
--> statement-breakpoint
ALTER TABLE "match_exclusions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "match_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"mentee_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"score" double precision NOT NULL,
	"components" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	"match_id" uuid,
	CONSTRAINT "match_proposals_run_mentee" UNIQUE("run_id","mentee_id"),
	CONSTRAINT "match_proposals_status" CHECK ("match_proposals"."status" in ('proposed','accepted','rejected','stale'))
);
--> statement-breakpoint
ALTER TABLE "match_proposals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "match_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"mentees" integer NOT NULL,
	"volunteers" integer NOT NULL,
	"candidate_pairs" integer NOT NULL,
	"matched" integer NOT NULL,
	"total" double precision NOT NULL,
	"milliseconds" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	CONSTRAINT "match_runs_status" CHECK ("match_runs"."status" in ('open','closed'))
);
--> statement-breakpoint
ALTER TABLE "match_runs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"mentee_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"programme_id" uuid,
	"needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"score" double precision,
	"components" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"origin" text DEFAULT 'suggestion' NOT NULL,
	"proposal_id" uuid,
	"created_by_user_id" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matches_status" CHECK ("matches"."status" in ('active','paused','closed')),
	CONSTRAINT "matches_origin" CHECK ("matches"."origin" in ('suggestion','batch'))
);
--> statement-breakpoint
ALTER TABLE "matches" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "venues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"address" text NOT NULL,
	"district" text,
	"opening_hours" text DEFAULT '' NOT NULL,
	"step_free" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "venues_name_per_org" UNIQUE("organisation_id","name"),
	CONSTRAINT "venues_kind" CHECK ("venues"."kind" in ('cafe','library','community_centre','other'))
);
--> statement-breakpoint
ALTER TABLE "venues" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "time_zone" text DEFAULT 'Europe/Warsaw' NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "gender" text;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "matching_weights" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "capacity" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "mentee_case_staff" ADD CONSTRAINT "mentee_case_staff_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentee_case_staff" ADD CONSTRAINT "mentee_case_staff_mentee_id_mentees_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."mentees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentee_consents" ADD CONSTRAINT "mentee_consents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentee_consents" ADD CONSTRAINT "mentee_consents_mentee_id_mentees_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."mentees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentee_events" ADD CONSTRAINT "mentee_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentee_events" ADD CONSTRAINT "mentee_events_mentee_id_mentees_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."mentees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentee_notes" ADD CONSTRAINT "mentee_notes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentee_notes" ADD CONSTRAINT "mentee_notes_mentee_id_mentees_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."mentees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentees" ADD CONSTRAINT "mentees_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentees" ADD CONSTRAINT "mentees_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentees" ADD CONSTRAINT "mentees_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "districts" ADD CONSTRAINT "districts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introductions" ADD CONSTRAINT "introductions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introductions" ADD CONSTRAINT "introductions_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introductions" ADD CONSTRAINT "introductions_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_exclusions" ADD CONSTRAINT "match_exclusions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_exclusions" ADD CONSTRAINT "match_exclusions_mentee_id_mentees_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."mentees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_exclusions" ADD CONSTRAINT "match_exclusions_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_proposals" ADD CONSTRAINT "match_proposals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_proposals" ADD CONSTRAINT "match_proposals_run_id_match_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."match_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_proposals" ADD CONSTRAINT "match_proposals_mentee_id_mentees_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."mentees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_proposals" ADD CONSTRAINT "match_proposals_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_proposals" ADD CONSTRAINT "match_proposals_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_runs" ADD CONSTRAINT "match_runs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_runs" ADD CONSTRAINT "match_runs_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_mentee_id_mentees_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."mentees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mentee_events_mentee" ON "mentee_events" USING btree ("mentee_id","at");--> statement-breakpoint
CREATE INDEX "mentee_notes_mentee" ON "mentee_notes" USING btree ("mentee_id","created_at");--> statement-breakpoint
CREATE INDEX "mentees_org_status" ON "mentees" USING btree ("organisation_id","status","waiting_since");--> statement-breakpoint
CREATE INDEX "mentees_person" ON "mentees" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "introductions_match" ON "introductions" USING btree ("match_id");--> statement-breakpoint
CREATE INDEX "matches_volunteer_status" ON "matches" USING btree ("volunteer_id","status");--> statement-breakpoint
CREATE INDEX "matches_mentee_status" ON "matches" USING btree ("mentee_id","status");--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_gender" CHECK ("people"."gender" is null or "people"."gender" in ('female','male','other'));--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_capacity" CHECK ("volunteers"."capacity" between 1 and 20);--> statement-breakpoint
CREATE POLICY "mentee_case_staff_tenant" ON "mentee_case_staff" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "mentee_consents_tenant" ON "mentee_consents" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "mentee_events_tenant" ON "mentee_events" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "mentee_notes_tenant" ON "mentee_notes" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "mentee_notes_case_staff" ON "mentee_notes" AS RESTRICTIVE FOR ALL TO "tandem_app" USING (exists (select 1 from mentee_case_staff s where s.mentee_id = "mentee_notes"."mentee_id" and s.user_id = app_current_user())) WITH CHECK (exists (select 1 from mentee_case_staff s where s.mentee_id = "mentee_notes"."mentee_id" and s.user_id = app_current_user()));--> statement-breakpoint
CREATE POLICY "mentees_tenant" ON "mentees" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "districts_tenant" ON "districts" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "introductions_tenant" ON "introductions" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "match_exclusions_tenant" ON "match_exclusions" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "match_proposals_tenant" ON "match_proposals" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "match_runs_tenant" ON "match_runs" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "matches_tenant" ON "matches" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "venues_tenant" ON "venues" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());