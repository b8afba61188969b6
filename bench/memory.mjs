// The API's memory under load on the large chain: one API process serves, all at once for BENCH_MEMORY_SECONDS (40),
// front desks opening day lists and searching patients, a receptionist booking, a manager running month reports,
// and a year's drill-down exported as CSV again and again (the export streams through a server-side cursor, so it
// should not grow the process). VmRSS of the API is read from /proc/<pid>/status every 250 ms.
//
//   npm run build && npm run bench:memory
//
// Target: peak resident memory < 250 MB (MiB here: 250 MB is 238 MiB, the figure checked).
import http from 'node:http';
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { addDays, chainWorld, ensureLargeChain, isoWeekday, startOfDay, startTargets } from './lib/large-chain.mjs';
import { bookingBody, loadBookingWorld } from './lib/bookable-slots.mjs';
import { daysPastEverything, spreadSlots } from './lib/spread-slots.mjs';
import { runHttpLoad } from './lib/http-load.mjs';
import { rssMiB } from './lib/api-process.mjs';
import { contextLine, log as logger, verdict } from './lib/side-by-side.mjs';
import { markdownTable, writeResultsJson, writeResultsSection } from './lib/results-section.mjs';
import { assertBuilt } from './lib/api-process.mjs';

const log = logger('memory');
const TARGET_MB = 250;
const TARGET_MIB = Math.floor((TARGET_MB * 1e6) / 2 ** 20);
const seconds = Math.min(Number(process.env.BENCH_MEMORY_SECONDS ?? 40), 120);

async function query(url, text, values) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Downloads `path` again and again until `until`, counting bytes without keeping them; returns downloads and bytes. */
async function exportLoop(port, path, cookie, until) {
  let downloads = 0;
  let bytes = 0;
  let failed = 0;
  const durations = [];
  while (Date.now() < until) {
    const started = Date.now();
    const status = await new Promise((resolve) => {
      const request = http.get({ host: '127.0.0.1', port, path, headers: { cookie } }, (response) => {
        response.on('data', (chunk) => (bytes += chunk.length));
        response.on('end', () => resolve(response.statusCode));
        response.on('error', () => resolve(0));
      });
      request.on('error', () => resolve(0));
    });
    if (status === 200) {
      downloads += 1;
      durations.push(Date.now() - started);
    } else failed += 1;
  }
  return { downloads, bytes, failed, durations };
}

async function main() {
  assertBuilt();
  const loadAtStart = os.loadavg();
  const url = await ensureLargeChain({ log });
  const world = await chainWorld(url);
  const booking = await loadBookingWorld(url, { clinicName: world.clinics[0].name, fromDaysAhead: await daysPastEverything(url) });
  const terms = (await query(url, `SELECT lower(left(last_name, 4)) AS prefix, right(phone, 7) AS phone FROM patient WHERE archived_at IS NULL ORDER BY id LIMIT 300`))
    .flatMap((row) => [row.prefix, row.phone]);
  const marker = `bench:memory ${randomUUID()}`;
  const targets = await startTargets({ url, world, log });
  const samples = [];
  const sampler = setInterval(() => {
    const mib = rssMiB(targets.api.pid);
    if (mib !== undefined) samples.push({ at: Date.now(), mib });
  }, 250);
  try {
    const startedMiB = rssMiB(targets.api.pid);
    const reception = await targets.signIn(world.clinics[0].receptionist);
    const manager = await targets.signIn(world.managerEmail);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const idleMiB = rssMiB(targets.api.pid);
    const clinic = world.clinics[0];
    const days = [];
    for (let offset = -7; offset <= 7; offset += 1) if (isoWeekday(addDays(world.today, offset)) <= 5) days.push(addDays(world.today, offset));
    const year = { from: addDays(world.today, -365), to: addDays(world.today, -1) };
    const monthTo = addDays(`${world.today.slice(0, 7)}-01`, -1);
    const month = { from: `${monthTo.slice(0, 7)}-01`, to: monthTo };

    let d = 0;
    let t = 0;
    let m = 0;
    let p = 0;
    const free = spreadSlots(booking);
    const common = { warmupSeconds: 0, seconds };
    const until = Date.now() + seconds * 1000;
    log(`${seconds} s: 6 day lists, 4 searches, 2 bookings, 2 month reports, 2 year exports at once (16 connections)`);
    const [dayLists, searches, bookings, reports, exports] = await Promise.all([
      runHttpLoad({
        ...common,
        port: targets.apiPort,
        concurrency: 6,
        next: () => {
          const date = days[d++ % days.length];
          return { path: `/api/appointments?clinicId=${clinic.id}&from=${encodeURIComponent(startOfDay(date, clinic.timeZone))}&to=${encodeURIComponent(startOfDay(addDays(date, 1), clinic.timeZone))}`, headers: { cookie: reception.cookie } };
        },
      }),
      runHttpLoad({ ...common, port: targets.apiPort, concurrency: 4, next: () => ({ path: `/api/patients?q=${encodeURIComponent(terms[t++ % terms.length])}&pageSize=20`, headers: { cookie: reception.cookie } }) }),
      runHttpLoad({
        ...common,
        port: targets.apiPort,
        concurrency: 2,
        expect: (status) => status === 201,
        next: () => ({ method: 'POST', path: '/api/appointments', headers: { cookie: reception.cookie, 'x-csrf-token': reception.csrfToken }, body: bookingBody(booking, free.next().value, booking.patientIds[p++ % booking.patientIds.length], marker) }),
      }),
      runHttpLoad({ ...common, port: targets.apiPort, concurrency: 2, next: () => ({ path: `/api/reports/caseload?from=${month.from}&to=${month.to}&clinicId=${world.clinics[m++ % world.clinics.length].id}`, headers: { cookie: manager.cookie } }) }),
      Promise.all(
        [0, 1].map(() =>
          exportLoop(targets.apiPort, `/api/reports/caseload/drilldown?metric=sessionsDelivered&from=${year.from}&to=${year.to}&clinicId=${world.clinics.map((c) => c.id).join(',')}&format=csv`, manager.cookie, until),
        ),
      ),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    clearInterval(sampler);
    const afterMiB = rssMiB(targets.api.pid);
    const during = samples.filter((sample) => sample.at <= until).map((sample) => sample.mib).sort((a, b) => a - b);
    const peak = Math.max(...samples.map((sample) => sample.mib));
    const median = during[Math.floor(during.length / 2)];
    const exported = { downloads: exports.reduce((n, e) => n + e.downloads, 0), bytes: exports.reduce((n, e) => n + e.bytes, 0), failed: exports.reduce((n, e) => n + e.failed, 0), durations: exports.flatMap((e) => e.durations) };
    await query(url, `DELETE FROM appointment_change WHERE appointment_id IN (SELECT id FROM appointment WHERE notes = $1)`, [marker]);
    await query(url, `DELETE FROM appointment WHERE notes = $1`, [marker]);

    const met = peak < TARGET_MIB;
    const exportTimedOut = /CSV export[^\n]*statement timeout|canceling statement due to statement timeout/.test(targets.api.output());
    const table = markdownTable(
      ['workload (concurrently)', 'connections', 'requests/s', 'p50', 'p95', 'answers'],
      [
        ["a clinic's day list", 6, dayLists],
        ['patient search', 4, searches],
        ['booking', 2, bookings],
        ["a clinic's month caseload", 2, reports],
      ].map(([label, connections, r]) => [label, connections, r.requestsPerSecond.toFixed(1), `${r.p50} ms`, `${r.p95} ms`, Object.entries(r.statuses).map(([s, n]) => `${n}× ${s}`).join(', ')]).concat([
        [`CSV export: a year of the chain's delivered sessions (${year.from} to ${year.to})`, 2, `${exported.downloads} downloads`, '', '', `${Math.round(exported.bytes / 2 ** 20)} MiB streamed${exported.failed ? `, ${exported.failed} failed` : ''}`],
      ]),
    );
    console.log(`\n${table}\n\nRSS: idle ${idleMiB} MiB, median under load ${median} MiB, peak ${peak} MiB, after ${afterMiB} MiB\n`);
    writeResultsSection(
      'Memory',
      [
        '`npm run bench:memory` (bench/memory.mjs): one API process (production settings, pool of 10) on the large chain ' +
          `(${world.counts.appointments.toLocaleString('en')} appointments) under ${seconds} s of mixed load from 16 connections at once; VmRSS read from /proc/<pid>/status every 250 ms. ` +
          `API run with ${targets.apiSettings}.`,
        '',
        table,
        '',
        markdownTable(['API resident memory (VmRSS)', 'MiB'], [
          ['started, before any request', startedMiB],
          ['after two sign-ins (first Prisma queries, argon2), idle', idleMiB],
          ['median under load', median],
          ['peak under load', peak],
          ['3 s after the load', afterMiB],
        ]),
        '',
        `- ${verdict(met, `peak ${peak} MiB (${Math.round((peak * 2 ** 20) / 1e6)} MB); target < ${TARGET_MB} MB`)}`,
        exported.durations.length
          ? `- ${exported.downloads} year exports finished, each in ${Math.round(Math.min(...exported.durations) / 100) / 10}-${Math.round(Math.max(...exported.durations) / 100) / 10} s (streamed from a server-side cursor).`
          : '- No year export finished within the run (they are streamed from a server-side cursor).',
        ...(exported.failed > 0
          ? [
              `- ${exported.failed} year exports were cut off before the end${exportTimedOut ? ": the API logged `canceling statement due to statement timeout`: the export's cursor is read as one statement, so DB_STATEMENT_TIMEOUT_MS (15 s) ends any export that takes longer" : ''}.`,
            ]
          : []),
        '- The schedule, booking and caseload benchmarks also report the API\'s peak RSS during their own runs.',
        '',
        contextLine(loadAtStart),
      ].join('\n'),
    );
    const file = writeResultsJson('memory', { apiSettings: targets.apiSettings, exportTimedOut, seconds, startedMiB, idleMiB, median, peak, afterMiB, samples, dayLists, searches, bookings, reports, exported, met });
    log(`results in bench/RESULTS.md (Memory) and ${file}`);
    if (!met) process.exitCode = 1;
  } finally {
    clearInterval(sampler);
    await targets.stop();
    await query(url, `DELETE FROM appointment_change WHERE appointment_id IN (SELECT id FROM appointment WHERE notes = $1)`, [marker]).catch(() => undefined);
    await query(url, `DELETE FROM appointment WHERE notes = $1`, [marker]).catch(() => undefined);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
