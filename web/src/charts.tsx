/** Hand-written SVG charts for the dashboard. Each carries a text alternative. */

export function Donut({ share, label }: { share: number; label: string }) {
  const r = 42;
  const c = 2 * Math.PI * r;
  const pct = Math.round(share * 100);
  return (
    <svg viewBox="0 0 120 120" className="donut" role="img" aria-label={label}>
      <circle cx="60" cy="60" r={r} fill="none" stroke="#e7ebf0" strokeWidth="16" />
      <circle
        cx="60"
        cy="60"
        r={r}
        fill="none"
        stroke="var(--accent)"
        strokeWidth="16"
        strokeDasharray={`${c * share} ${c}`}
        transform="rotate(-90 60 60)"
      />
      <text x="60" y="67" textAnchor="middle" className="donut-value">
        {pct}%
      </text>
    </svg>
  );
}

export function HBarChart({ data, label }: { data: { label: string; value: number }[]; label: string }) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const row = 30;
  const labelW = 170;
  const width = 520;
  const barMax = width - labelW - 40;
  return (
    <svg
      viewBox={`0 0 ${width} ${data.length * row + 4}`}
      className="chart"
      role="img"
      aria-label={`${label}: ${data.map((d) => `${d.label} ${d.value}`).join(', ')}`}
    >
      {data.map((d, i) => {
        const w = Math.max(2, (d.value / max) * barMax);
        const y = i * row + 4;
        return (
          <g key={d.label}>
            <text x={labelW - 8} y={y + 15} textAnchor="end" className="axis">
              {d.label.length > 24 ? `${d.label.slice(0, 23)}…` : d.label}
            </text>
            <rect x={labelW} y={y} width={w} height={20} rx="3" fill="var(--accent)" />
            <text x={labelW + w + 6} y={y + 15} className="value">
              {d.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function ColumnChart({ data, label }: { data: { label: string; value: number }[]; label: string }) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const h = 140;
  const top = 18;
  const bottom = 22;
  const col = Math.max(28, Math.min(60, 520 / Math.max(1, data.length)));
  const width = Math.max(300, data.length * col);
  return (
    <svg
      viewBox={`0 0 ${width} ${h + top + bottom}`}
      className="chart"
      role="img"
      aria-label={`${label}: ${data.map((d) => `${d.label} ${d.value}`).join(', ')}`}
    >
      <line x1="0" x2={width} y1={top + h} y2={top + h} stroke="#c6ccd3" />
      {data.map((d, i) => {
        const bh = (d.value / max) * h;
        const x = i * col + col * 0.15;
        const w = col * 0.7;
        return (
          <g key={d.label}>
            <rect x={x} y={top + h - bh} width={w} height={bh} rx="3" fill="var(--accent)" />
            <text x={x + w / 2} y={top + h - bh - 4} textAnchor="middle" className="value">
              {d.value}
            </text>
            <text x={x + w / 2} y={top + h + 15} textAnchor="middle" className="axis">
              {d.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
