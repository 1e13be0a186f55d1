ALTER TABLE "reminders" ADD COLUMN "round_id" uuid;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_round_id_tracker_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."tracker_rounds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reminders_round_idx" ON "reminders" USING btree ("round_id");--> statement-breakpoint
-- A thank-you reminder already made for a round is linked to it: the round on the same application the day before.
UPDATE "reminders" AS r SET "round_id" = (
  SELECT tr."id" FROM "tracker_rounds" tr
  WHERE tr."application_id" = r."application_id" AND tr."date" + 1 = r."due_on"
  ORDER BY tr."created_at" LIMIT 1
) WHERE r."kind" = 'thank-you' AND r."application_id" IS NOT NULL;
