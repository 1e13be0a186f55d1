import { type DraftSection, draftSections } from '../../../../src/domain/draft-sections';
import { GENERIC_FAMILY, SKILL_FAMILIES } from '../../../../src/domain/pointers';
import type { ApplicationDetail, EvidenceLink, Feedback, Finding } from '../../api';
import { Marked } from '../../checked';

const FAMILY_LABELS = new Map([...SKILL_FAMILIES, GENERIC_FAMILY].map((f) => [f.id, f.label]));

function title(s: DraftSection, criterionName: (id: string) => string | undefined): string {
  const named = (s.criterionId && criterionName(s.criterionId)) || s.heading || '';
  switch (s.kind) {
    case 'opening':
      return 'Opening';
    case 'strength':
      return named && named !== s.heading ? `Strength: ${named}` : 'Strength';
    case 'gap':
      return `Gap: ${named}`;
    case 'closing':
      return 'Closing';
    case 'letter':
      return 'The whole letter';
    default:
      return s.heading ?? 'Section';
  }
}

function pointerNote(pointer: string | null): string | null {
  if (!pointer) return null;
  if (pointer === 'organization') return "Pointer: your organization's own for this criterion.";
  return `Pointer from the library: ${FAMILY_LABELS.get(pointer)?.toLowerCase() ?? pointer}.`;
}

/** The findings inside a section, with offsets from the section's start. */
function findingsIn(s: DraftSection, findings: Finding[]): Finding[] {
  return findings
    .filter((f) => f.start >= s.start && f.start < s.end)
    .map((f) => ({ ...f, start: f.start - s.start, end: Math.min(f.end, s.end) - s.start }));
}

/**
 * The letter by section (the opening, the strength, one per gap, the closing), each with the scorecard evidence it
 * came from beside it: the evidence its sentences quote, or, for a strength or gap that quotes none, the ratings of
 * its criterion. Read from the text as it stands, so edits keep their sections by the headings.
 */
export function SectionsView(props: {
  fb: Feedback;
  body: string;
  findings: Finding[];
  app?: ApplicationDetail;
}) {
  const { fb, body, app: a } = props;
  const sections = draftSections({
    body,
    sentences: fb.sentences,
    outline: fb.outline,
    criteria: a?.job.criteria,
  });
  const criterionName = (id: string) => a?.job.criteria.find((c) => c.id === id)?.name;
  const scorecard = (id: string) => a?.scorecards.find((s) => s.id === id);
  const edited = body !== fb.body;
  return (
    <ol className="draft-sections">
      {sections.map((s, i) => {
        const id = `section-${i}`;
        const ratings =
          s.evidence.length === 0 && s.criterionId
            ? (a?.scorecards ?? []).flatMap((sc) =>
                sc.ratings
                  .filter((r) => r.criterionId === s.criterionId && r.evidence && !r.flag)
                  .map((r) => ({ sc, r })),
              )
            : [];
        const pointer = s.kind === 'gap' ? pointerNote(s.pointer) : null;
        return (
          <li key={`${s.start}-${s.kind}`} className="draft-section" aria-labelledby={id}>
            <div className="section-text">
              <h3 id={id}>{title(s, criterionName)}</h3>
              <div className="letter">
                <Marked text={s.text} findings={findingsIn(s, props.findings)} />
              </div>
            </div>
            <aside className="section-evidence" aria-label={`Evidence for ${title(s, criterionName)}`}>
              {s.evidence.length > 0 ? (
                s.evidence.map((e: EvidenceLink) => {
                  const sc = scorecard(e.scorecardId);
                  return (
                    <blockquote key={`${e.scorecardId}-${e.criterionId}`}>
                      <span className="ev-head">
                        {criterionName(e.criterionId) ?? 'Criterion'}
                        {sc && (
                          <>
                            {' '}
                            · {sc.interviewer.name}, {sc.stage}
                          </>
                        )}
                      </span>
                      {e.excerpt}
                    </blockquote>
                  );
                })
              ) : ratings.length > 0 ? (
                <>
                  <p className="muted small">No evidence is quoted here; the ratings behind it:</p>
                  {ratings.map(({ sc, r }) => (
                    <blockquote key={r.id}>
                      <span className="ev-head">
                        {sc.interviewer.name}, {sc.stage}: rated {r.rating} of 4
                      </span>
                      {r.evidence}
                    </blockquote>
                  ))}
                </>
              ) : (
                <p className="muted small">
                  {s.kind === 'opening' || s.kind === 'closing'
                    ? 'Greeting, decision and next steps: no scorecard evidence.'
                    : edited
                      ? 'No evidence linked; save to link evidence again.'
                      : 'No scorecard evidence behind this section.'}
                </p>
              )}
              {pointer && <p className="muted small pointer-note">{pointer}</p>}
            </aside>
          </li>
        );
      })}
    </ol>
  );
}
