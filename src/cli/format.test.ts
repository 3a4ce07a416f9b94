import { describe, expect, it } from 'vitest';
import { renderCsv, renderTable, type Column } from './format';

interface Row {
  name: string;
  note: string;
}
const columns: Column<Row>[] = [
  { header: 'name', value: (row) => row.name },
  { header: 'note', value: (row) => row.note },
];

describe('tables and CSV', () => {
  it('aligns columns under upper-case headers', () => {
    const table = renderTable(
      [
        { name: 'ci', note: 'x' },
        { name: 'nightly-backup', note: 'y' },
      ],
      columns,
    );
    expect(table.split('\n')).toEqual([
      'NAME            NOTE',
      'ci              x',
      'nightly-backup  y',
    ]);
  });

  it('keeps a name from a service from moving the cursor or colouring the terminal', () => {
    const table = renderTable([{ name: 'evil\u001b[2J\nname', note: '' }], columns);
    expect(table).not.toContain(String.fromCharCode(27));
    expect(table.split('\n')).toHaveLength(2);
    expect(table).toContain('evil [2J name');
  });

  it('quotes CSV cells per RFC 4180 and defuses spreadsheet formulas', () => {
    const csv = renderCsv(
      [
        { name: 'a,b', note: 'say "hi"' },
        { name: '=HYPERLINK("x")', note: '-1' },
      ],
      columns,
    );
    expect(csv).toBe('name,note\r\n"a,b","say ""hi"""\r\n"\'=HYPERLINK(""x"")",\'-1\r\n');
  });
});
