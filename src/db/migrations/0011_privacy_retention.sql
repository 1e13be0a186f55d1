ALTER TABLE "candidates" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "retention_warned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "retention_months" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
-- The audit trail stays append-only, with one exception: erasing a person's data (src/app/privacy/erase-candidate.ts)
-- may, inside a transaction that sets debrief.erasure to 'on' (set_config with is_local), blank the personal fields of an event:
-- the data's values (its keys stay) and a candidate's name as actor. Who acted, what, when and on which record stay.
CREATE OR REPLACE FUNCTION audit_events_reject_change() RETURNS trigger AS $$
BEGIN
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
