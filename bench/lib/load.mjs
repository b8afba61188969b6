import http from 'node:http';

/** Nearest-rank percentile of sorted numbers. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** p50/p95/p99/mean in milliseconds, rounded to 0.1 ms. */
export function summarise(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (value) => Math.round(value * 10) / 10;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / (sorted.length || 1);
  return { count: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), mean: round(mean) };
}

function get(agent, port, path, headers) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const request = http.get({ host: '127.0.0.1', port, path, agent, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString('utf8'), ms: Number(process.hrtime.bigint() - started) / 1e6 }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/**
 * Sends the queries round-robin from `concurrency` keep-alive connections to 127.0.0.1:`port`: `warmupSeconds`
 * unrecorded, then `seconds` recorded. Bounded in time; every request waits for its answer before the next.
 * Records latency per query kind and whether the intended patient was among the results. `onRecording` is called
 * once, when the recorded part starts.
 */
export async function runLoad({ port, pathFor, headers = {}, queries, concurrency, warmupSeconds, seconds, onRecording = () => undefined }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const samples = [];
  let errors = 0;
  let next = 0;
  let recording = false;
  const warmupEnds = Date.now() + warmupSeconds * 1000;
  const ends = warmupEnds + seconds * 1000;

  async function worker() {
    while (Date.now() < ends) {
      const query = queries[next++ % queries.length];
      if (!recording && Date.now() >= warmupEnds) {
        recording = true;
        onRecording();
      }
      try {
        const response = await get(agent, port, pathFor(query.q), headers);
        if (response.status !== 200) {
          errors += 1;
          if (errors <= 3) console.error(`  [load] ${response.status} for ${query.q}: ${response.body.slice(0, 200)}`);
          continue;
        }
        if (recording) samples.push({ kind: query.kind, ms: response.ms, found: JSON.parse(response.body).items.some((item) => item.id === query.patientId) });
      } catch (error) {
        errors += 1;
        if (errors <= 3) console.error(`  [load] ${error.message}`);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();

  const kinds = [...new Set(queries.map((query) => query.kind))];
  const byKind = Object.fromEntries(
    kinds.map((kind) => {
      const mine = samples.filter((sample) => sample.kind === kind);
      return [kind, { ...summarise(mine.map((sample) => sample.ms)), foundRate: Math.round((100 * mine.filter((s) => s.found).length) / (mine.length || 1)) }];
    }),
  );
  return {
    all: { ...summarise(samples.map((sample) => sample.ms)), foundRate: Math.round((100 * samples.filter((s) => s.found).length) / (samples.length || 1)) },
    byKind,
    requestsPerSecond: Math.round(samples.length / seconds),
    errors,
  };
}
