DROP INDEX "emails_organization_idx";--> statement-breakpoint
CREATE INDEX "emails_to_idx" ON "emails" USING btree (lower("to"),"created_at");--> statement-breakpoint
CREATE INDEX "emails_organization_idx" ON "emails" USING btree ("organization_id","created_at");