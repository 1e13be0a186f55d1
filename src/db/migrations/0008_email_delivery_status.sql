ALTER TABLE "emails" ADD COLUMN "last_code" integer;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "last_attempt_at" timestamp with time zone;--> statement-breakpoint
UPDATE "emails" SET "status" = 'retrying' WHERE "status" = 'queued' AND "attempts" > 0;
