CREATE TABLE "known_devices" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"account" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"bucket" text PRIMARY KEY NOT NULL,
	"attempts" integer NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "emails_organization_idx";--> statement-breakpoint
CREATE INDEX "known_devices_account_idx" ON "known_devices" USING btree ("account");--> statement-breakpoint
CREATE INDEX "emails_to_idx" ON "emails" USING btree (lower("to"),"created_at");--> statement-breakpoint
CREATE INDEX "emails_organization_idx" ON "emails" USING btree ("organization_id","created_at");