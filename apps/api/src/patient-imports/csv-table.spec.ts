import { readCsvTable } from './csv-table';
import { InvalidInputError } from '../common/problem/domain-errors';

describe('readCsvTable', () => {
  it('numbers rows by the line they start on, across blank lines and line breaks inside quoted cells', () => {
    const table = readCsvTable('\uFEFFFirst,Last\r\nAda,Lovelace\r\n\r\n"Multi\nLine",Smith\r\nAlan,Turing\r\n');
    expect(table.headers).toEqual(['First', 'Last']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['Ada', 'Lovelace'] },
      { line: 4, cells: ['Multi\nLine', 'Smith'] },
      { line: 6, cells: ['Alan', 'Turing'] },
    ]);
  });

  it('skips the all-empty rows spreadsheets add after the data and keeps stray quotes as text', () => {
    const table = readCsvTable('a,b\n6\'2" tall,x\n,\n,\n');
    expect(table.rows).toEqual([{ line: 2, cells: ['6\'2" tall', 'x'] }]);
  });

  it('refuses an unreadable file with the reason, and an empty one', () => {
    expect(() => readCsvTable('a,b\n"open,x\n')).toThrow(InvalidInputError);
    expect(() => readCsvTable('\n\n')).toThrow('The CSV file is empty');
  });
});
