ALTER TABLE "organizations" ADD COLUMN "deletion_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "deletion_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "deletion_requested_by" text;--> statement-breakpoint
CREATE INDEX "audit_events_org_id_idx" ON "audit_events" USING btree ("organization_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_org_actor_idx" ON "audit_events" USING btree ("organization_id","actor_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_org_action_idx" ON "audit_events" USING btree ("organization_id","action" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "audit_events_org_at_idx" ON "audit_events" USING btree ("organization_id","at");--> statement-breakpoint
-- The audit trail stays append-only, with two exceptions, each only inside the transaction that sets its
-- transaction-local setting: erasing a person (debrief.erasure = 'on', src/app/privacy/erase-candidate.ts) may blank
-- an event's personal values, its keys and who did what, when and on which record staying; erasing an organization
-- (debrief.erasing_organization = its id, src/app/organization/erase-organization.ts) removes that organization's
-- events and no other's.
CREATE OR REPLACE FUNCTION audit_events_reject_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.organization_id::text = current_setting('debrief.erasing_organization', true) THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE'
    AND coalesce(current_setting('debrief.erasure', true), '') = 'on'
    AND NEW.id = OLD.id
    AND NEW.organization_id = OLD.organization_id
    AND NEW.at = OLD.at
    AND NEW.actor_type = OLD.actor_type
    AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
    AND (NEW.actor_name IS NULL OR NEW.actor_name = OLD.actor_name)
    AND NEW.action = OLD.action
    AND NEW.subject_type IS NOT DISTINCT FROM OLD.subject_type
    AND NEW.subject_id IS NOT DISTINCT FROM OLD.subject_id
    AND NEW.application_id IS NOT DISTINCT FROM OLD.application_id
    AND jsonb_typeof(NEW.data) = 'object'
    AND (SELECT coalesce(array_agg(k ORDER BY k), '{}') FROM jsonb_object_keys(NEW.data) AS k)
      = (SELECT coalesce(array_agg(k ORDER BY k), '{}') FROM jsonb_object_keys(OLD.data) AS k)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;
