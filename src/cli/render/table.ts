/** A plain-text table with right-aligned numeric columns; no colours, so it pipes cleanly. */
export function renderTable(
  headers: string[],
  rows: string[][],
  numeric: ReadonlySet<number> = new Set(),
): string {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

/** A 20-cell bar for progress 0..1. */
export function progressBar(progress: number, cells = 20): string {
  const filled = Math.round(Math.max(0, Math.min(1, progress)) * cells);
  return `[${'#'.repeat(filled)}${'.'.repeat(cells - filled)}]`;
}
