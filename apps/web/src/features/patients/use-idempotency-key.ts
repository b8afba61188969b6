import { useRef } from 'react';

/**
 * One `Idempotency-Key` per distinct request body: sending the same body again (a double click, a retry after a
 * lost answer) reuses the key, so the API replays its first answer instead of creating twice; a changed body (a
 * corrected field, an acknowledged duplicate) is a new attempt with a new key.
 */
export function useIdempotencyKey(): (body: unknown) => string {
  const last = useRef<{ body: string; key: string } | null>(null);
  return (body) => {
    const text = JSON.stringify(body);
    if (last.current?.body !== text) last.current = { body: text, key: crypto.randomUUID() };
    return last.current.key;
  };
}
