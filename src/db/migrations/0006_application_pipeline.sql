ALTER TABLE "applications" ADD COLUMN "rejected_at_stage" text;--> statement-breakpoint
ALTER TABLE "scorecards" ADD COLUMN "interviewer_id" uuid;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_interviewer_id_users_id_fk" FOREIGN KEY ("interviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Existing scorecards belong to the member whose address they name, else to the member who submitted them.
UPDATE "scorecards" AS s SET "interviewer_id" = coalesce(
  (SELECT u."id" FROM "users" u WHERE u."organization_id" = s."organization_id" AND lower(u."email") = lower(s."interviewer_email") LIMIT 1),
  s."submitted_by"
);--> statement-breakpoint
CREATE INDEX "scorecards_interviewer_idx" ON "scorecards" USING btree ("application_id","interviewer_id");--> statement-breakpoint
-- The stage now says how an application ended: rejected and hired ones take their status as their stage, and a
-- rejected one keeps the stage it was rejected at.
UPDATE "applications" SET "rejected_at_stage" = "stage" WHERE "status" = 'rejected';--> statement-breakpoint
UPDATE "applications" SET "stage" = "status" WHERE "status" IN ('rejected', 'hired');--> statement-breakpoint
ALTER TABLE "applications" DROP COLUMN "status";--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_stage_check" CHECK ("applications"."stage" in ('applied', 'screen', 'interview', 'final', 'offer', 'hired', 'rejected', 'withdrawn'));