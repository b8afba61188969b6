import { call } from './clinic-client.mjs';

// Background GET traffic for the fault scripts: `workers` loops over `paths` (or one poller every `everyMs`),
// recording each answer's status, Retry-After, latency and the phase it was answered in, until stopped.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function startRequestLoop({ session, paths, kind, workers = 1, everyMs = 0, phase }) {
  const answers = [];
  const state = { phase, running: true, next: 0 };
  async function worker() {
    while (state.running) {
      const path = paths[state.next++ % paths.length];
      const answer = await call(session, 'GET', path);
      answers.push({ kind, path, status: answer.status, error: answer.error, retryAfter: answer.headers?.get('retry-after') ?? undefined, ms: answer.ms, at: Date.now(), phase: state.phase });
      if (everyMs > 0) await sleep(everyMs);
      else if (answer.status === 0) await sleep(100);
    }
  }
  const done = Promise.all(Array.from({ length: workers }, worker));
  return {
    answers,
    setPhase(next) {
      state.phase = next;
    },
    async stop() {
      state.running = false;
      await done;
      return answers;
    },
  };
}

/** `{ "200": 12, "503": 4 }` */
export function statusCounts(answers) {
  return answers.reduce((counts, answer) => ({ ...counts, [answer.status]: (counts[answer.status] ?? 0) + 1 }), {});
}

export const formatCounts = (counts) =>
  Object.entries(counts)
    .map(([status, n]) => `${n}× ${status === '0' ? 'no answer' : status}`)
    .join(', ') || 'none';
