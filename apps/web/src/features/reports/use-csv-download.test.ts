import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveCsvFile, useCsvDownload, type CsvFile } from './use-csv-download';

const encoder = new TextEncoder();

/** A response body the test feeds chunk by chunk, as a slow network would. */
function controlledStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return {
    stream,
    push: (text: string) => controller.enqueue(encoder.encode(text)),
    close: () => controller.close(),
  };
}

/** jsdom's Blob has no `text()`; FileReader reads it as a browser would. */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

function stubFetch(response: () => Response) {
  const fetchMock = vi.fn<typeof fetch>(async () => response());
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const csvHeaders = (extra: Record<string, string> = {}) => ({
  'Content-Type': 'text/csv; charset=utf-8',
  'Content-Disposition': 'attachment; filename="caseload-sessionsDelivered-2026-03-01-to-2026-03-31.csv"',
  ...extra,
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('useCsvDownload', () => {
  it('reports rows received against X-Total-Count as chunks arrive, then saves the whole file as a Blob', async () => {
    const body = controlledStream();
    const fetchMock = stubFetch(() => new Response(body.stream, { headers: csvHeaders({ 'X-Total-Count': '3' }) }));
    const saved: CsvFile[] = [];
    const { result } = renderHook(() => useCsvDownload({ progressIntervalMs: 0, save: (file) => saved.push(file) }));

    let finished!: Promise<CsvFile | null>;
    act(() => {
      finished = result.current.start('/api/reports/caseload/drilldown?metric=sessionsDelivered&format=csv', 'fallback.csv');
    });
    expect(fetchMock).toHaveBeenCalledWith('/api/reports/caseload/drilldown?metric=sessionsDelivered&format=csv', expect.objectContaining({ headers: { Accept: 'text/csv' } }));

    // The header and one record, then a record split across chunks with a line break inside a quoted cell.
    await act(async () => body.push('appointmentId,cancelReason\na1,\n'));
    await waitFor(() => expect(result.current.state).toEqual({ status: 'downloading', rows: 1, bytes: 31, totalRows: 3 }));
    await act(async () => body.push('a2,"Car broke\ndown"\na3,'));
    await waitFor(() => expect(result.current.state).toMatchObject({ rows: 2, totalRows: 3 }));
    await act(async () => {
      body.push('"=1+1"\n');
      body.close();
    });

    let file: CsvFile | null = null;
    await act(async () => {
      file = await finished;
    });
    expect(result.current.state).toEqual({ status: 'done', rows: 3, bytes: 61, filename: 'caseload-sessionsDelivered-2026-03-01-to-2026-03-31.csv' });
    expect(saved).toHaveLength(1);
    expect(file).toBe(saved[0]);
    expect(file!.blob).toBeInstanceOf(Blob);
    expect(file!.blob.type).toBe('text/csv;charset=utf-8');
    expect(await blobText(file!.blob)).toBe('appointmentId,cancelReason\na1,\na2,"Car broke\ndown"\na3,"=1+1"\n');
  });

  it('counts bytes with no total when the API sends no X-Total-Count, and falls back to the given file name', async () => {
    const body = controlledStream();
    stubFetch(() => new Response(body.stream, { headers: { 'Content-Type': 'text/csv' } }));
    const saved: CsvFile[] = [];
    const { result } = renderHook(() => useCsvDownload({ progressIntervalMs: 0, save: (file) => saved.push(file) }));

    let finished!: Promise<CsvFile | null>;
    act(() => {
      finished = result.current.start('/api/reports/caseload?format=csv', 'caseload.csv');
    });
    await act(async () => body.push('clinicianName,sessionsDelivered\n'));
    await waitFor(() => expect(result.current.state).toEqual({ status: 'downloading', rows: 0, bytes: 32, totalRows: null }));
    await act(async () => {
      body.push('Total,0\n');
      body.close();
    });

    let file: CsvFile | null = null;
    await act(async () => {
      file = await finished;
    });
    expect(file!.filename).toBe('caseload.csv');
    expect(result.current.state).toMatchObject({ status: 'done', rows: 1, filename: 'caseload.csv' });
  });

  it('cancels mid-stream: the request is aborted and nothing is saved', async () => {
    const body = controlledStream();
    const fetchMock = stubFetch(() => new Response(body.stream, { headers: csvHeaders({ 'X-Total-Count': '1000' }) }));
    const save = vi.fn();
    const { result } = renderHook(() => useCsvDownload({ progressIntervalMs: 0, save }));

    let finished!: Promise<CsvFile | null>;
    act(() => {
      finished = result.current.start('/api/reports/attendance/drilldown?metric=noShows&format=csv', 'no-shows.csv');
    });
    await act(async () => body.push('appointmentId\na1\n'));
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'downloading', rows: 1, totalRows: 1000 }));
    let file: CsvFile | null = null;
    await act(async () => {
      result.current.cancel();
      file = await finished;
    });

    expect(file).toBeNull();
    expect(result.current.state).toEqual({ status: 'cancelled' });
    expect(save).not.toHaveBeenCalled();
    expect(fetchMock.mock.calls[0]![1]!.signal!.aborted).toBe(true);
  });

  it('fails with the problem the API answered', async () => {
    stubFetch(() => new Response(JSON.stringify({ type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Reports are for managers' }), { status: 403, headers: { 'Content-Type': 'application/problem+json' } }));
    const save = vi.fn();
    const { result } = renderHook(() => useCsvDownload({ save }));

    await act(async () => {
      await result.current.start('/api/reports/caseload?format=csv', 'caseload.csv');
    });

    expect(result.current.state).toMatchObject({ status: 'failed', error: expect.objectContaining({ status: 403, message: 'Reports are for managers' }) });
    expect(save).not.toHaveBeenCalled();
  });
});

describe('saveCsvFile', () => {
  it('offers the Blob as a download through an object URL and a temporary link, then releases the URL', async () => {
    const blob = new Blob(['a,b\n'], { type: 'text/csv' });
    const createObjectURL = vi.fn(() => 'blob:http://localhost/123');
    const revokeObjectURL = vi.fn();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL }));
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    saveCsvFile({ blob, filename: 'caseload.csv', rows: 1 });

    expect(createObjectURL).toHaveBeenCalledWith(blob);
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('caseload.csv');
    expect(clicked[0]!.href).toBe('blob:http://localhost/123');
    expect(document.body.contains(clicked[0]!)).toBe(false);
    await waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:http://localhost/123'));
  });
});
