CREATE TABLE "ats_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"api_key_sealed" text NOT NULL,
	"webhook_secret_sealed" text NOT NULL,
	"note_user_id" text,
	"reason_map" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_event_at" timestamp with time zone,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"last_tested_at" timestamp with time zone,
	"last_test_ok" boolean,
	"events_received" integer DEFAULT 0 NOT NULL,
	"events_imported" integer DEFAULT 0 NOT NULL,
	"events_failed" integer DEFAULT 0 NOT NULL,
	"notes_written" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ats_connections_provider_check" CHECK ("ats_connections"."provider" in ('greenhouse'))
);
--> statement-breakpoint
CREATE TABLE "ats_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"provider_event_id" text NOT NULL,
	"action" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"unmapped_reason" text,
	"application_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ats_links" (
	"connection_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"external_id" text NOT NULL,
	"local_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"external_parent_id" text,
	"last_event_at" timestamp with time zone,
	CONSTRAINT "ats_links_connection_id_kind_external_id_pk" PRIMARY KEY("connection_id","kind","external_id")
);
--> statement-breakpoint
CREATE TABLE "ats_write_backs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"feedback_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"external_note_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"written_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "ats_connections" ADD CONSTRAINT "ats_connections_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ats_connections" ADD CONSTRAINT "ats_connections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ats_events" ADD CONSTRAINT "ats_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ats_events" ADD CONSTRAINT "ats_events_connection_id_ats_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."ats_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ats_events" ADD CONSTRAINT "ats_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ats_links" ADD CONSTRAINT "ats_links_connection_id_ats_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."ats_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ats_links" ADD CONSTRAINT "ats_links_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ats_write_backs" ADD CONSTRAINT "ats_write_backs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ats_write_backs" ADD CONSTRAINT "ats_write_backs_connection_id_ats_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."ats_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ats_write_backs" ADD CONSTRAINT "ats_write_backs_feedback_id_feedback_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ats_write_backs" ADD CONSTRAINT "ats_write_backs_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ats_connections_org_provider_unique" ON "ats_connections" USING btree ("organization_id","provider");--> statement-breakpoint
CREATE UNIQUE INDEX "ats_events_connection_event_unique" ON "ats_events" USING btree ("connection_id","provider_event_id");--> statement-breakpoint
CREATE INDEX "ats_events_connection_status_idx" ON "ats_events" USING btree ("connection_id","status","received_at");--> statement-breakpoint
CREATE INDEX "ats_links_local_idx" ON "ats_links" USING btree ("kind","local_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ats_write_backs_feedback_unique" ON "ats_write_backs" USING btree ("connection_id","feedback_id");--> statement-breakpoint
CREATE INDEX "ats_write_backs_connection_idx" ON "ats_write_backs" USING btree ("connection_id","created_at");