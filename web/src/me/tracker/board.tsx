import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ErrorNote } from '../../components';
import { capi, STATUSES, type TrackerApp, type TrackerStatus } from '../api';
import { statusLabel } from './list-state';

/**
 * The applications by status, one column each. A card moves with its "Move to" menu, so the board works from the
 * keyboard and a screen reader alone: the move is announced, and focus follows the card into its new column.
 */
export function Board({ items, onMoved }: { items: TrackerApp[]; onMoved: () => Promise<unknown> }) {
  const [said, setSaid] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const [follow, setFollow] = useState<string>();
  // Once the moved card is drawn in its new column, focus goes back to its menu.
  useEffect(() => {
    if (!follow) return;
    const menu = document.getElementById(`move-${follow}`);
    if (menu && !menu.hasAttribute('disabled')) {
      menu.focus();
      setFollow(undefined);
    }
  });
  async function move(a: TrackerApp, status: TrackerStatus) {
    setBusy(a.id);
    setError(undefined);
    setSaid('');
    try {
      await capi('PATCH', `/applications/${a.id}`, { status });
      await onMoved();
      setSaid(
        `${a.company}, ${a.role}: moved to ${statusLabel(status)}.${
          status === 'rejected' && a.status !== 'rejected'
            ? ' A reminder to ask for feedback is on your list.'
            : ''
        }`,
      );
      setFollow(a.id);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(undefined);
    }
  }
  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {said}
      </p>
      <ErrorNote error={error} />
      <div className="board">
        {STATUSES.map((s) => {
          const cards = items.filter((a) => a.status === s);
          return (
            <section key={s} className="board-column" aria-labelledby={`col-${s}`}>
              <h2 id={`col-${s}`}>
                {statusLabel(s)} <span className="muted small">({cards.length})</span>
              </h2>
              {cards.length === 0 ? (
                <p className="muted small">None</p>
              ) : (
                <ul className="plain-list board-cards">
                  {cards.map((a) => (
                    <li key={a.id} className="board-card">
                      <Link to={`/me/applications/${a.id}`}>{a.company}</Link>
                      <div className="small muted">{a.role}</div>
                      <label className="small" htmlFor={`move-${a.id}`}>
                        Move to
                        <span className="visually-hidden">
                          {' '}
                          (for {a.company}, {a.role})
                        </span>
                      </label>
                      <select
                        id={`move-${a.id}`}
                        value={a.status}
                        disabled={busy === a.id}
                        onChange={(e) => move(a, e.target.value as TrackerStatus)}
                      >
                        {STATUSES.map((t) => (
                          <option key={t} value={t}>
                            {statusLabel(t)}
                          </option>
                        ))}
                      </select>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}
