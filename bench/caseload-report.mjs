// The month caseload report on the large chain: GET /api/reports/caseload?from=&to=&clinicId= as the chain's manager,
// against the API's own caseload statement (its compiled SQL builder) run through plain pg in a minimal handler, at the
// same concurrency, in the same run.
//
//   npm run build && npm run bench:caseload
//
// Each request is one clinic's calendar month (the three whole months before the chain's today, 10 clinics: 30
// reports in turn); then the whole chain's month (all 10 clinics in one report) at the same concurrency.
// Target: API p95 < 150 ms for a clinic's month.
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { addDays, chainWorld, ensureLargeChain, startTargets } from './lib/large-chain.mjs';
import { runHttpLoad } from './lib/http-load.mjs';
import { comparisonTable, contextLine, explain, log as logger, settings, verdict } from './lib/side-by-side.mjs';
import { writeResultsJson, writeResultsSection } from './lib/results-section.mjs';
import { assertBuilt } from './lib/api-process.mjs';
import { existsSync } from 'node:fs';
import pg from 'pg';

const log = logger('caseload');
const TARGET_P95_MS = 150;

/** The three whole calendar months before `today`, as [from, to] (inclusive local days). */
function lastMonths(today, count = 3) {
  const months = [];
  let first = `${today.slice(0, 7)}-01`;
  for (let n = 0; n < count; n += 1) {
    const to = addDays(first, -1);
    first = `${to.slice(0, 7)}-01`;
    months.push({ from: first, to });
  }
  return months;
}

/** The API's compiled caseload statement builder, from the build under test. */
const caseloadSummarySqlOf = (targets) => createRequire(import.meta.url)(path.join(targets.reportsDir, 'caseload-sql.js')).caseloadSummarySql;

async function main() {
  assertBuilt();
  const loadAtStart = os.loadavg();
  const url = await ensureLargeChain({ log });
  const world = await chainWorld(url);
  const months = lastMonths(world.today);
  const clinicMonths = months.flatMap((month) => world.clinics.map((clinic) => ({ ...month, clinicIds: [clinic.id] })));
  const chainMonths = months.map((month) => ({ ...month, clinicIds: world.clinics.map((clinic) => clinic.id) }));
  const scopeOf = (r) => ({ organisationId: world.organisationId, clinics: world.clinics.filter((c) => r.clinicIds.includes(c.id)).map(({ id, name, timeZone }) => ({ id, name, timeZone })), from: r.from, to: r.to });
  const targets = await startTargets({ url, world, log });
  try {
    if (!existsSync(path.join(targets.reportsDir, 'caseload-sql.js'))) throw new Error('the API build has no reports module (apps/api/dist/reports/caseload-sql.js): build the API with the reports feature first');
    const manager = await targets.signIn(world.managerEmail);
    const query = (r) => `from=${r.from}&to=${r.to}&clinicId=${r.clinicIds.join(',')}`;
    const runPair = async (label, requests, concurrency = settings.concurrency) => {
      let i = 0;
      const api = await runHttpLoad({ port: targets.apiPort, next: () => ({ path: `/api/reports/caseload?${query(requests[i++ % requests.length])}`, headers: { cookie: manager.cookie } }), ...settings, concurrency });
      let j = 0;
      const baseline = await runHttpLoad({ port: targets.basePort, next: () => ({ path: `/caseload?${query(requests[j++ % requests.length])}` }), ...settings, concurrency });
      log(`${label}: API p95 ${api.p95} ms, ${api.requestsPerSecond}/s; baseline p95 ${baseline.p95} ms, ${baseline.requestsPerSecond}/s`);
      return { api, baseline };
    };
    log(`a clinic's month: ${clinicMonths.length} reports in turn, ${settings.concurrency} connections`);
    const clinic = await runPair('clinic month', clinicMonths);
    log('the whole chain\'s month');
    const chain = await runPair('chain month', chainMonths);
    log("a clinic's month, one manager at a time (1 connection)");
    const single = await runPair('clinic month, 1 connection', clinicMonths, 1);
    const memory = targets.memory();

    const caseloadSummarySql = caseloadSummarySqlOf(targets);
    const clinicStatement = caseloadSummarySql(scopeOf(clinicMonths[0]));
    const chainStatement = caseloadSummarySql(scopeOf(chainMonths[0]));
    const clinicPlan = await explain(url, clinicStatement.text, clinicStatement.values, { settings: ['SET jit = off'] });
    const chainPlan = await explain(url, chainStatement.text, chainStatement.values, { settings: ['SET jit = off'] });

    const met = clinic.api.p95 < TARGET_P95_MS;
    const table = comparisonTable([
      ["API, a clinic's month", clinic.api],
      ["baseline, a clinic's month", clinic.baseline],
      ["API, the chain's month (10 clinics)", chain.api],
      ["baseline, the chain's month (10 clinics)", chain.baseline],
      ["API, a clinic's month, 1 connection", single.api],
      ["baseline, a clinic's month, 1 connection", single.baseline],
    ]);
    console.log(`\n${table}\n`);
    writeResultsSection(
      'Caseload report',
      [
        '`npm run bench:caseload` (bench/caseload-report.mjs): `GET /api/reports/caseload?from=&to=&clinicId=` as the chain\'s manager, one clinic\'s calendar month at a time ' +
          `(${months.map((m) => m.from.slice(0, 7)).join(', ')} × ${world.clinics.length} clinics, in turn), then the whole chain's month (all clinics in one report), on the large chain ` +
          `(${world.counts.appointments.toLocaleString('en')} appointments, ${world.counts.notes.toLocaleString('en')} visit notes, ${world.counts.clinicians} clinicians). ` +
          `${settings.concurrency} connections, ${settings.warmupSeconds} s warm-up then ${settings.seconds} s recorded per target and scope. The API resolves the scope, runs its ` +
          'one caseload statement in a read-only transaction with JIT off, shapes the figures and writes an audit entry. The baseline runs the same statement (the API\'s compiled ' +
          `builder, same parameters, JIT off) from a minimal Node HTTP handler with a pg pool of 10 and returns its rows. API run with ${targets.apiSettings}.`,
        '',
        table,
        '',
        `- ${verdict(met, `API p95 for a clinic's month ${clinic.api.p95} ms (target < ${TARGET_P95_MS} ms)`)}`,
        `- The chain's month (10 clinics in one report): API p95 ${chain.api.p95} ms (no target set; shown for scale).`,
        `- One manager at a time (1 connection): API p95 ${single.api.p95} ms, baseline ${single.baseline.p95} ms: the statement's own cost; at 16 connections the two ` +
          "cores are shared by 16 reports at once (and the load generator), so the p95 there is mostly queueing.",
        `- API resident memory during the runs: peak ${memory.maxMiB} MiB.`,
        '',
        `EXPLAIN (ANALYZE, BUFFERS) of the API's caseload statement as the migrations index it, ${world.clinics[0].name}, ${clinicMonths[0].from} to ${clinicMonths[0].to} (JIT off):`,
        '',
        '```',
        clinicPlan,
        '```',
        '',
        `The same for the whole chain, ${chainMonths[0].from} to ${chainMonths[0].to}:`,
        '',
        '```',
        chainPlan,
        '```',
        '',
        contextLine(loadAtStart),
      ].join('\n'),
    );
    const file = writeResultsJson('caseload-report', { settings, apiSettings: targets.apiSettings, months, clinic, chain, single, met, memory, clinicPlan, chainPlan });
    log(`results in bench/RESULTS.md (Caseload report) and ${file}`);
    if (!met || clinic.api.errors > 0 || chain.api.errors > 0) process.exitCode = 1;
  } finally {
    await targets.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
