// Mixed workload: front desk, charting and report traffic at once against the built API, for a set duration, with
// autocannon. Reports p50/p99 per request kind and overall, errors (expected: none) and the API's peak memory.
//
//   npm run bench:mixed                       (5 minutes; build the API first: npx turbo run build --filter=@ims/api...)
//   npm run bench:mixed -- --duration 30      (a quick run)
//   node bench/mixed-workload.mjs --duration 30 --connections 16 --warmup 5
//
// Kinds (connections are shared out by weight; each connection sends its next request as soon as the last answered):
//   front desk (receptionist): search (GET /api/patients?q=), schedule day list (GET /api/appointments?from&to),
//     booking + cancel (POST /api/appointments, then POST /api/appointments/:id/cancel)
//   charting (physiotherapist): GET /api/visits?…, GET /api/my-day?date=…
//   reports (manager): GET /api/reports/caseload?from&to&clinicId
// Charting and report routes are probed first; a route this build does not have is left out with a note.
import os from 'node:os';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { apiProcess, freePort, snapshotApi, sampleRss } from './lib/api-process.mjs';
import { createDemoDatabase } from './lib/demo-database.mjs';
import { call, sessionHeaders, signIn } from './lib/clinic-client.mjs';
import { bookingBody, loadBookingWorld, slots } from './lib/bookable-slots.mjs';
import { chartingPaths, localDate, roundRobin, scheduleDayPaths, searchablePatients, searchPaths } from './lib/workload-paths.mjs';
import { machineNote, markdownTable, writeResultsJson, writeResultsSection } from './lib/results-section.mjs';
import { summarise } from './lib/load.mjs';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '300' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '16' },
  },
});
const settings = { durationSeconds: Number(options.duration), warmupSeconds: Number(options.warmup), connections: Number(options.connections) };
const log = (message) => console.log(`[mixed] ${message}`);
const AUTOCANNON_VERSION = createRequire(import.meta.url)('autocannon/package.json').version;

/** Share of the connections per kind (of 16). */
const WEIGHTS = { search: 4, schedule: 3, book_cancel: 2, visits: 3, my_day: 3, caseload: 1 };

/** Probes a GET route: available when it answers 200; anything else is the note of why it was left out. */
async function probe(session, paths) {
  for (const path of paths) {
    const answer = await call(session, 'GET', path);
    if (answer.status === 200) return { available: true, path };
    if (answer.status !== 400) return { available: false, note: answer.status === 404 ? 'route not in this build (404)' : `answered ${answer.status}: ${answer.text?.slice(0, 160)}` };
  }
  return { available: false, note: 'refused every query shape tried (400)' };
}

function caseloadPaths(world) {
  const from = localDate(world.timeZone, -90);
  const to = localDate(world.timeZone, 0);
  return [
    `/api/reports/caseload?from=${from}&to=${to}&clinicId=${world.clinicId}`,
    `/api/reports/caseload?from=${from}&to=${to}`,
    `/api/reports/caseload?from=${from}T00:00:00Z&to=${to}T00:00:00Z&clinicId=${world.clinicId}`,
  ];
}

/**
 * One autocannon instance per kind, all at once. Latencies are recorded per response from autocannon's 'response'
 * event; the booking + cancel instance tells its two requests apart by what onResponse left in the connection's
 * context (onResponse runs just before the event).
 */
async function runKinds(kinds, seconds, { record }) {
  const samples = Object.fromEntries(kinds.flatMap((kind) => kind.labels.map((label) => [label, []])));
  const problems = [];
  const instances = kinds.map((kind) => {
    const instance = autocannon({
      url: kind.baseUrl,
      connections: kind.connections,
      duration: seconds,
      timeout: 30,
      headers: kind.headers,
      requests: kind.requests.map((request) => ({
        ...request,
        onResponse(status, body, context) {
          request.onResponse?.(status, body, context);
          context.lastLabel = request.label;
          if (status >= 400 && problems.length < 10) problems.push(`${request.label}: ${status} ${String(body).slice(0, 200)}`);
        },
      })),
    });
    instance.on('response', (client, status, bytes, ms) => {
      if (record) samples[client.requestIterator.context.lastLabel]?.push(ms);
    });
    return instance;
  });
  const results = await Promise.all(instances);
  return { results, samples, problems };
}

function bookCancelRequests(world, session) {
  const free = slots(world, { skipDays: 30 });
  const nextPatient = roundRobin(world.patientIds);
  const write = sessionHeaders(session, { write: true, json: true });
  return [
    {
      label: 'book',
      method: 'POST',
      path: '/api/appointments',
      headers: write,
      setupRequest(request, context) {
        context.appointment = undefined;
        return { ...request, body: JSON.stringify(bookingBody(world, free.next().value, nextPatient(), 'bench: mixed workload')) };
      },
      onResponse(status, body, context) {
        if (status === 201) context.appointment = JSON.parse(body);
      },
    },
    {
      label: 'cancel',
      method: 'POST',
      headers: write,
      setupRequest(request, context) {
        // A booking that failed leaves nothing to cancel: skip the cancel (autocannon starts over from the booking).
        if (!context.appointment) return null;
        return { ...request, path: `/api/appointments/${context.appointment.id}/cancel`, body: JSON.stringify({ version: context.appointment.version, reason: 'bench: mixed workload' }) };
      },
    },
  ];
}

const getRequests = (label, paths) => {
  const next = roundRobin(paths);
  return [{ label, method: 'GET', setupRequest: (request) => ({ ...request, path: next() }) }];
};

function report({ rows, overall, totals, rss, skipped, connections, booked, loadAtStart }) {
  const table = markdownTable(
    ['request kind', 'connections', 'requests', 'req/s', 'p50', 'p99', 'max', 'non-2xx', 'errors'],
    [...rows, overall].map((row) => [row.label, row.connections ?? '', row.count, row.rps, `${row.p50} ms`, `${row.p99} ms`, `${row.max} ms`, row.non2xx, row.errors]),
  );
  return [
    `\`npm run bench:mixed\` (bench/mixed-workload.mjs, autocannon ${AUTOCANNON_VERSION}): ${settings.durationSeconds} s recorded after ${settings.warmupSeconds} s of warm-up, ` +
      `${connections} keep-alive connections in all, each sending its next request as soon as the last one answered (no think time: this is the ` +
      `throughput the machine gives, and the latencies under it). Demo clinic database (200 patients, ~1,000 appointments, signed visit notes) on the local PostgreSQL; the built API with its default pool of 10.`,
    '',
    table,
    '',
    `Errors: ${totals.non2xx} non-2xx answers and ${totals.errors} connection errors or timeouts (expected: 0). ${booked.created} bookings made (warm-up included) and ${booked.cancelled} cancelled; ${booked.activeLeft} left active (a booking whose cancel the end of the run cut off).`,
    `API memory (VmRSS sampled every second over the recorded run): max ${rss.maxMiB} MiB (from ${rss.firstMiB} MiB at the start to ${rss.lastMiB} MiB at the end).`,
    ...(skipped.length ? ['', `Left out: ${skipped.map((s) => `${s.label} (${s.note})`).join('; ')}.`] : []),
    '',
    machineNote({ loadAtStart }),
  ].join('\n');
}

async function main() {
  const loadAtStart = os.loadavg();
  const snapshot = await snapshotApi({ log });
  const database = await createDemoDatabase({ log });
  const api = apiProcess({ databaseUrl: database.url, port: await freePort(), main: snapshot.main });
  const cleanUp = async () => {
    await api.stop();
    await database.drop();
    snapshot.remove();
    log(`stopped the API and dropped ${database.name}`);
  };
  process.once('SIGINT', () => cleanUp().finally(() => process.exit(130)));
  try {
    const world = await loadBookingWorld(database.url);
    await api.start();
    const baseUrl = `http://127.0.0.1:${api.port}`;
    const reception = await signIn(baseUrl, 'reception@demo.clinic');
    const physio = await signIn(baseUrl, 'physio@demo.clinic');
    const manager = await signIn(baseUrl, 'manager@demo.clinic');
    const charting = await chartingPaths(database.url, world);

    const skipped = [];
    const candidates = [
      { label: 'search', session: reception, requests: getRequests('search', searchPaths(await searchablePatients(database.url, world.organisationId))) },
      { label: 'schedule', session: reception, requests: getRequests('schedule', scheduleDayPaths(world)) },
      { label: 'book_cancel', session: reception, requests: bookCancelRequests(world, reception), labels: ['book', 'cancel'] },
      { label: 'visits', session: physio, paths: charting.visits },
      { label: 'my_day', session: physio, paths: charting.myDay },
      { label: 'caseload', session: manager, paths: caseloadPaths(world), probeAll: true },
    ];
    const kinds = [];
    for (const kind of candidates) {
      if (kind.paths) {
        const found = await probe(kind.session, kind.probeAll ? kind.paths : kind.paths.slice(0, 1));
        if (!found.available) {
          skipped.push({ label: kind.label, note: found.note });
          log(`left out ${kind.label}: ${found.note}`);
          continue;
        }
        kind.requests = getRequests(kind.label, kind.probeAll ? [found.path] : kind.paths);
      }
      kinds.push({ ...kind, labels: kind.labels ?? [kind.label], baseUrl, headers: sessionHeaders(kind.session) });
    }
    const weight = kinds.reduce((sum, kind) => sum + WEIGHTS[kind.label], 0);
    for (const kind of kinds) kind.connections = Math.max(1, Math.round((settings.connections * WEIGHTS[kind.label]) / weight));
    const connections = kinds.reduce((sum, kind) => sum + kind.connections, 0);
    log(`kinds: ${kinds.map((k) => `${k.label}×${k.connections}`).join(', ')}; warm-up ${settings.warmupSeconds} s, then ${settings.durationSeconds} s recorded`);

    if (settings.warmupSeconds > 0) await runKinds(kinds, settings.warmupSeconds, { record: false });
    const rssSampler = sampleRss(() => api.pid);
    const run = await runKinds(kinds, settings.durationSeconds, { record: true });
    const rss = rssSampler.stop();

    const rows = [];
    const totals = { non2xx: 0, errors: 0 };
    kinds.forEach((kind, index) => {
      const result = run.results[index];
      const errors = result.errors + result.timeouts;
      totals.non2xx += result.non2xx;
      totals.errors += errors;
      kind.labels.forEach((label, labelIndex) => {
        const stats = summarise(run.samples[label]);
        const max = Math.round(Math.max(0, ...run.samples[label]));
        rows.push({
          label,
          connections: labelIndex === 0 ? kind.connections : '(same)',
          count: stats.count,
          rps: Math.round((stats.count / settings.durationSeconds) * 10) / 10,
          p50: stats.p50,
          p99: stats.p99,
          max,
          // autocannon counts per instance: the booking + cancel pair shares one count.
          non2xx: labelIndex === 0 ? result.non2xx : '(same)',
          errors: labelIndex === 0 ? errors : '(same)',
        });
      });
    });
    const everything = Object.values(run.samples).flat();
    const all = summarise(everything);
    const overall = { label: 'overall', connections, count: all.count, rps: Math.round((all.count / settings.durationSeconds) * 10) / 10, p50: all.p50, p99: all.p99, max: Math.round(Math.max(...everything)), non2xx: totals.non2xx, errors: totals.errors };

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows: [booked] } = await client.query(
      `SELECT count(*)::int AS created, count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
              count(*) FILTER (WHERE status NOT IN ('cancelled', 'no_show'))::int AS "activeLeft"
         FROM appointment WHERE notes = 'bench: mixed workload'`,
    );
    await client.end();

    console.log(`\nMixed workload, ${settings.durationSeconds} s, ${connections} connections\n`);
    console.log(markdownTable(['kind', 'requests', 'req/s', 'p50', 'p99', 'max', 'non-2xx', 'errors'], [...rows, overall].map((r) => [r.label, r.count, r.rps, r.p50, r.p99, r.max, r.non2xx, r.errors])));
    console.log(`\nAPI RSS max ${rss.maxMiB} MiB; bookings ${JSON.stringify(booked)}; skipped: ${JSON.stringify(skipped)}`);
    for (const problem of run.problems) console.log(`  [error] ${problem}`);

    const result = { settings, kinds: kinds.map((k) => ({ label: k.label, connections: k.connections })), rows, overall, rss, skipped, booked, problems: run.problems };
    // Short development runs print their figures but leave the recorded section (a 5-minute run's) alone.
    if (settings.durationSeconds >= 300 || process.env.BENCH_WRITE_RESULTS === '1') {
      writeResultsSection('Mixed workload (bench/mixed-workload.mjs)', report({ rows, overall, totals, rss, skipped, connections, booked, loadAtStart }));
      log('figures written to bench/RESULTS.md');
    }
    log(`results: ${writeResultsJson('mixed-workload', result)}`);
    // The run may end between a booking and its cancel: at most one booking per booking connection stays active.
    const bookConnections = kinds.find((kind) => kind.label === 'book_cancel')?.connections ?? 0;
    if (totals.non2xx > 0 || totals.errors > 0 || booked.activeLeft > bookConnections * 2) process.exitCode = 1;
  } finally {
    await cleanUp();
  }
}

main().catch((error) => {
  console.error(`[mixed] failed: ${error.stack ?? error}`);
  process.exit(1);
});
