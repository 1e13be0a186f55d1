import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useHref, useLinkClickHandler } from 'react-router';

/** Hand-written SVG charts for the dashboard, drawn at the width they get, each with a text alternative. */

function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.max(200, Math.floor(e.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, width };
}

export function Donut({ share, label }: { share: number; label: string }) {
  const r = 46;
  const c = 2 * Math.PI * r;
  const pct = Math.round(share * 100);
  return (
    <svg viewBox="0 0 120 120" className="donut" role="img" aria-label={label}>
      <circle cx="60" cy="60" r={r} fill="none" stroke="var(--chart-track)" strokeWidth="12" />
      <circle
        cx="60"
        cy="60"
        r={r}
        fill="none"
        stroke="var(--accent)"
        strokeWidth="12"
        strokeDasharray={`${c * share} ${c}`}
        transform="rotate(-90 60 60)"
      />
      <text x="60" y="67" textAnchor="middle" className="donut-value">
        {pct}%
      </text>
    </svg>
  );
}

/** Bars with their labels and values; a bar given `to` is a link to the list behind it, as in `ColumnChart`. */
export function HBarChart({
  data,
  label,
}: {
  data: { label: string; value: number; to?: string; says?: string }[];
  label: string;
}) {
  const { ref, width } = useWidth(460);
  const linked = data.some((d) => d.to);
  const max = Math.max(1, ...data.map((d) => d.value));
  const row = 30;
  const labelW = Math.min(180, Math.round(width * 0.38));
  const barMax = width - labelW - 36;
  const chars = Math.floor(labelW / 7.5);
  return (
    <div ref={ref}>
      <svg
        width={width}
        height={data.length * row + 4}
        className="chart"
        role={linked ? 'group' : 'img'}
        aria-label={linked ? label : `${label}: ${data.map((d) => `${d.label} ${d.value}`).join(', ')}`}
      >
        {data.map((d, i) => {
          const w = Math.max(2, (d.value / max) * barMax);
          const y = i * row + 4;
          const bar = (
            <>
              <title>{d.says ?? `${d.label}: ${d.value}`}</title>
              {d.to && <rect x={0} y={y - 2} width={width} height={row - 4} fill="transparent" />}
              <text x={labelW - 8} y={y + 15} textAnchor="end" className="axis">
                {d.label.length > chars ? `${d.label.slice(0, chars - 1)}…` : d.label}
              </text>
              <rect x={labelW} y={y} width={w} height={20} rx="3" fill="var(--accent)" />
              <text x={labelW + w + 6} y={y + 15} className="value">
                {d.value}
              </text>
            </>
          );
          return (
            <g key={d.label}>
              {d.to ? (
                <ChartLink to={d.to} label={d.says ?? `${d.label}: ${d.value}`}>
                  {bar}
                </ChartLink>
              ) : (
                bar
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** A column or bar that opens the list behind it: a link in the chart, named by its aria-label, opened in the app. */
function ChartLink({ to, label, children }: { to: string; label: string; children: ReactNode }) {
  const href = useHref(to);
  const open = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <a href={href} onClick={open} aria-label={label} className="chart-link">
      {children}
    </a>
  );
}

/**
 * Columns with their values and axis labels. A column given `to` is a link to the list behind it, named by its
 * `says` ("Week of Mar 2: 4 feedback sent"); the chart is then a group of links rather than one image.
 */
export function ColumnChart({
  data,
  label,
}: {
  data: { label: string; value: number; to?: string; says?: string }[];
  label: string;
}) {
  const { ref, width } = useWidth(460);
  const linked = data.some((d) => d.to);
  const max = Math.max(1, ...data.map((d) => d.value));
  const h = 150;
  const top = 18;
  const bottom = 22;
  const col = width / Math.max(1, data.length);
  const every = col < 44 ? 2 : 1; // thin out the axis labels when the columns are narrow
  return (
    <div ref={ref}>
      <svg
        width={width}
        height={h + top + bottom}
        className="chart"
        role={linked ? 'group' : 'img'}
        aria-label={linked ? label : `${label}: ${data.map((d) => `${d.label} ${d.value}`).join(', ')}`}
      >
        <line x1="0" x2={width} y1={top + h} y2={top + h} stroke="var(--chart-axis)" />
        {data.map((d, i) => {
          const bh = (d.value / max) * h;
          const w = Math.min(44, col * 0.7);
          const x = i * col + (col - w) / 2;
          const column = (
            <>
              <title>{d.says ?? `${d.label}: ${d.value}`}</title>
              {/* The whole height of the column answers a click, even when its value is 0. */}
              {d.to && <rect x={i * col} y={top} width={col} height={h} fill="transparent" />}
              <rect x={x} y={top + h - bh} width={w} height={bh} rx="3" fill="var(--accent)" />
              {d.value > 0 && (
                <text x={x + w / 2} y={top + h - bh - 4} textAnchor="middle" className="value">
                  {d.value}
                </text>
              )}
            </>
          );
          return (
            <g key={d.label}>
              {d.to ? (
                <ChartLink to={d.to} label={d.says ?? `${d.label}: ${d.value}`}>
                  {column}
                </ChartLink>
              ) : (
                column
              )}
              {(data.length - 1 - i) % every === 0 && (
                <text x={x + w / 2} y={top + h + 15} textAnchor="middle" className="axis">
                  {d.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
