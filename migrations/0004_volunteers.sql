CREATE TABLE "used_form_tokens" (
	"token" text PRIMARY KEY NOT NULL,
	"used_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" uuid,
	CONSTRAINT "document_templates_kind_locale" UNIQUE("organisation_id","kind","locale")
);
--> statement-breakpoint
ALTER TABLE "document_templates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "insurance_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"insurer" text NOT NULL,
	"policy_number" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insurance_dates" CHECK ("insurance_records"."valid_to" >= "insurance_records"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "insurance_records" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"minutes" integer DEFAULT 45 NOT NULL,
	"place" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"interviewer_user_id" uuid,
	"notes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recommendation" text,
	"ics_uid" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interviews_status" CHECK ("interviews"."status" in ('offered','scheduled','held','no_show','cancelled')),
	CONSTRAINT "interviews_minutes" CHECK ("interviews"."minutes" between 5 and 480)
);
--> statement-breakpoint
ALTER TABLE "interviews" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "safeguarding_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"seen_on" date NOT NULL,
	"seen_by_user_id" uuid NOT NULL,
	"renew_by" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "safeguarding_kind" CHECK ("safeguarding_checks"."kind" in ('pl_sex_offenders_register','pl_criminal_record','foreign_statement','de_extended_certificate')),
	CONSTRAINT "safeguarding_dates" CHECK ("safeguarding_checks"."renew_by" > "safeguarding_checks"."seen_on")
);
--> statement-breakpoint
ALTER TABLE "safeguarding_checks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "volunteer_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"lawful_basis" text NOT NULL,
	"text" text NOT NULL,
	"given_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "volunteer_consents_basis" CHECK ("volunteer_consents"."lawful_basis" in ('consent','contract','legal_obligation','vital_interests','public_task','legitimate_interests'))
);
--> statement-breakpoint
ALTER TABLE "volunteer_consents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "volunteer_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by_user_id" uuid,
	"accepted_how" text,
	"accepted_at" timestamp with time zone,
	"verification_code" text,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "volunteer_documents_verificationCode_unique" UNIQUE("verification_code"),
	CONSTRAINT "volunteer_documents_kind" CHECK ("volunteer_documents"."kind" in ('agreement','certificate','reference')),
	CONSTRAINT "volunteer_documents_accepted" CHECK ("volunteer_documents"."accepted_how" is null or "volunteer_documents"."accepted_how" in ('electronic','paper'))
);
--> statement-breakpoint
ALTER TABLE "volunteer_documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "volunteer_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"kind" text NOT NULL,
	"from_stage" text,
	"to_stage" text,
	"reason" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "volunteer_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "volunteer_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"hidden_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"safeguarding_renewal_months" integer DEFAULT 60 NOT NULL,
	"reminder_days" integer DEFAULT 30 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "volunteer_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "volunteers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"stage" text DEFAULT 'applied' NOT NULL,
	"stage_reason" text,
	"stage_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" text DEFAULT 'form' NOT NULL,
	"locale" text DEFAULT 'pl' NOT NULL,
	"profession" text,
	"education" text,
	"interests" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"availability" text[] DEFAULT '{}'::text[] NOT NULL,
	"hours_per_month" integer,
	"district" text,
	"travel_km" integer,
	"activities" text[] DEFAULT '{}'::text[] NOT NULL,
	"preferred_age_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"preferred_gender" text,
	"motivation" text,
	"heard_from" text,
	"works_with_minors" boolean DEFAULT false NOT NULL,
	"planned_days" integer,
	"guardian_name" text,
	"guardian_email" text,
	"guardian_confirmed_at" timestamp with time zone,
	"guardian_token_hash" text,
	"duplicate_of" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteers_guardianTokenHash_unique" UNIQUE("guardian_token_hash"),
	CONSTRAINT "volunteers_stage" CHECK ("volunteers"."stage" in ('applied','contacted','interview_scheduled','interviewed','training','approved','active','paused','ended','rejected','withdrawn')),
	CONSTRAINT "volunteers_hours" CHECK ("volunteers"."hours_per_month" is null or "volunteers"."hours_per_month" between 0 and 744)
);
--> statement-breakpoint
ALTER TABLE "volunteers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "document_templates" ADD CONSTRAINT "document_templates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_records" ADD CONSTRAINT "insurance_records_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_records" ADD CONSTRAINT "insurance_records_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_checks" ADD CONSTRAINT "safeguarding_checks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_checks" ADD CONSTRAINT "safeguarding_checks_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_consents" ADD CONSTRAINT "volunteer_consents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_consents" ADD CONSTRAINT "volunteer_consents_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_documents" ADD CONSTRAINT "volunteer_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_documents" ADD CONSTRAINT "volunteer_documents_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_events" ADD CONSTRAINT "volunteer_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_events" ADD CONSTRAINT "volunteer_events_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_settings" ADD CONSTRAINT "volunteer_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "safeguarding_volunteer" ON "safeguarding_checks" USING btree ("volunteer_id");--> statement-breakpoint
CREATE INDEX "volunteer_documents_volunteer" ON "volunteer_documents" USING btree ("volunteer_id");--> statement-breakpoint
CREATE INDEX "volunteer_events_volunteer" ON "volunteer_events" USING btree ("volunteer_id","at");--> statement-breakpoint
CREATE INDEX "volunteers_org_stage" ON "volunteers" USING btree ("organisation_id","stage");--> statement-breakpoint
CREATE INDEX "volunteers_person" ON "volunteers" USING btree ("person_id");--> statement-breakpoint
CREATE POLICY "document_templates_tenant" ON "document_templates" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "insurance_records_tenant" ON "insurance_records" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "interviews_tenant" ON "interviews" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "safeguarding_checks_tenant" ON "safeguarding_checks" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "volunteer_consents_tenant" ON "volunteer_consents" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "volunteer_documents_tenant" ON "volunteer_documents" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "volunteer_events_tenant" ON "volunteer_events" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "volunteer_settings_tenant" ON "volunteer_settings" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
CREATE POLICY "volunteers_tenant" ON "volunteers" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
REVOKE ALL ON used_form_tokens FROM tandem_app;
