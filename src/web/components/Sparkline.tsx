/** A tiny inline SVG line of levels 0..5 (null: not rated, drawn as 0). */
export function Sparkline({ levels, label }: { levels: (number | null)[]; label: string }) {
  const width = 80;
  const height = 20;
  const n = levels.length;
  const points = levels
    .map((level, i) => {
      const x = n <= 1 ? width / 2 : (i / (n - 1)) * (width - 4) + 2;
      const y = height - 2 - ((level ?? 0) / 5) * (height - 4);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      {n > 1 ? (
        <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
      ) : (
        n === 1 && <circle cx={width / 2} cy={points.split(',')[1]} r="2" fill="currentColor" />
      )}
    </svg>
  );
}
