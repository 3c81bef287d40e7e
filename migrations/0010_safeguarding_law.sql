-- Issue 11: the law's safeguarding checks per country (foreign records), lived abroad, health and safety, travel costs,
-- the written form of long service (qualified e-signature) and an organisation's choice for it.
ALTER TABLE "safeguarding_checks" DROP CONSTRAINT "safeguarding_kind";--> statement-breakpoint
ALTER TABLE "volunteer_documents" DROP CONSTRAINT "volunteer_documents_accepted";--> statement-breakpoint
ALTER TABLE "volunteer_settings" ADD COLUMN "long_service_form" text DEFAULT 'written' NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteer_settings" ADD COLUMN "long_service_form_note" text;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "lived_abroad" boolean;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "health_safety_on" date;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "travel_costs" text;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "travel_costs_on" date;--> statement-breakpoint
ALTER TABLE "safeguarding_checks" ADD CONSTRAINT "safeguarding_kind" CHECK ("safeguarding_checks"."kind" in ('pl_sex_offenders_register','pl_criminal_record','foreign_statement','foreign_criminal_record','foreign_record_statement','de_extended_certificate'));--> statement-breakpoint
ALTER TABLE "volunteer_documents" ADD CONSTRAINT "volunteer_documents_accepted" CHECK ("volunteer_documents"."accepted_how" is null or "volunteer_documents"."accepted_how" in ('electronic','paper','qualified'));--> statement-breakpoint
ALTER TABLE "volunteer_settings" ADD CONSTRAINT "volunteer_settings_long_form" CHECK ("volunteer_settings"."long_service_form" in ('written','electronic'));--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_travel_costs" CHECK ("volunteers"."travel_costs" is null or "volunteers"."travel_costs" in ('reimbursed','waived'));