CREATE TABLE "match_run_unmatched" (
	"organisation_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"mentee_id" uuid NOT NULL,
	"eligible" integer NOT NULL,
	"left_out" jsonb NOT NULL,
	CONSTRAINT "match_run_unmatched_run_id_mentee_id_pk" PRIMARY KEY("run_id","mentee_id"),
	CONSTRAINT "match_run_unmatched_eligible" CHECK ("match_run_unmatched"."eligible" >= 0)
);
--> statement-breakpoint
ALTER TABLE "match_run_unmatched" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "match_run_unmatched" ADD CONSTRAINT "match_run_unmatched_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_run_unmatched" ADD CONSTRAINT "match_run_unmatched_run_id_match_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."match_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_run_unmatched" ADD CONSTRAINT "match_run_unmatched_mentee_id_mentees_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."mentees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "match_run_unmatched_tenant" ON "match_run_unmatched" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
-- Forced row-level security with the system policy, like every table (0007).
SELECT app_protect_table('match_run_unmatched');
