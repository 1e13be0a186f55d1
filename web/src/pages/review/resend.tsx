import { api, type Feedback } from '../../api';
import { ErrorNote } from '../../components';
import { Field, useSubmit } from '../../ui';

/**
 * A feedback whose email failed: send it again, to the same address or a corrected one (the candidate's address
 * changes, and the audit trail records it), or edit the text first, which makes it a draft to approve again.
 */
export function ResendCard({
  fb,
  onSent,
  onEdit,
}: {
  fb: Feedback;
  onSent: (f: Feedback) => void;
  onEdit: () => void;
}) {
  const to = fb.delivery?.to ?? '';
  const resend = useSubmit(async (v) => {
    const address = v.to?.trim();
    const r = await api<{ feedback: Feedback }>('POST', `/feedback/${fb.id}/resend`, {
      ...(address && address !== to ? { to: address } : {}),
    });
    onSent(r.feedback);
  });
  return (
    <section className="card">
      <h2>Send again</h2>
      <form className="resend" onSubmit={resend.onSubmit}>
        <Field
          id="resend-to"
          label="Candidate's email address"
          name="to"
          type="email"
          defaultValue={to}
          required
          hint="If the address was wrong, correct it here: the candidate's address changes, and the audit trail records the change."
        />
        <div className="actions">
          <button type="submit" disabled={resend.busy}>
            {resend.busy ? 'Sending…' : 'Send again'}
          </button>
          <button type="button" className="secondary" disabled={resend.busy} onClick={onEdit}>
            Edit the text first
          </button>
        </div>
        <small className="muted">
          Editing makes it a draft again, to be checked and approved before it is sent.
        </small>
      </form>
      <ErrorNote error={resend.error} />
    </section>
  );
}
