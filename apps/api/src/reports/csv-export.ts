import { Readable, pipeline } from 'node:stream';
import { Logger, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { stringify } from 'csv-stringify';
import { neutraliseCell } from './csv-cells';

export interface CsvExport {
  /** File name offered to the browser (letters, digits, dots and dashes only). */
  filename: string;
  /** Column keys, in order; they are also the header line. */
  columns: readonly string[];
  rows: AsyncIterable<object> | Iterable<object>;
  /** Frees what the rows hold (a database connection) when the download ends early. */
  close?: () => Promise<void>;
  /** Extra response headers (e.g. the row count a progress bar can use). */
  headers?: Record<string, string>;
}

const logger = new Logger('CsvExport');

/**
 * A CSV download streamed row by row: rows are pulled only as fast as the client reads (backpressure through the
 * pipeline), text cells are neutralised against formula injection, booleans read true/false and null is empty.
 * UTF-8 with a byte-order mark, so spreadsheets show accented names correctly.
 */
export function csvFile(csv: CsvExport): StreamableFile {
  const source = Readable.from(csv.rows, { objectMode: true });
  const output = stringify({
    header: true,
    bom: true,
    columns: [...csv.columns],
    cast: { string: neutraliseCell, boolean: (value) => (value ? 'true' : 'false') },
  });
  pipeline(source, output, (error) => {
    if (error) logger.error(`CSV export ${csv.filename} failed: ${error.message}`);
    void csv.close?.();
  });
  return new StreamableFile(output, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${csv.filename}"` });
}

/** The CSV as the answer to `response`, with its extra headers; never cached (it holds patients' names). */
export function csvResponse(response: Response, csv: CsvExport): StreamableFile {
  response.setHeader('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(csv.headers ?? {})) response.setHeader(name, value);
  return csvFile(csv);
}

/** CSV when `?format=csv`, or when the Accept header prefers text/csv to JSON; `?format=json` always means JSON. */
export function wantsCsv(request: Request, format?: string): boolean {
  if (format) return format === 'csv';
  return request.accepts(['application/json', 'text/csv']) === 'text/csv';
}

/** `caseload-2026-03-01-to-2026-03-31.csv`: the report, an optional part (a drill-down's metric) and the range. */
export function csvFilename(report: string, range: { from: string; to: string }, part?: string): string {
  const name = [report, part, range.from, 'to', range.to].filter(Boolean).join('-');
  return `${name.replace(/[^A-Za-z0-9.-]+/g, '_')}.csv`;
}
