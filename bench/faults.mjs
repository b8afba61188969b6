// Faults: what a clinic's bookings go through when a process or the database dies, and when a query gets stuck.
// Runs on a THROWAWAY PostgreSQL cluster the script creates (initdb into a temp dir, a spare port), never the shared
// server other tests use; exits non-zero when an expectation is violated.
//
//   npm run bench:faults                     (build the API first: npx turbo run build --filter=@ims/api...)
//
// (a) kill -9 of the API under booking load, then a restart: every booking answered 201 is in the database with
//     the fields asked for, its 'created' history entry, its audit entry and (when sent with one) its stored
//     Idempotency-Key; none is half-written; a keyed booking cut off mid-flight, retried with its key, is booked once.
// (b) PostgreSQL stopped (immediate mode: a crash, recovered from the WAL) under booking and search load and started
//     again: while it is down, GET /api/health, a data route and bookings answer 503 with Retry-After (never 500);
//     once it is back the same API process serves again without a restart, and every acknowledged booking survived.
// (c) A stuck query: another client holds a row lock on an appointment (and the clinician's booking lock) inside a
//     long pg_sleep. Requests that need them answer 503/409 within the API's statement timeout while other requests
//     are served; then as many of them as the pool has connections, twice over, to show the pool is not held for ever.
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { apiProcess, freePort, snapshotApi } from './lib/api-process.mjs';
import { createDemoDatabase } from './lib/demo-database.mjs';
import { call, signIn } from './lib/clinic-client.mjs';
import { bookingBody, loadBookingWorld, slots } from './lib/bookable-slots.mjs';
import { startBookingLoad, verifyBookings } from './lib/booking-load.mjs';
import { formatCounts, startRequestLoop, statusCounts } from './lib/request-loop.mjs';
import { startThrowawayCluster } from './lib/throwaway-postgres.mjs';
import { scheduleDayPaths, searchablePatients, searchPaths } from './lib/workload-paths.mjs';
import { machineNote, markdownTable, writeResultsJson, writeResultsSection } from './lib/results-section.mjs';
import { summarise } from './lib/load.mjs';

const { values: options } = parseArgs({
  options: {
    workers: { type: 'string', default: '6' },
    'down-seconds': { type: 'string', default: '6' },
    only: { type: 'string', default: 'a,b,c' },
  },
});
// What the API runs with (apps/api/src/config/app-config.ts, prisma/src/client/open-database.ts); the bench does not
// override them, so (c) shows the shipped behaviour.
const API_LIMITS = { statementTimeoutMs: 15_000, idleInTransactionMs: 30_000, poolMax: 10, poolConnectTimeoutMs: 5_000, transactionMaxWaitMs: 15_000, transactionTimeoutMs: 30_000 };
const settings = { workers: Number(options.workers), downSeconds: Number(options['down-seconds']), only: options.only.split(',') };
const log = (message) => console.log(`[faults] ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const failures = [];
const expect = (condition, message) => {
  if (!condition) {
    failures.push(message);
    log(`  VIOLATED: ${message}`);
  }
  return condition;
};
const is5xxOtherThan503 = (answer) => answer.status >= 500 && answer.status !== 503;

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function waitUntil(condition, timeoutMs, everyMs = 100) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await sleep(everyMs);
  }
  return false;
}

/** (a) SIGKILL of the API while bookings are in flight, then a restart on the same port. */
async function killApiUnderLoad({ api, session, world, databaseUrl }) {
  const notes = 'bench: fault a (kill -9)';
  const load = startBookingLoad({ session, world, workers: settings.workers, notes, skipDays: 0, phase: 'before the kill' });
  await waitUntil(() => load.attempts.filter((a) => a.status === 201).length >= 20, 20_000);
  const inFlight = settings.workers;
  await api.kill9();
  const killedAt = Date.now();
  load.setPhase('API down');
  log(`(a) killed the API (SIGKILL) under ${inFlight} booking workers, ${load.attempts.filter((a) => a.status === 201).length} acknowledged so far`);
  await sleep(1_000);
  await api.start();
  const restartedAfterMs = Date.now() - killedAt;
  load.setPhase('after the restart');
  log(`(a) API restarted in ${(restartedAfterMs / 1000).toFixed(1)} s; booking on for 3 s`);
  await sleep(3_000);
  const attempts = await load.stop();

  // A booking cut off mid-flight is unknown to its client; with its key, retrying is safe: it is booked exactly once.
  const cutOff = attempts.filter((a) => a.status === 0 && a.error !== 'ECONNREFUSED');
  const retries = [];
  for (const attempt of cutOff.filter((a) => a.key)) {
    const answer = await call(session, 'POST', '/api/appointments', { body: attempt.body, headers: { 'idempotency-key': attempt.key } });
    retries.push({ ...attempt, status: answer.status, id: answer.status === 201 ? answer.body.id : undefined, error: answer.error, phase: 'retried with its key' });
  }
  expect(retries.every((r) => r.status === 201), `(a) keyed bookings cut off by the kill, retried with their key: ${formatCounts(statusCounts(retries))}, expected all 201`);

  const verified = await withClient(databaseUrl, (client) => verifyBookings(client, [...attempts.filter((a) => !(a.key && cutOff.includes(a))), ...retries], notes));
  for (const violation of verified.violations) expect(false, `(a) ${violation}`);
  const serverErrors = attempts.filter(is5xxOtherThan503);
  expect(serverErrors.length === 0, `(a) ${serverErrors.length} bookings answered with a 5xx other than 503`);
  const byPhase = ['before the kill', 'API down', 'after the restart'].map((phase) => [phase, formatCounts(statusCounts(attempts.filter((a) => a.phase === phase)))]);
  const afterRestart = attempts.filter((a) => a.phase === 'after the restart');
  expect(afterRestart.some((a) => a.status === 201), '(a) no booking succeeded after the restart');
  log(`(a) ${JSON.stringify(verified.counts)}; retries ${formatCounts(statusCounts(retries))}`);
  return {
    byPhase,
    counts: verified.counts,
    cutOff: cutOff.length,
    cutOffKeyed: retries.length,
    retries: statusCounts(retries),
    cutOffUnkeyedCommitted: cutOff.filter((a) => !a.key && verified.bySlot.has(verified.slotOf(a.body))).length,
    restartedAfterMs,
    violations: verified.violations,
  };
}

/** (b) PostgreSQL crashes (immediate stop) under load and comes back; the API process stays the same. */
async function restartPostgresUnderLoad({ api, cluster, session, world, databaseUrl, searchList }) {
  const notes = 'bench: fault b (PostgreSQL restart)';
  const pidBefore = api.pid;
  const load = startBookingLoad({ session, world, workers: Math.max(2, Math.ceil(settings.workers / 2)), notes, skipDays: 60, phase: 'before' });
  const search = startRequestLoop({ session, paths: searchList, kind: 'search', workers: 2, phase: 'before' });
  const health = startRequestLoop({ session, paths: ['/api/health'], kind: 'health', everyMs: 250, phase: 'before' });
  const loops = [load, search, health];
  const setPhase = (phase) => loops.forEach((loop) => loop.setPhase(phase));
  await sleep(3_000);

  // Requests answered while the server is being stopped count as answered while it is down.
  setPhase('PostgreSQL down');
  await cluster.stop({ mode: 'immediate' });
  const stoppedAt = Date.now();
  log(`(b) PostgreSQL stopped (immediate); down for ${settings.downSeconds} s`);
  await sleep(settings.downSeconds * 1000);
  const comingBackAt = Date.now();
  setPhase('coming back');
  await cluster.start();
  const startedAt = Date.now();
  log(`(b) PostgreSQL started again after ${((startedAt - stoppedAt) / 1000).toFixed(1)} s`);

  const firstAfter = (answers, ok) => answers.find((a) => a.at >= startedAt && ok(a))?.at;
  await waitUntil(
    () =>
      !api.isRunning() ||
      (firstAfter(health.answers, (a) => a.status === 200) && firstAfter(search.answers, (a) => a.status === 200) && load.attempts.some((a) => a.phase === 'coming back' && a.status === 201)),
    60_000,
  );
  setPhase('after');
  await sleep(3_000);
  const [attempts, searches, checks] = [await load.stop(), await search.stop(), await health.stop()];

  const recovery = {
    healthMs: (firstAfter(checks, (a) => a.status === 200) ?? NaN) - startedAt,
    searchMs: (firstAfter(searches, (a) => a.status === 200) ?? NaN) - startedAt,
  };
  // Sent once the server had stopped and answered before it was being started again: the API alone answered these.
  const down = (answers) => answers.filter((a) => a.at - a.ms >= stoppedAt && a.at <= comingBackAt);
  const downRows = [
    ['GET /api/health', down(checks)],
    ['GET /api/patients?q= (data route)', down(searches)],
    ['POST /api/appointments', down(attempts)],
  ];
  for (const [label, answers] of downRows) {
    const unavailable = answers.filter((a) => a.status === 503);
    expect(answers.length > 0, `(b) no ${label} answered while PostgreSQL was down`);
    expect(unavailable.length === answers.length, `(b) while PostgreSQL was down ${label} answered ${formatCounts(statusCounts(answers))}, expected 503 only`);
    expect(unavailable.every((a) => Number(a.retryAfter) > 0), `(b) ${label}: ${unavailable.filter((a) => !(Number(a.retryAfter) > 0)).length} 503s without Retry-After`);
  }
  const everything = [...attempts, ...searches, ...checks];
  expect(!everything.some(is5xxOtherThan503), `(b) answers with a 5xx other than 503: ${formatCounts(statusCounts(everything.filter(is5xxOtherThan503)))}`);
  const survived = api.isRunning() && api.pid === pidBefore;
  const crash = survived ? undefined : crashReason(api.output());
  expect(survived, `(b) the API process did not survive the database restart: ${crash}`);
  if (survived) {
    expect(Number.isFinite(recovery.healthMs) && Number.isFinite(recovery.searchMs), '(b) the API did not recover within 60 s of PostgreSQL coming back');
    const after = everything.filter((a) => a.phase === 'after');
    expect(after.length > 0 && after.every((a) => a.status === 200 || a.status === 201), `(b) after recovery: ${formatCounts(statusCounts(after))}, expected only 200/201`);
  }

  const verified = await withClient(databaseUrl, (client) => verifyBookings(client, attempts, notes));
  for (const violation of verified.violations) expect(false, `(b) ${violation}`);
  const firstBooking = attempts.filter((a) => a.status === 201 && (a.phase === 'coming back' || a.phase === 'after'))[0];
  log(`(b) ${survived ? `recovered: health ${recovery.healthMs} ms, search ${recovery.searchMs} ms after PostgreSQL was up` : 'the API died'}; ${JSON.stringify(verified.counts)}`);
  return {
    downMs: startedAt - stoppedAt,
    downRows: downRows.map(([label, answers]) => [label, formatCounts(statusCounts(answers)), [...new Set(answers.map((a) => a.retryAfter).filter(Boolean))].join(', ') || '-']),
    phases: ['before', 'PostgreSQL down', 'coming back', 'after'].map((phase) => [phase, formatCounts(statusCounts(everything.filter((a) => a.phase === phase)))]),
    recovery: { healthMs: recovery.healthMs, searchMs: recovery.searchMs, firstBookingAcknowledged: Boolean(firstBooking) },
    survived,
    crash,
    counts: verified.counts,
    violations: verified.violations,
  };
}

/**
 * (c) Another client holds what the API needs inside a long pg_sleep: the row of appointment A (a cancel updates it)
 * and clinician X's booking lock (bookings of X take it). Step 1: a few requests wait on them while other traffic
 * runs. Step 2: twice as many waiting requests as the pool has connections.
 */
async function stuckQuery({ api, session, world, databaseUrl, searchList, scheduleList }) {
  const free = slots(world, { skipDays: 120 });
  const [clinicianX, clinicianY] = world.clinicianIds;
  const nextSlotOf = (clinicianId) => {
    for (;;) {
      const slot = free.next().value;
      if (slot.clinicianId === clinicianId) return slot;
    }
  };
  let patient = 0;
  const book = (clinicianId, notes = 'bench: fault c') => call(session, 'POST', '/api/appointments', { body: bookingBody(world, nextSlotOf(clinicianId), world.patientIds[patient++ % world.patientIds.length], notes) });
  const appointment = await book(clinicianX);
  if (appointment.status !== 201) throw new Error(`(c) could not book the appointment to lock: ${appointment.status} ${appointment.text}`);
  const target = appointment.body;

  const holder = new pg.Client({ connectionString: databaseUrl, application_name: 'bench-stuck-query' });
  // Terminated on purpose at the end: its connection's error is expected.
  holder.on('error', () => undefined);
  await holder.connect();
  const { rows: [{ pid: holderPid }] } = await holder.query('SELECT pg_backend_pid() AS pid');
  await holder.query('BEGIN');
  await holder.query('SELECT id FROM appointment WHERE id = $1 FOR UPDATE', [target.id]);
  await holder.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [`appointment-slot:clinician:${clinicianX}`]);
  const stuck = holder.query('SELECT pg_sleep(600)').catch(() => undefined);
  log(`(c) backend ${holderPid} holds appointment ${target.id} (FOR UPDATE) and clinician X's booking lock inside pg_sleep(600)`);

  const cancel = () => call(session, 'POST', `/api/appointments/${target.id}/cancel`, { body: { version: target.version, reason: 'bench: stuck query' } });
  const background = () => [
    startRequestLoop({ session, paths: searchList, kind: 'search', workers: 1, phase: 'step' }),
    startRequestLoop({ session, paths: scheduleList, kind: 'schedule', workers: 1, phase: 'step' }),
    startRequestLoop({ session, paths: ['/api/health'], kind: 'health', everyMs: 200, phase: 'step' }),
  ];
  const steps = [];
  const limitMs = API_LIMITS.statementTimeoutMs + 5_000;

  // Step 1: 3 cancels of A and 2 bookings of X wait; bookings of Y and reads go on.
  {
    const others = background();
    const bookingsY = [];
    const bookingLoop = (async () => {
      const until = Date.now() + API_LIMITS.statementTimeoutMs;
      while (Date.now() < until) bookingsY.push(await book(clinicianY));
    })();
    const blocked = await Promise.all([cancel(), cancel(), cancel(), book(clinicianX), book(clinicianX)]);
    await bookingLoop;
    const otherAnswers = [...(await Promise.all(others.map((loop) => loop.stop()))).flat(), ...bookingsY.map((a) => ({ ...a, kind: 'booking (other clinician)' }))];
    steps.push(stepSummary('1: 3 cancels of A + 2 bookings of X waiting (fewer than the pool)', blocked, otherAnswers));
    expect(blocked.every((a) => a.status === 503 || a.status === 409), `(c) step 1: waiting requests answered ${formatCounts(statusCounts(blocked))}, expected 503 or 409`);
    expect(blocked.every((a) => a.ms <= limitMs), `(c) step 1: a waiting request took ${Math.round(Math.max(...blocked.map((a) => a.ms)))} ms, beyond the statement timeout + 5 s`);
    expect(otherAnswers.every((a) => a.status === 200 || a.status === 201), `(c) step 1: other requests answered ${formatCounts(statusCounts(otherAnswers))}, expected 200/201 only`);
  }

  // Step 2: twice the pool's connections wait on A's row; the API must give them up and serve again.
  {
    const others = background();
    const blocked = await Promise.all(Array.from({ length: API_LIMITS.poolMax * 2 }, cancel));
    const servedAgain = await waitUntil(async () => (await call(session, 'GET', searchList[0])).status === 200, 20_000, 250);
    const otherAnswers = (await Promise.all(others.map((loop) => loop.stop()))).flat();
    steps.push(stepSummary(`2: ${API_LIMITS.poolMax * 2} cancels of A waiting (twice the pool)`, blocked, otherAnswers));
    expect(blocked.every((a) => a.status === 503 || a.status === 409), `(c) step 2: waiting requests answered ${formatCounts(statusCounts(blocked))}, expected 503 or 409`);
    expect(blocked.every((a) => a.ms <= limitMs + API_LIMITS.poolConnectTimeoutMs), `(c) step 2: a waiting request took ${Math.round(Math.max(...blocked.map((a) => a.ms)))} ms`);
    expect(!otherAnswers.some(is5xxOtherThan503), `(c) step 2: other requests answered ${formatCounts(statusCounts(otherAnswers))}: a 5xx other than 503 while the pool was busy`);
    expect(servedAgain, '(c) step 2: the API did not serve a search within 20 s of the waiting requests being answered');
  }

  await withClient(databaseUrl, (client) => client.query('SELECT pg_terminate_backend($1)', [holderPid]));
  await stuck;
  await holder.end().catch(() => undefined);
  const afterRelease = await cancel();
  expect(afterRelease.status === 200, `(c) after the stuck query ended, cancelling A answered ${afterRelease.status}, expected 200`);
  log(`(c) lock released; cancel of A answered ${afterRelease.status}`);
  const crash = api.isRunning() ? undefined : crashReason(api.output());
  expect(!crash, `(c) the API process died: ${crash}`);
  return { steps, afterRelease: afterRelease.status, crash };
}

/** Why the API process ended, from its last output: the error it died of and the first frame that names a file. */
function crashReason(output) {
  const lines = output.split('\n').filter((line) => !line.startsWith('{'));
  const at = lines.findIndex((line) => /^(\w*Error|Error)\b.*:/.test(line.trim()));
  if (at === -1) return 'no error in its output';
  const frame = lines.slice(at + 1).find((line) => /node_modules|dist\//.test(line))?.trim() ?? '';
  const kind = output.includes("Unhandled 'error' event") ? "unhandled 'error' event: " : '';
  return `${kind}${lines[at].trim()} ${frame}`.replace(/\/tmp\/ims-bench-api-\w+\//g, '');
}

/** The API's "unhandled error" log lines (the ones answered 500), as `METHOD url: message (where)`. */
function unhandledErrors(output) {
  return output
    .split('\n')
    .filter((line) => line.includes('"msg":"unhandled error"'))
    .map((line) => {
      try {
        const entry = JSON.parse(line);
        const where = (entry.err?.stack?.split('\n').find((frame) => /dist\//.test(frame))?.trim() ?? '').replace(/\/tmp\/ims-bench-api-\w+\//g, '');
        return `${entry.req?.method} ${entry.req?.url}: ${String(entry.err?.message).replace(/\s+/g, ' ').trim()} (${where})`;
      } catch {
        return line.slice(0, 300);
      }
    });
}

function stepSummary(label, blocked, others) {
  const waited = summarise(blocked.map((a) => a.ms));
  const otherStats = summarise(others.map((a) => a.ms));
  const summary = {
    label,
    blocked: formatCounts(statusCounts(blocked)),
    blockedMs: { p50: Math.round(waited.p50), max: Math.round(Math.max(...blocked.map((a) => a.ms))) },
    retryAfter: [...new Set(blocked.map((a) => a.headers?.get?.('retry-after')).filter(Boolean))].join(', ') || '-',
    others: formatCounts(statusCounts(others)),
    othersMs: { p50: otherStats.p50, p99: otherStats.p99, max: Math.round(Math.max(0, ...others.map((a) => a.ms))) },
  };
  log(`(c) step ${label}: waiting ${summary.blocked} (p50 ${summary.blockedMs.p50} ms, max ${summary.blockedMs.max} ms); others ${summary.others} (p99 ${summary.othersMs.p99} ms)`);
  return summary;
}

function report({ a, b, c, unhandled, loadAtStart }) {
  const limits = API_LIMITS;
  return [
    `\`npm run bench:faults\` (bench/faults.mjs): a throwaway PostgreSQL 15 cluster (initdb into a temp dir, a spare port, fsync on), the demo clinic seeded into it, the built API with its production defaults; ${settings.workers} front desks booking fresh slots, every other booking with an Idempotency-Key.`,
    '',
    '### (a) kill -9 of the API under booking load',
    '',
    markdownTable(['phase', 'booking answers'], a.byPhase),
    '',
    `API back ${(a.restartedAfterMs / 1000).toFixed(1)} s after the kill. ${a.counts.acknowledged} bookings acknowledged (201, the keyed retries below included), each checked in the database for the fields asked for, its 'created' history entry, its audit entry and its stored key: ` +
      `${a.violations.length === 0 ? 'none missing, none half-written' : `${a.violations.length} violations (listed below)`}; ${a.counts.rows} appointment rows in all, every one whole. ${a.cutOff} bookings were cut off without an answer: ` +
      `${a.cutOffKeyed} carried a key and, retried with it, answered ${formatCounts(a.retries)} (each booked once); of the ${a.cutOff - a.cutOffKeyed} without a key, ${a.cutOffUnkeyedCommitted} had committed (whole) before the kill and the rest left nothing.`,
    '',
    '### (b) PostgreSQL restarted under load (immediate stop: a crash, recovered from the WAL)',
    '',
    markdownTable(['sent and answered while PostgreSQL was down', 'answers', 'Retry-After'], b.downRows),
    '',
    markdownTable(['phase', 'all answers (bookings, searches, health checks)'], b.phases),
    '',
    (b.survived
      ? `Down ${(b.downMs / 1000).toFixed(1)} s. Once PostgreSQL accepted connections again the same API process (no restart) answered GET /api/health with 200 after ${b.recovery.healthMs} ms and a search after ${b.recovery.searchMs} ms. `
      : `Down ${(b.downMs / 1000).toFixed(1)} s. **The API process died** while PostgreSQL was going down: \`${b.crash}\` (every "no answer" above). `) +
      `${b.counts.acknowledged} bookings acknowledged across the restart, ${b.violations.length === 0 ? 'every one in the database, whole' : `${b.violations.length} violations`}.`,
    '',
    `### (c) A stuck query (statement_timeout ${limits.statementTimeoutMs / 1000} s, pool of ${limits.poolMax})`,
    '',
    'Another client holds the row of appointment A (`SELECT … FOR UPDATE`) and clinician X\'s booking lock inside `pg_sleep(600)`; cancels of A and bookings of X wait on them, while searches, day lists, health checks and bookings of another clinician go on.',
    '',
    markdownTable(
      ['step', 'waiting requests', 'their latency p50 / max', 'Retry-After', 'other requests meanwhile', 'others p50 / p99 / max'],
      c.steps.map((s) => [s.label, s.blocked, `${s.blockedMs.p50} / ${s.blockedMs.max} ms`, s.retryAfter, s.others, `${s.othersMs.p50} / ${s.othersMs.p99} / ${s.othersMs.max} ms`]),
    ),
    '',
    ...(c.crash ? [`**The API process died** during these steps: \`${c.crash}\`.`, ''] : []),
    `After the stuck backend was terminated, cancelling A answered ${c.afterRelease}. The API's limits (not overridden here): statement_timeout ${limits.statementTimeoutMs} ms (DB_STATEMENT_TIMEOUT_MS), ` +
      `idle_in_transaction_session_timeout ${limits.idleInTransactionMs} ms, pool connection wait ${limits.poolConnectTimeoutMs} ms, Prisma interactive transactions maxWait ${limits.transactionMaxWaitMs} ms / timeout ${limits.transactionTimeoutMs} ms (prisma/src/client/open-database.ts).`,
    ...(unhandled.length
      ? ['', 'What the API logged for its 500 answers over the whole run (distinct errors):', ...unhandled.map((line) => `- \`${line}\``)]
      : ['', 'The API answered no request with 500 over the whole run.']),
    '',
    failures.length === 0 ? '**All expectations met.**' : `**Expectations violated:**\n${failures.map((f) => `- ${f}`).join('\n')}`,
    '',
    machineNote({ loadAtStart }),
  ].join('\n');
}

async function main() {
  const loadAtStart = os.loadavg();
  const snapshot = await snapshotApi({ log });
  const cluster = await startThrowawayCluster({ log });
  let api;
  const cleanUp = async () => {
    await api?.stop();
    await cluster.destroy();
    snapshot.remove();
    log(`stopped the API, removed the throwaway cluster ${cluster.dir}`);
  };
  process.once('SIGINT', () => cleanUp().finally(() => process.exit(130)));
  try {
    const database = await createDemoDatabase({ serverUrl: cluster.url, log });
    const world = await loadBookingWorld(database.url);
    api = apiProcess({ databaseUrl: database.url, port: await freePort(), main: snapshot.main });
    await api.start();
    const session = await signIn(`http://127.0.0.1:${api.port}`, 'reception@demo.clinic');
    const searchList = searchPaths(await searchablePatients(database.url, world.organisationId));
    const scheduleList = scheduleDayPaths(world);
    log(`API up on port ${api.port} (pid ${api.pid})`);

    const only = (part, run) => (settings.only.includes(part) ? run() : undefined);
    const a = await only('a', () => killApiUnderLoad({ api, session, world, databaseUrl: database.url }));
    const b = await only('b', () => restartPostgresUnderLoad({ api, cluster, session, world, databaseUrl: database.url, searchList }));
    if (!api.isRunning()) {
      log('the API died during the faults above: restarting it so (c) still runs');
      await api.start();
    }
    const c = await only('c', () => stuckQuery({ api, session, world, databaseUrl: database.url, searchList, scheduleList }));
    if (!api.isRunning()) log(`the API has died (${crashReason(api.output())}); its last output:\n${api.output().split('\n').filter((line) => !line.includes('"msg":"request errored"')).slice(-40).join('\n')}`);
    const unexpected = unhandledErrors(api.history());
    for (const line of unexpected.slice(0, 5)) log(`API logged an unhandled error: ${line}`);
    // Distinct errors, without the request that met them.
    const unhandled = [...new Set(unexpected.map((line) => line.replace(/^\S+ \S+: /, '')))];

    // A partial run (--only) prints its figures but leaves the recorded section alone.
    if (a && b && c) writeResultsSection('Faults (bench/faults.mjs)', report({ a, b, c, unhandled, loadAtStart }));
    log(`results: bench/RESULTS.md, ${writeResultsJson('faults', { settings, limits: API_LIMITS, a, b, c, failures })}`);
    if (failures.length > 0) {
      for (const failure of failures) console.error(`[faults] FAILED: ${failure}`);
      process.exitCode = 1;
    } else {
      log('all expectations met');
    }
  } finally {
    await cleanUp();
  }
}

main().catch((error) => {
  console.error(`[faults] failed: ${error.stack ?? error}`);
  process.exit(1);
});
