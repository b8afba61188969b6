const QUOTE = 0x22;
const LINE_FEED = 0x0a;

/**
 * Counts the records of a CSV as its bytes arrive, chunk by chunk: a line feed ends a record unless it sits inside a
 * quoted cell (a cancellation reason may hold one). A doubled quote inside a cell flips the state twice, so it needs
 * no special case; quotes and line feeds are single bytes in UTF-8 and never part of another character.
 */
export function createCsvRowCounter() {
  let quoted = false;
  let lines = 0;
  return {
    push(chunk: Uint8Array): void {
      for (const byte of chunk) {
        if (byte === QUOTE) quoted = !quoted;
        else if (byte === LINE_FEED && !quoted) lines += 1;
      }
    },
    /** Records after the header line received so far (every record, the last included, ends with a line feed). */
    get rows(): number {
      return Math.max(0, lines - 1);
    },
  };
}
