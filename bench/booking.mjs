// Booking on the large chain: POST /api/appointments (a receptionist booking one treatment into a free slot: the
// rules, the overlap guard, history, audit, all in one transaction) against one plain INSERT of the same appointment
// through pg in a minimal handler, at the same concurrency, in the same run. Every request books a distinct free slot.
//
//   npm run build && npm run bench:booking
//
// Slots are the Kitsilano clinicians' working hours (inside the clinic's opening hours) from the first day after
// anything already booked or on leave in the chain, one treatment length apart, each day's slots taken in turn across
// the clinicians (as a front desk of many receptionists would), each for a different patient; the baseline books the
// days after the API's. The rows both wrote are checked (one per answer, none overlapping: the database's
// exclusion constraints stand behind both) and then deleted, so the chain stays as seeded (audit entries stay: the
// audit log is append-only). Target: API throughput >= 0.4x the baseline's.
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { chainWorld, ensureLargeChain, startProposedApi, startTargets } from './lib/large-chain.mjs';
import { bookingBody, loadBookingWorld } from './lib/bookable-slots.mjs';
import { daysPastEverything, spreadSlots } from './lib/spread-slots.mjs';
import { runHttpLoad } from './lib/http-load.mjs';
import { captureStatements } from './lib/statement-capture.mjs';
import { comparisonTable, contextLine, explain, log as logger, settings, verdict } from './lib/side-by-side.mjs';
import { writeResultsJson, writeResultsSection } from './lib/results-section.mjs';
import { assertBuilt } from './lib/api-process.mjs';

const log = logger('booking');
const DAY_MS = 86_400_000;

async function query(url, text, values) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function main() {
  assertBuilt();
  const loadAtStart = os.loadavg();
  const url = await ensureLargeChain({ log });
  const world = await chainWorld(url);
  const booking = await loadBookingWorld(url, { clinicName: world.clinics[0].name, fromDaysAhead: await daysPastEverything(url) });
  log(`${booking.clinicianIds.length} clinicians at ${world.clinics[0].name}, slots from ${booking.fromDate}, ${booking.patientIds.length} patients`);
  const marker = `bench:booking ${randomUUID()}`;
  const targets = await startTargets({ url, world, log });
  let proposedApi;
  try {
    const session = await targets.signIn(world.clinics[0].receptionist);
    const apiSlots = spreadSlots(booking);
    let patient = 0;
    let lastApiDate = booking.fromDate;
    const apiNext = () => {
      const slot = apiSlots.next().value;
      lastApiDate = slot.date;
      return {
        method: 'POST',
        path: '/api/appointments',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
        body: bookingBody(booking, slot, booking.patientIds[patient++ % booking.patientIds.length], marker),
      };
    };
    log(`API: ${settings.concurrency} connections, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s`);
    const capture = captureStatements(url);
    const api = await runHttpLoad({ port: targets.apiPort, next: apiNext, ...settings, expect: (status) => status === 201 });
    const statements = await capture.stop();

    let proposed;
    proposedApi = await startProposedApi({ url, world, log });
    if (proposedApi) {
      const proposedSession = await proposedApi.signIn(world.clinics[0].receptionist);
      const proposedSlots = spreadSlots(booking, { skipDays: Math.round((Date.parse(lastApiDate) - Date.parse(booking.fromDate)) / DAY_MS) + 1 });
      log('proposed API build: same kind of bookings, on the following days');
      proposed = await runHttpLoad({
        port: proposedApi.port,
        ...settings,
        expect: (status) => status === 201,
        next: () => {
          const slot = proposedSlots.next().value;
          lastApiDate = slot.date;
          return {
            method: 'POST',
            path: '/api/appointments',
            headers: { cookie: proposedSession.cookie, 'x-csrf-token': proposedSession.csrfToken },
            body: bookingBody(booking, slot, booking.patientIds[patient++ % booking.patientIds.length], marker),
          };
        },
      });
      proposed.memory = proposedApi.memory();
      await proposedApi.stop();
    }

    const skipDays = Math.round((Date.parse(lastApiDate) - Date.parse(booking.fromDate)) / DAY_MS) + 1;
    const baseSlots = spreadSlots(booking, { skipDays });
    const baseNext = () => ({ method: 'POST', path: '/appointments', body: bookingBody(booking, baseSlots.next().value, booking.patientIds[patient++ % booking.patientIds.length], marker) });
    log(`baseline: plain INSERT, slots from ${skipDays} days later`);
    const baseline = await runHttpLoad({ port: targets.basePort, next: baseNext, ...settings, expect: (status) => status === 201 });
    const memory = targets.memory();

    // What was written: every booking once, whole; then removed again.
    const [written] = await query(
      url,
      `SELECT count(*)::int AS appointments,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM appointment_change c WHERE c.appointment_id = a.id AND c.kind = 'created'))::int AS with_history,
              count(*) FILTER (WHERE a.created_by_id IS NOT NULL)::int AS through_api
         FROM appointment a WHERE a.notes = $1`,
      [marker],
    );
    const created = (api.allStatuses[201] ?? 0) + (proposed?.allStatuses[201] ?? 0) + (baseline.allStatuses[201] ?? 0);
    // The API's overlap lookup (conflict-lookup.ts findOverlaps) for a slot of a clinician with years of history, as
    // it is today and bounded below by a day (as the day list now is); the patient is one with history too.
    const [{ patient_id: historyPatient }] = await query(url, `SELECT patient_id FROM appointment WHERE clinician_id = $1 ORDER BY starts_at LIMIT 1`, [booking.clinicianIds[0]]);
    const overlaps = (bounded) =>
      `SELECT id, clinician_id, room_id, patient_id, starts_at, ends_at, time_zone FROM appointment
        WHERE organisation_id = $1 AND status NOT IN ('cancelled', 'no_show') AND starts_at < $3 AND ends_at > $2${bounded ? ` AND starts_at > $2::timestamptz - interval '1 day'` : ''}
          AND (clinician_id = $4 OR patient_id = $5) ORDER BY starts_at, id`;
    const overlapValues = [world.organisationId, `${booking.fromDate}T17:00:00Z`, `${booking.fromDate}T17:30:00Z`, booking.clinicianIds[0], historyPatient];
    const planUnbounded = await explain(url, overlaps(false), overlapValues);
    const planBounded = await explain(url, overlaps(true), overlapValues);
    await query(url, `DELETE FROM appointment_change WHERE appointment_id IN (SELECT id FROM appointment WHERE notes = $1)`, [marker]);
    await query(url, `DELETE FROM appointment_reminder WHERE appointment_id IN (SELECT id FROM appointment WHERE notes = $1)`, [marker]);
    await query(url, `DELETE FROM appointment WHERE notes = $1`, [marker]);

    const throughputRatio = api.requestsPerSecond / baseline.requestsPerSecond;
    const met = throughputRatio >= 0.4;
    const table = comparisonTable([
      ['API POST /api/appointments', api],
      ...(proposed ? [['API, proposed build (BENCH_API_DIST_PROPOSED)', proposed]] : []),
      ['baseline (plain INSERT)', baseline],
    ]);
    console.log(`\n${table}\n\nthroughput ${throughputRatio.toFixed(2)}x the baseline's; API peak RSS ${memory.maxMiB} MiB; rows ${JSON.stringify(written)}\n`);
    const apiStatements = statements.slice(0, 12);
    writeResultsSection(
      'Booking',
      [
        '`npm run bench:booking` (bench/booking.mjs): `POST /api/appointments` as the receptionist, each request one treatment (30 min) in a distinct free slot of ' +
          `${booking.clinicianIds.length} clinicians at ${world.clinics[0].name} (working hours within opening hours, from ${booking.fromDate}, after everything the chain had booked ` +
          "and every clinician's leave; each day's slots taken in turn across the clinicians, so concurrent bookings are mostly for different clinicians), " +
          `each for a different patient, on the large chain (${world.counts.appointments.toLocaleString('en')} appointments). ` +
          `${settings.concurrency} connections, ${settings.warmupSeconds} s warm-up then ${settings.seconds} s recorded per target. The API's booking is one transaction: ` +
          'visibility and party checks, advisory locks on clinician and patient, the slot rules (working hours, opening hours, leave, overlaps), the INSERT under the ' +
          'exclusion constraints, a history entry and an audit entry. The baseline is one plain `INSERT … SELECT` (the clinic\'s zone and the type\'s length looked up ' +
          `in it) from a minimal Node HTTP handler with a pg pool of 10; the exclusion constraints still check it. API run with ${targets.apiSettings}.`,
        '',
        table,
        '',
        `- ${verdict(met, `API throughput ${throughputRatio.toFixed(2)}× the plain INSERT's (target ≥ 0.4×)`)}`,
        `- Rows written by both: ${written.appointments} appointments for ${created} answers 201 (warm-up included); ` +
          `${written.with_history} with their 'created' history entry (the API's). Removed after the run.`,
        `- API resident memory during the run: peak ${memory.maxMiB} MiB.`,
        ...(proposed
          ? [`- Proposed build (${proposedApi.distDir}): throughput ${(proposed.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)}× the plain INSERT's; peak RSS ${proposed.memory.maxMiB} MiB. bench/README.md says what the measured proposal changes.`]
          : []),
        '',
        'What the API sent per booking (pg_stat_activity sampled every 20 ms; most often seen first):',
        '',
        ...apiStatements.map((s) => `- ${s.samples}× \`${s.query.slice(0, 300)}${s.query.length > 300 ? '…' : ''}\``),
        '',
        "EXPLAIN (ANALYZE, BUFFERS) of the booking's overlap lookup (findOverlaps: the clinician's or the patient's active appointments overlapping the slot) as the API asks " +
          'it today (`starts_at < end AND ends_at > start`): only the upper bound is usable, so the clinician\'s whole history is read:',
        '',
        '```',
        planUnbounded,
        '```',
        '',
        "The same bounded below by a day (`AND starts_at > start - interval '1 day'`, sound since the appointment_at_most_a_day CHECK), as the proposed build asks:",
        '',
        '```',
        planBounded,
        '```',
        '',
        contextLine(loadAtStart),
      ].join('\n'),
    );
    const file = writeResultsJson('booking', { settings, apiSettings: targets.apiSettings, api, proposed, baseline, throughputRatio, met, written, memory, statements, planUnbounded, planBounded });
    log(`results in bench/RESULTS.md (Booking) and ${file}`);
    if (!met || api.errors > 0 || baseline.errors > 0 || (proposed?.errors ?? 0) > 0 || written.appointments !== created) process.exitCode = 1;
  } finally {
    await proposedApi?.stop();
    await targets.stop();
    await query(url, `DELETE FROM appointment_change WHERE appointment_id IN (SELECT id FROM appointment WHERE notes = $1)`, [marker]).catch(() => undefined);
    await query(url, `DELETE FROM appointment WHERE notes = $1`, [marker]).catch(() => undefined);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
