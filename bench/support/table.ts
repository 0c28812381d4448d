/** Plain-text tables for the benchmark's report. */

export type Cell = string | number | null | undefined;

/** Formats a number with `digits` decimals; `–` for missing values. */
export function num(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? '–'
    : value.toFixed(digits);
}

/** Renders rows under a header, columns padded; numbers right-aligned. */
export function table(title: string, header: readonly string[], rows: readonly Cell[][]): string {
  const text = rows.map((row) =>
    row.map((cell) => (cell === null || cell === undefined ? '–' : String(cell))),
  );
  const widths = header.map((h, i) =>
    Math.max(h.length, ...text.map((row) => (row[i] ?? '').length)),
  );
  const numeric = header.map((_, i) =>
    rows.every((row) => typeof row[i] !== 'string' || /^[-\d.×%]+$/.test(String(row[i]))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) =>
        numeric[i] && i > 0 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [
    `\n${title}`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...text.map(line),
  ].join('\n');
}
