/** One column of a table or CSV: its header and how a row shows in it. */
export interface Column<Row> {
  header: string;
  value(row: Row): string;
}

/** Plain aligned columns: readable on a terminal and still greppable in a log. */
export function renderTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((row) => columns.map((column) => oneLine(column.value(row))));
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...cells.map((line) => (line[index] ?? '').length)),
  );
  const render = (line: readonly string[]): string =>
    line
      .map((cell, index) => cell.padEnd(widths[index] ?? 0))
      .join('  ')
      .trimEnd();
  return [render(columns.map((c) => c.header.toUpperCase())), ...cells.map(render)].join('\n');
}

/** RFC 4180 CSV with a header line. */
export function renderCsv<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const line = (values: readonly string[]): string => values.map(csvCell).join(',');
  return [
    line(columns.map((c) => c.header)),
    ...rows.map((row) => line(columns.map((c) => c.value(row)))),
  ]
    .map((text) => `${text}\r\n`)
    .join('');
}

export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/**
 * Token and account names come from the services. A cell a spreadsheet would run as a formula
 * (starting with = + - @) is written as text (OWASP's CSV injection advice).
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A name a service sent must not move the cursor or recolour the terminal. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}

/** The day part of an ISO date, or a dash. */
export const day = (iso: string | null): string => (iso === null ? '-' : iso.slice(0, 10));
