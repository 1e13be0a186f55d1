ALTER TABLE "scorecard_ratings" ADD COLUMN "flagged_rules" jsonb;--> statement-breakpoint
ALTER TABLE "scorecard_ratings" ADD COLUMN "flag_reason" text;--> statement-breakpoint
ALTER TABLE "scorecard_ratings" ADD COLUMN "flagged_by" uuid;--> statement-breakpoint
ALTER TABLE "scorecard_ratings" ADD COLUMN "flagged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "scorecard_ratings" ADD COLUMN "redacted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "scorecard_ratings" ADD COLUMN "redacted_by" uuid;--> statement-breakpoint
ALTER TABLE "scorecard_ratings" ADD COLUMN "redaction_reason" text;--> statement-breakpoint
ALTER TABLE "scorecard_ratings" ADD CONSTRAINT "scorecard_ratings_flagged_by_users_id_fk" FOREIGN KEY ("flagged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_ratings" ADD CONSTRAINT "scorecard_ratings_redacted_by_users_id_fk" FOREIGN KEY ("redacted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;