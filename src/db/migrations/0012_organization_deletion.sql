ALTER TABLE "organizations" ADD COLUMN "deletion_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "deletion_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "deletion_requested_by" text;--> statement-breakpoint
-- The audit trail stays append-only, except that erasing an organization removes its events: only inside the
-- transaction that erases it, which names the organization in a transaction-local setting.
CREATE OR REPLACE FUNCTION audit_events_reject_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.organization_id::text = current_setting('debrief.erasing_organization', true) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;
