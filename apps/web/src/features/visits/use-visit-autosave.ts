import type { SaveVisitRequest } from '@ims/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../lib/api-client';
import { saveVisit, storeSavedDraft } from './api';

/** Quiet time after the last change before a draft is saved: long enough not to save every keystroke. */
export const AUTOSAVE_DELAY_MS = 1500;

export type AutosaveStatus = 'saved' | 'pending' | 'saving' | 'error' | 'conflict';

export interface AutosaveState<M> {
  status: AutosaveStatus;
  /** When the last save succeeded, in this session. */
  savedAt: Date | null;
  /** The last failure: on `error` it is retried with the next change; on `conflict` saving has stopped. */
  error: unknown;
  /** What the caller attached to the body that failed (e.g. which form row each sent site came from). */
  errorMeta: M | null;
}

type DraftBody = Omit<SaveVisitRequest, 'version'>;
interface Queued<M> {
  body: DraftBody;
  json: string;
  meta: M;
}

/** Thrown by `flush` when the draft could not be saved, so signing does not go ahead on an old version. */
export class DraftNotSavedError extends Error {
  override readonly cause: unknown;
  readonly conflict: boolean;
  constructor(cause: unknown, conflict: boolean) {
    super(conflict ? 'Someone else changed this note' : 'The draft could not be saved');
    this.name = 'DraftNotSavedError';
    this.cause = cause;
    this.conflict = conflict;
  }
}

/**
 * Autosave of a visit draft: `schedule` the body after every change; it is sent once the clinician has paused
 * for `delayMs`, one save at a time, each with the version the previous save answered. A 409 (someone else saved,
 * or signed) stops saving for good and leaves the form alone, so nothing typed is lost; other failures are retried
 * with the next change. `flush` saves now and gives the version to sign.
 */
export function useVisitAutosave<M>(options: { visitId: string; version: number; baseline: DraftBody; delayMs?: number }) {
  const { visitId, delayMs = AUTOSAVE_DELAY_MS } = options;
  const queryClient = useQueryClient();
  const version = useRef(options.version);
  const savedJson = useRef(JSON.stringify(options.baseline));
  const queued = useRef<Queued<M> | null>(null);
  // Only a quiet pause (or a flush) sends: a change made while a save is in flight waits for its own pause.
  const due = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const conflict = useRef(false);
  const lastError = useRef<unknown>(null);
  const [state, setState] = useState<AutosaveState<M>>({ status: 'saved', savedAt: null, error: null, errorMeta: null });

  const drain = useCallback(async () => {
    while (queued.current && due.current && !conflict.current) {
      const next = queued.current;
      queued.current = null;
      if (next.json === savedJson.current) {
        setState((current) => ({ ...current, status: 'saved' }));
        continue;
      }
      setState((current) => ({ ...current, status: 'saving' }));
      try {
        const note = await saveVisit(visitId, { ...next.body, version: version.current });
        version.current = note.version;
        savedJson.current = next.json;
        lastError.current = null;
        storeSavedDraft(queryClient, note);
        setState({ status: queued.current ? 'pending' : 'saved', savedAt: new Date(), error: null, errorMeta: null });
      } catch (error) {
        // Keep what failed (unless something newer is waiting), so a retry or the next change still sends it.
        queued.current ??= next;
        due.current = false;
        lastError.current = error;
        conflict.current = isApiError(error, 409);
        setState((current) => ({ ...current, status: conflict.current ? 'conflict' : 'error', error, errorMeta: next.meta }));
      }
    }
  }, [visitId, queryClient]);

  const start = useCallback(() => {
    inFlight.current ??= drain().finally(() => {
      inFlight.current = null;
    });
    return inFlight.current;
  }, [drain]);

  const schedule = useCallback(
    (body: DraftBody, meta: M) => {
      if (conflict.current) return;
      const json = JSON.stringify(body);
      clearTimeout(timer.current);
      if (json === savedJson.current && !inFlight.current) {
        queued.current = null;
        setState((current) => (current.status === 'pending' ? { ...current, status: 'saved' } : current));
        return;
      }
      queued.current = { body, json, meta };
      due.current = false;
      setState((current) => (current.status === 'saving' ? current : { ...current, status: 'pending' }));
      timer.current = setTimeout(() => {
        due.current = true;
        void start();
      }, delayMs);
    },
    [delayMs, start],
  );

  /** Saves whatever is waiting now and answers the version the server holds; throws when it could not be saved. */
  const flush = useCallback(async (): Promise<number> => {
    clearTimeout(timer.current);
    if (!conflict.current && queued.current) due.current = true;
    await inFlight.current;
    if (!conflict.current && queued.current) {
      due.current = true;
      await start();
    }
    if (conflict.current) throw new DraftNotSavedError(lastError.current, true);
    if (queued.current) throw new DraftNotSavedError(lastError.current, false);
    return version.current;
  }, [start]);

  // Leaving the screen mid-pause still saves what was typed; the browser asks before closing with a save pending.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (queued.current || inFlight.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      clearTimeout(timer.current);
      if (queued.current && !conflict.current) {
        due.current = true;
        void start();
      }
    };
  }, [start]);

  return { state, schedule, flush };
}
