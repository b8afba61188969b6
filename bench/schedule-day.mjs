// One day's schedule for a clinic on the large chain: GET /api/appointments?clinicId=&from=&to= (a front desk opening
// a day) against the same query through plain pg in a minimal handler, at the same concurrency, in the same run.
//
//   npm run build && npm run bench:schedule        (builds the large chain first if it is missing: see bench/README.md)
//
// Each request is one clinic's local day (midnight to midnight in its zone), walking through the 10 clinics and the
// weekdays within a week of the chain's today, each clinic asked for by its own receptionist.
// Targets: API throughput >= 0.5x the baseline's, API p95 <= 2x the baseline's.
import os from 'node:os';
import { addDays, chainWorld, ensureLargeChain, isoWeekday, startOfDay, startProposedApi, startTargets } from './lib/large-chain.mjs';
import { runHttpLoad } from './lib/http-load.mjs';
import { captureStatements } from './lib/statement-capture.mjs';
import { comparisonTable, contextLine, explain, log as logger, settings, verdict } from './lib/side-by-side.mjs';
import { writeResultsJson, writeResultsSection } from './lib/results-section.mjs';
import { assertBuilt } from './lib/api-process.mjs';

const log = logger('schedule');

/** Clinic-days: every clinic, every weekday from a week before the chain's today to a week after. */
function scheduleDays(world) {
  const days = [];
  for (let offset = -7; offset <= 7; offset += 1) {
    const date = addDays(world.today, offset);
    if (isoWeekday(date) <= 5) days.push(date);
  }
  return world.clinics.flatMap((clinic) =>
    days.map((date) => ({ clinic, date, from: startOfDay(date, clinic.timeZone), to: startOfDay(addDays(date, 1), clinic.timeZone) })),
  );
}

async function main() {
  assertBuilt();
  const loadAtStart = os.loadavg();
  const url = await ensureLargeChain({ log });
  const world = await chainWorld(url);
  log(`chain: ${JSON.stringify(world.counts)}, today ${world.today}`);
  const requests = scheduleDays(world);
  const targets = await startTargets({ url, world, log });
  let proposedApi;
  try {
    const sessions = new Map();
    for (const clinic of world.clinics) sessions.set(clinic.id, await targets.signIn(clinic.receptionist));
    const query = (r) => `clinicId=${r.clinic.id}&from=${encodeURIComponent(r.from)}&to=${encodeURIComponent(r.to)}`;
    let i = 0;
    const apiNext = () => {
      const r = requests[i++ % requests.length];
      return { path: `/api/appointments?${query(r)}`, headers: { cookie: sessions.get(r.clinic.id).cookie } };
    };
    let rows = 0;
    let answers = 0;
    log(`API: ${settings.concurrency} connections, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s`);
    const capture = captureStatements(url);
    const api = await runHttpLoad({
      port: targets.apiPort,
      next: apiNext,
      ...settings,
      onAnswer: (_request, answer) => {
        if (answer.status !== 200 || answers >= 200) return;
        rows += JSON.parse(answer.body).items.length;
        answers += 1;
      },
    });
    const statements = await capture.stop();
    let proposed;
    proposedApi = await startProposedApi({ url, world, log });
    if (proposedApi) {
      const proposedSessions = new Map();
      for (const clinic of world.clinics) proposedSessions.set(clinic.id, await proposedApi.signIn(clinic.receptionist));
      let k = 0;
      log('proposed API build: same requests');
      proposed = await runHttpLoad({
        port: proposedApi.port,
        next: () => {
          const r = requests[k++ % requests.length];
          return { path: `/api/appointments?${query(r)}`, headers: { cookie: proposedSessions.get(r.clinic.id).cookie } };
        },
        ...settings,
      });
      proposed.memory = proposedApi.memory();
      await proposedApi.stop();
    }
    let j = 0;
    const baseNext = () => ({ path: `/schedule?${query(requests[j++ % requests.length])}` });
    log('baseline: same requests');
    const baseline = await runHttpLoad({ port: targets.basePort, next: baseNext, ...settings });
    const memory = targets.memory();

    const sample = requests.find((r) => r.date === world.today) ?? requests[0];
    const dayList = (bounded) =>
      `SELECT a.*, p.first_name, p.last_name, p.preferred_name, cl.display_name, t.name AS type_name, r.name AS room_name
         FROM appointment a JOIN patient p ON p.id = a.patient_id JOIN clinician cl ON cl.id = a.clinician_id
         JOIN appointment_type t ON t.id = a.appointment_type_id LEFT JOIN room r ON r.id = a.room_id
        WHERE a.organisation_id = $1 AND a.clinic_id = $2 AND a.starts_at < $4 AND a.ends_at > $3${bounded ? ` AND a.starts_at > $3::timestamptz - interval '1 day'` : ''}
        ORDER BY a.starts_at, a.id`;
    const values = [world.organisationId, sample.clinic.id, sample.from, sample.to];
    const planUnbounded = await explain(url, dayList(false), values);
    const planBounded = await explain(url, dayList(true), values);
    const throughputRatio = api.requestsPerSecond / baseline.requestsPerSecond;
    const p95Ratio = api.p95 / baseline.p95;
    const met = { throughput: throughputRatio >= 0.5, p95: p95Ratio <= 2 };
    const table = comparisonTable([
      ['API GET /api/appointments', api],
      ...(proposed ? [['API, proposed build (BENCH_API_DIST_PROPOSED)', proposed]] : []),
      ['baseline (plain pg)', baseline],
    ]);
    console.log(`\n${table}\n\nthroughput ${throughputRatio.toFixed(2)}x the baseline's, p95 ${p95Ratio.toFixed(2)}x; API peak RSS ${memory.maxMiB} MiB\n`);

    const apiStatements = statements.filter((s) => /appointment/i.test(s.query)).slice(0, 6);
    writeResultsSection(
      'Schedule day',
      [
        '`npm run bench:schedule` (bench/schedule-day.mjs): one clinic\'s local day, `GET /api/appointments?clinicId=&from=&to=` as each clinic\'s receptionist, ' +
          `walking through ${world.clinics.length} clinics × the weekdays within a week of the chain's today (${world.today}), ${requests.length} clinic-days; ` +
          `about ${answers ? Math.round(rows / answers) : '?'} appointments per day list. ` +
          `Large chain: ${world.counts.appointments.toLocaleString('en')} appointments, ${world.counts.patients.toLocaleString('en')} patients, ${world.counts.clinicians} clinicians. ` +
          `${settings.concurrency} connections, ${settings.warmupSeconds} s warm-up then ${settings.seconds} s recorded per target. The baseline answers the same clinic-days with one ` +
          "SQL statement (appointments joined to patient, clinician, type and room names, the start bounded below as well: see the plans) from a minimal Node HTTP handler with a pg pool of 10, " +
          `times as stored (no zone formatting), no session, no audit. API run with ${targets.apiSettings}.`,
        '',
        table,
        '',
        `- ${verdict(met.throughput, `API throughput ${throughputRatio.toFixed(2)}× the baseline's (target ≥ 0.5×)`)}`,
        `- ${verdict(met.p95, `API p95 ${p95Ratio.toFixed(2)}× the baseline's (target ≤ 2×)`)}`,
        `- API resident memory during the run: peak ${memory.maxMiB} MiB.`,
        ...(proposed
          ? [
              `- Proposed build (${proposedApi.distDir}): throughput ${(proposed.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)}× the baseline's, ` +
                `p95 ${(proposed.p95 / baseline.p95).toFixed(2)}×; peak RSS ${proposed.memory.maxMiB} MiB. bench/README.md says what the measured proposal changes.`,
            ]
          : []),
        '',
        `What the API sent (pg_stat_activity sampled every 20 ms during the API run; most often seen first):`,
        '',
        ...apiStatements.map((s) => `- ${s.samples}× \`${s.query.slice(0, 400)}${s.query.length > 400 ? '…' : ''}\``),
        '',
        `EXPLAIN (ANALYZE, BUFFERS) of the day list for ${sample.clinic.name}, ${sample.date}, asked only as an overlap (\`starts_at < to AND ends_at > from\`, the API's ` +
          'shape before the appointment_at_most_a_day CHECK): index (clinic_id, starts_at) can only use the upper bound, so every earlier appointment of the clinic is read and filtered:',
        '',
        '```',
        planUnbounded,
        '```',
        '',
        "The same with the start also bounded below (`AND starts_at > from - interval '1 day'`; no appointment lasts a day), as the baseline and now the API ask:",
        '',
        '```',
        planBounded,
        '```',
        '',
        contextLine(loadAtStart),
      ].join('\n'),
    );
    const file = writeResultsJson('schedule-day', { settings, apiSettings: targets.apiSettings, world: { today: world.today, counts: world.counts }, api, proposed, baseline, throughputRatio, p95Ratio, met, memory, statements, planUnbounded, planBounded });
    log(`results in bench/RESULTS.md (Schedule day) and ${file}`);
    if (!met.throughput || !met.p95 || api.errors > 0) process.exitCode = 1;
  } finally {
    await proposedApi?.stop();
    await targets.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
