import { type ApplicationDetail, RATING_LABELS, RECOMMENDATION_OPTIONS } from '../../api';

type Scorecard = ApplicationDetail['scorecards'][number];

/**
 * The application at a glance: one row per criterion, one column per scorecard (its interviewer and stage), each cell
 * the rating given. Flagged and redacted evidence is marked, since those ratings are left out of feedback and figures.
 * The last row is each interviewer's recommendation.
 */
export function RatingsGrid({ app }: { app: ApplicationDetail }) {
  const cards = app.scorecards;
  if (!cards.length) return null;
  const recommendation = (s: Scorecard) =>
    RECOMMENDATION_OPTIONS.find((r) => r.value === s.recommendation)?.label ?? s.recommendation;
  return (
    <section className="card ratings-grid" aria-labelledby="ratings-grid-title">
      <h2 id="ratings-grid-title">Ratings</h2>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">Ratings by criterion and interviewer</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              {cards.map((s) => (
                <th key={s.id} scope="col">
                  {s.interviewer.name} <span className="muted small">· {s.stage}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {app.job.criteria.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                {cards.map((s) => {
                  const r = s.ratings.find((x) => x.criterionId === c.id);
                  return (
                    <td key={s.id}>
                      {r ? (
                        <>
                          <span className={`rating r${r.rating}`}>
                            {r.rating} · {RATING_LABELS[r.rating]}
                          </span>
                          {r.redaction ? (
                            <span className="evidence-mark redacted">Redacted</span>
                          ) : (
                            r.flag && <span className="evidence-mark flagged">Flagged</span>
                          )}
                        </>
                      ) : (
                        <span className="muted">Not rated</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr>
              <th scope="row">Recommendation</th>
              {cards.map((s) => (
                <td key={s.id}>{recommendation(s)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
