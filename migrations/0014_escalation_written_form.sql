CREATE TABLE "volunteer_document_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"signature_checked" boolean NOT NULL,
	"uploaded_by_user_id" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_document_files_documentId_unique" UNIQUE("document_id"),
	CONSTRAINT "volunteer_document_files_format" CHECK ("volunteer_document_files"."format" in ('pdf','xades','asice')),
	CONSTRAINT "volunteer_document_files_checked" CHECK ("volunteer_document_files"."signature_checked")
);
--> statement-breakpoint
ALTER TABLE "volunteer_document_files" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "concern_actions" ALTER COLUMN "by_user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "severity_since" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "acknowledged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "acknowledged_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "volunteer_document_files" ADD CONSTRAINT "volunteer_document_files_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_document_files" ADD CONSTRAINT "volunteer_document_files_document_id_volunteer_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."volunteer_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_document_files" ADD CONSTRAINT "volunteer_document_files_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "volunteer_document_files_tenant" ON "volunteer_document_files" AS PERMISSIVE FOR ALL TO "tandem_app" USING (organisation_id = app_current_org()) WITH CHECK (organisation_id = app_current_org());--> statement-breakpoint
-- Concerns raised before this migration got their severity when they were raised.
UPDATE "concerns" SET "severity_since" = "created_at";--> statement-breakpoint
-- Forced row-level security with the system policy, like every table (0007).
SELECT app_protect_table('volunteer_document_files');