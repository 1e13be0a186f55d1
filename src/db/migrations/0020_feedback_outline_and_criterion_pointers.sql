ALTER TABLE "criteria" ADD COLUMN "practise" text;--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "outline" jsonb;