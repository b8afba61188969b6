import { CsvError, parse } from 'csv-parse/sync';
import { InvalidInputError } from '../common/problem/domain-errors';

/** One data row of the file: its cells and the line of the file where it starts (the header is line 1). */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvTable {
  headers: string[];
  rows: CsvRow[];
}

/**
 * Reads a comma-separated file whose first row is the header. Blank lines and rows whose cells are all empty
 * (spreadsheets export those after the data) are skipped; quotes inside unquoted cells are kept as text, since
 * exports from other systems are rarely strict. A file that cannot be read at all is a 400 naming the line.
 */
export function readCsvTable(text: string): CsvTable {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as typeof records; // with `info`, each record comes with where it was found
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new InvalidInputError('The CSV file could not be read', [{ path: 'csv', message: error.message }]);
  }
  if (records.length === 0) throw new InvalidInputError('The CSV file is empty', [{ path: 'csv', message: 'has no header row' }]);
  const [header, ...data] = records;
  return {
    headers: header.record.map((name) => name.trim()),
    rows: data.map(({ record, info }) => ({ line: startLine(record, info.lines), cells: record })),
  };
}

/**
 * csv-parse counts lines up to the end of a record; a quoted cell may hold line breaks, so the record starts that
 * many lines earlier. Users look for the start of the row.
 */
function startLine(cells: string[], endLine: number): number {
  const breaks = cells.reduce((sum, cell) => sum + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
  return endLine - breaks;
}
