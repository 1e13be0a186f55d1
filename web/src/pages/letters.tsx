import { useState } from 'react';
import { Link } from 'react-router';
import { GREETINGS, normalizeVoice, signOffLines, VOICE_LIMITS } from '../../../src/domain/compose/voice';
import { api, can, type FeedbackVoice, type Me } from '../api';
import { CheckedTextarea, useCheck } from '../checked';
import { ErrorNote } from '../components';
import { usePageTitle } from '../navigation';
import { useApi } from '../query';
import { Field, useSubmit } from '../ui';

/**
 * How the organization's letters greet, introduce, close and sign, and where replies go. The introduction and the
 * closing are checked as the admin types, and again by the server; a sample letter shows the result.
 */
export function LettersPage({ me }: { me: Me }) {
  usePageTitle(['Letters']);
  const voice = useApi<FeedbackVoice>('/feedback-voice');
  if (voice.error) return <ErrorNote error={voice.error} />;
  if (!voice.data) return <p className="muted">Loading…</p>;
  return <VoiceForm initial={voice.data} me={me} onSaved={(v) => voice.setData(v)} />;
}

function VoiceForm({
  initial,
  me,
  onSaved,
}: {
  initial: FeedbackVoice;
  me: Me;
  onSaved(v: FeedbackVoice): void;
}) {
  const [v, setV] = useState(initial);
  const [saved, setSaved] = useState(false);
  const mayEdit = can(me, 'voice.manage');
  const set = (patch: Partial<FeedbackVoice>) => {
    setSaved(false);
    setV({ ...v, ...patch });
  };
  const introFindings = useCheck(v.intro ?? '');
  const closingFindings = useCheck(v.closing ?? '');
  const save = useSubmit(async () => {
    const r = await api<FeedbackVoice>('PUT', '/feedback-voice', v);
    onSaved(r);
    setV(r);
    setSaved(true);
  });
  const signer = v.signer;
  const org = me.organization.name;
  const preview = [
    `${v.greeting} Sam,`,
    `Thank you for the time you gave to interviewing at ${org} for the Data Analyst role. We have decided not to offer you the role. …`,
    ...(v.intro ? [v.intro] : []),
    '… the strength, then each area to work on with what we saw and what to practise …',
    'We hope these points help, and we would welcome an application from you for a future role.',
    ...(v.closing ? [v.closing] : []),
    signOffLines(
      { ...v, signOff: normalizeVoice({ signOff: v.signOff }).signOff },
      org,
      signer.kind === 'reviewer' ? me.user.name : undefined,
    ).join('\n'),
  ];

  return (
    <>
      <p className="crumbs">
        <Link to="/settings">Settings</Link> /
      </p>
      <h1>Your letters</h1>
      <p className="muted">
        How every feedback letter from {org} greets, introduces itself, closes and signs. Letters already
        drafted keep the words they were drafted with.
      </p>
      <div className="review">
        <form
          className="card review-main"
          onSubmit={(e) => {
            e.preventDefault();
            void save.run();
          }}
        >
          <fieldset className="plain" disabled={!mayEdit || save.busy}>
            <Field label="Greeting" hint="Followed by the candidate's first name.">
              {(control) => (
                <select
                  {...control}
                  value={v.greeting}
                  onChange={(e) => set({ greeting: e.target.value as FeedbackVoice['greeting'] })}
                >
                  {GREETINGS.map((g) => (
                    <option key={g} value={g}>
                      {g} Sam,
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <CheckedTextarea
              label="Introduction (optional)"
              hint={`A short paragraph of your own after the thanks and the outcome; not in a screen letter. Up to ${VOICE_LIMITS.intro} characters.`}
              value={v.intro ?? ''}
              onChange={(x) => set({ intro: x.slice(0, VOICE_LIMITS.intro) || null })}
              findings={introFindings}
            />
            <CheckedTextarea
              label="Standard closing (optional)"
              hint="A paragraph before the sign-off, in every letter after a screen."
              value={v.closing ?? ''}
              onChange={(x) => set({ closing: x.slice(0, VOICE_LIMITS.closing) || null })}
              findings={closingFindings}
            />
            <Field
              label="Sign-off"
              value={v.signOff}
              maxLength={VOICE_LIMITS.signOff}
              required
              onChange={(e) => set({ signOff: e.target.value })}
            />
            <fieldset className="choices">
              <legend>Signed by</legend>
              <label>
                <input
                  type="radio"
                  name="signer"
                  checked={signer.kind === 'team'}
                  onChange={() => set({ signer: { kind: 'team' } })}
                />{' '}
                The team: “The {org} hiring team”
              </label>
              <label>
                <input
                  type="radio"
                  name="signer"
                  checked={signer.kind === 'reviewer'}
                  onChange={() => set({ signer: { kind: 'reviewer' } })}
                />{' '}
                The reviewer who approves each letter, above the team's name
              </label>
              <label>
                <input
                  type="radio"
                  name="signer"
                  checked={signer.kind === 'named'}
                  onChange={() => set({ signer: { kind: 'named', name: '', title: null } })}
                />{' '}
                One named person
              </label>
            </fieldset>
            {signer.kind === 'named' && (
              <>
                <Field
                  label="Name"
                  value={signer.name}
                  required
                  maxLength={VOICE_LIMITS.signerName}
                  onChange={(e) => set({ signer: { ...signer, name: e.target.value } })}
                />
                <Field
                  label="Title (optional)"
                  value={signer.title ?? ''}
                  maxLength={VOICE_LIMITS.signerTitle}
                  onChange={(e) => set({ signer: { ...signer, title: e.target.value || null } })}
                />
              </>
            )}
            <Field
              label="Replies go to (optional)"
              type="email"
              value={v.replyTo ?? ''}
              hint="Leave empty to send each reply to the reviewer who approved the letter."
              onChange={(e) => set({ replyTo: e.target.value.trim() || null })}
            />
            {mayEdit && (
              <button type="submit" disabled={save.busy}>
                Save
              </button>
            )}
          </fieldset>
          {!mayEdit && <p className="muted">Only an admin can change these.</p>}
          <ErrorNote error={save.error} />
          {saved && (
            <p className="ok-note" role="status">
              Saved. New drafts use it.
            </p>
          )}
        </form>
        <aside className="card" aria-labelledby="sample-head">
          <h2 id="sample-head">A letter, in outline</h2>
          <div className="letter" data-testid="letter-sample">
            {preview.map((p) => (
              <p key={p} style={{ whiteSpace: 'pre-line' }}>
                {p}
              </p>
            ))}
          </div>
        </aside>
      </div>
    </>
  );
}
