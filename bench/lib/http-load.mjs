import http from 'node:http';
import { summarise } from './load.mjs';

// Closed-loop load for the large-chain benchmarks: `concurrency` keep-alive connections, each sending its next
// request as soon as the previous answer has arrived, for `warmupSeconds` unrecorded then `seconds` recorded.
// Requests come from `next()` (method, path, headers, body), so a run can walk through days, clinics or fresh slots.

function send(agent, port, { method = 'GET', path, headers = {}, body }) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const started = process.hrtime.bigint();
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: payload ? { 'content-type': 'application/json', 'content-length': payload.length, ...headers } : headers,
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode, body: Buffer.concat(chunks), ms: Number(process.hrtime.bigint() - started) / 1e6 }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/**
 * Runs the load and returns latency (p50/p95/p99/mean, ms), throughput (answers per second in the recorded window),
 * status counts and errors. `expect(status)` says which statuses count as success (default 2xx); the first few
 * failures are printed. `onAnswer(request, answer)` sees every answer (e.g. to count bytes or verify).
 */
export async function runHttpLoad({ port, next, concurrency = 16, warmupSeconds = 5, seconds = 20, expect = (status) => status >= 200 && status < 300, onAnswer }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  const statuses = {};
  /** Every answer, warm-up and late ones included: what the server did, to check against what it wrote. */
  const allStatuses = {};
  let errors = 0;
  let bytes = 0;
  const warmupEnds = Date.now() + warmupSeconds * 1000;
  const ends = warmupEnds + seconds * 1000;

  async function worker() {
    while (Date.now() < ends) {
      const request = next();
      const recording = Date.now() >= warmupEnds;
      try {
        const answer = await send(agent, port, request);
        allStatuses[answer.status] = (allStatuses[answer.status] ?? 0) + 1;
        if (Date.now() > ends) break;
        if (onAnswer) onAnswer(request, answer);
        if (!recording) continue;
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        bytes += answer.body.length;
        if (expect(answer.status)) latencies.push(answer.ms);
        else {
          errors += 1;
          if (errors <= 3) console.error(`  [load] ${answer.status} for ${request.method ?? 'GET'} ${request.path}: ${answer.body.toString('utf8').slice(0, 300)}`);
        }
      } catch (error) {
        if (!recording) continue;
        errors += 1;
        if (errors <= 3) console.error(`  [load] ${error.message}`);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return {
    ...summarise(latencies),
    requestsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
    errors,
    statuses,
    allStatuses,
    meanBytes: Math.round(bytes / (latencies.length + errors || 1)),
  };
}
