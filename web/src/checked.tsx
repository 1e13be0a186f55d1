import { type ReactNode, useEffect, useId, useMemo, useSyncExternalStore } from 'react';
import type { Finding } from '../../src/checker/types';
import { type Category, isRequestCategory, type Mode } from '../../src/checker/vocabulary';

type Engine = typeof import('./checked-engine');
let engine: Engine | undefined;
let loading: Promise<Engine> | undefined;
const listeners = new Set<() => void>();
/** The checker's code, fetched once, the first time there is text to check. */
function loadEngine(): Promise<Engine> {
  loading ??= import('./checked-engine').then(
    (m) => {
      engine = m;
      for (const l of listeners) l();
      return m;
    },
    (e) => {
      loading = undefined; // a failed download is tried again with the next change
      throw e;
    },
  );
  return loading;
}
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The checker once it has loaded; `wanted` starts loading it. */
function useEngine(wanted: boolean): Engine | undefined {
  const loaded = useSyncExternalStore(subscribe, () => engine);
  useEffect(() => {
    if (wanted && !engine) loadEngine().catch(() => undefined);
  }, [wanted]);
  return loaded;
}

/**
 * Runs the same checker the server runs, in the browser, on every change. The checker loads with the first text to
 * check; until it arrives there are no findings (the server checks again whatever is saved or sent).
 */
export function useCheck(text: string, mode: Mode = 'feedback'): Finding[] {
  const wanted = text.trim() !== '';
  const loaded = useEngine(wanted);
  return useMemo(() => (loaded && wanted ? loaded.check(text, { mode }) : []), [loaded, text, mode, wanted]);
}

/** Whether the checker has loaded: before that, no findings means "not checked yet", not "nothing found". */
export const useCheckerReady = () => useEngine(false) !== undefined;

const CATEGORY_LABELS: Record<Category, string> = {
  protected: 'Protected characteristic',
  proxy: 'Stands in for a protected characteristic',
  personality: 'Personality, not behaviour',
  comparison: 'Comparison with other candidates',
  vague: 'Too vague to act on',
  // Request mode: the candidate's note asking for feedback.
  defensive: 'Sounds defensive',
  entitled: 'Sounds entitled',
  hostile: 'Hostile',
  'missing-thanks': 'No thanks',
  'missing-ask': 'No clear ask',
  'too-long': 'Too long',
};
export const categoryLabel = (c: string) => CATEGORY_LABELS[c as Category] ?? c;

/** The text split into plain runs and marked runs, one mark per finding (overlaps are clipped). */
function segments(text: string, findings: Finding[]) {
  const out: { text: string; finding?: Finding; index?: number }[] = [];
  let at = 0;
  findings.forEach((f, index) => {
    if (f.end <= f.start || f.end <= at || f.start >= text.length) return;
    const start = Math.max(f.start, at);
    if (start > at) out.push({ text: text.slice(at, start) });
    out.push({ text: text.slice(start, f.end), finding: f, index });
    at = f.end;
  });
  out.push({ text: text.slice(at) });
  return out;
}

/** The text with each finding highlighted; used behind a textarea and as a read-only view. */
export function Marked({ text, findings }: { text: string; findings: Finding[] }) {
  return (
    <>
      {segments(text, findings).map((s, i) =>
        s.finding ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
          <mark key={i} className={s.finding.severity} data-rule={s.finding.ruleId}>
            {s.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

/**
 * A textarea checked as you type: a mirror behind it, with the same font, padding and wrapping, highlights each
 * finding in place; the findings, with their explanation and suggestion, are listed right under it.
 */
export function CheckedTextarea(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  findings: Finding[];
  rows?: number;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
}) {
  const id = useId();
  const rows = props.rows ?? 3;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && <small id={`${id}-hint`}>{props.hint}</small>}
      <div className="checked" style={{ minHeight: `calc(${rows * 1.5}em + 1.2rem)` }}>
        <div className="mirror" aria-hidden="true">
          <Marked text={props.value} findings={props.findings} />
          {'\u200b'}
        </div>
        <textarea
          id={id}
          value={props.value}
          required={props.required}
          disabled={props.disabled}
          placeholder={props.placeholder}
          spellCheck
          aria-describedby={`${props.hint ? `${id}-hint ` : ''}${id}-findings`}
          aria-invalid={props.findings.some((f) => f.severity === 'block') || undefined}
          onChange={(e) => props.onChange(e.target.value)}
        />
      </div>
      <div id={`${id}-findings`}>
        <FindingList findings={props.findings} />
      </div>
    </div>
  );
}

export function FindingList({ findings, empty }: { findings: Finding[]; empty?: string }) {
  if (!findings.length) return empty ? <p className="ok-note">{empty}</p> : null;
  return (
    <ul className="findings" aria-label="Checker findings">
      {findings.map((f) => (
        <li key={`${f.ruleId}-${f.start}-${f.end}`} className={f.severity}>
          <div className="finding-head">
            <span className={`sev ${f.severity}`}>
              {f.severity === 'block'
                ? 'Blocks sending'
                : f.severity === 'review'
                  ? 'Review'
                  : isRequestCategory(f.category)
                    ? 'Suggestion'
                    : 'Warning'}
            </span>
            <span className="cat">{categoryLabel(f.category)}</span>
            {f.text && <q>{f.text}</q>}
          </div>
          <p className="msg">{f.message}</p>
          {f.suggestion && (
            <p className="suggestion">
              <b>Instead:</b> {f.suggestion}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
