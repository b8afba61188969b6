import { Problem } from '@ims/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api-client';
import { createCsvRowCounter } from './csv-row-counter';

export type CsvDownloadState =
  | { status: 'idle' }
  /** `totalRows` from the response's X-Total-Count when the API knows it up front (drill-downs), else null. */
  | { status: 'downloading'; rows: number; bytes: number; totalRows: number | null }
  | { status: 'done'; rows: number; bytes: number; filename: string }
  | { status: 'cancelled' }
  | { status: 'failed'; error: unknown };

export interface CsvFile {
  blob: Blob;
  filename: string;
  rows: number;
}

interface CsvDownloadOptions {
  /** The least time between two progress updates, so a fast stream does not re-render per chunk. */
  progressIntervalMs?: number;
  /** Hands the finished file to the browser; by default as a download of an object URL. */
  save?: (file: CsvFile) => void;
}

/** Offers `file` as a download: an object URL behind a temporary `<a download>`, released once clicked. */
export function saveCsvFile({ blob, filename }: CsvFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the click has handed the URL to the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `attachment; filename="caseload-2026-03-01-to-2026-03-31.csv"` → the file name. */
function filenameFrom(disposition: string | null): string | undefined {
  const match = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

function totalFrom(header: string | null): number | null {
  if (header === null || header.trim() === '') return null;
  const total = Number(header);
  return Number.isInteger(total) && total >= 0 ? total : null;
}

async function failure(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // Not JSON: the status is all there is to say.
  }
  const parsed = Problem.safeParse(body);
  const problem = parsed.success ? parsed.data : { type: 'about:blank', title: response.statusText || `Export failed with status ${response.status}`, status: response.status };
  return new ApiError({ problem, body });
}

/**
 * Streams a CSV export: reads the response body chunk by chunk (`getReader()`), counting rows as they arrive for a
 * progress bar, then saves the file. Cancellable at any point (the request is aborted and nothing is saved), and
 * cancelled when the component using it goes away.
 */
export function useCsvDownload({ progressIntervalMs = 100, save = saveCsvFile }: CsvDownloadOptions = {}) {
  const [state, setState] = useState<CsvDownloadState>({ status: 'idle' });
  const current = useRef<AbortController | null>(null);

  useEffect(() => () => current.current?.abort(), []);

  const cancel = useCallback(() => current.current?.abort(), []);

  const start = useCallback(
    async (url: string, fallbackFilename: string): Promise<CsvFile | null> => {
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      // A cancelled or replaced download must not overwrite the state of the one that followed it.
      const show = (next: CsvDownloadState) => {
        if (current.current === controller) setState(next);
      };
      show({ status: 'downloading', rows: 0, bytes: 0, totalRows: null });
      try {
        const response = await fetch(url, { headers: { Accept: 'text/csv' }, credentials: 'same-origin', signal: controller.signal });
        if (!response.ok) throw await failure(response);
        const totalRows = totalFrom(response.headers.get('X-Total-Count'));
        const filename = filenameFrom(response.headers.get('Content-Disposition')) ?? fallbackFilename;
        const chunks: Uint8Array[] = [];
        const counter = createCsvRowCounter();
        let bytes = 0;
        let shownAt = 0;
        show({ status: 'downloading', rows: 0, bytes: 0, totalRows });
        const reader = response.body?.getReader();
        // The fetch's signal ends a real network stream; cancelling the reader also ends any other body.
        controller.signal.addEventListener('abort', () => void reader?.cancel().catch(() => undefined));
        while (reader) {
          const { done, value } = await reader.read();
          if (done || controller.signal.aborted) break;
          chunks.push(value);
          bytes += value.byteLength;
          counter.push(value);
          const now = Date.now();
          if (now - shownAt >= progressIntervalMs) {
            shownAt = now;
            show({ status: 'downloading', rows: counter.rows, bytes, totalRows });
          }
        }
        if (controller.signal.aborted) throw new DOMException('The export was cancelled', 'AbortError');
        const file: CsvFile = { blob: new Blob(chunks as BlobPart[], { type: 'text/csv;charset=utf-8' }), filename, rows: counter.rows };
        save(file);
        show({ status: 'done', rows: counter.rows, bytes, filename });
        return file;
      } catch (error) {
        show(controller.signal.aborted ? { status: 'cancelled' } : { status: 'failed', error });
        return null;
      } finally {
        if (current.current === controller) current.current = null;
      }
    },
    [progressIntervalMs, save],
  );

  return { state, start, cancel };
}
