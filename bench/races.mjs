// Races: many front desks booking the same slot at once, and a client retrying one booking. Against the built API
// and a demo-clinic database of its own on the test server; exits non-zero when an expectation is violated.
//
//   npm run bench:races                      (build the API first: npx turbo run build --filter=@ims/api...)
//   node bench/races.mjs --rounds 3 --concurrency 100 --retries 10
//
// 1. Slot race, `--rounds` times: `--concurrency` POST /api/appointments sent together for one clinician at one
//    time, each for a different patient: exactly one 201, every other answer 409 naming the winner, no 5xx, and
//    exactly one active appointment in the slot afterwards.
// 2. Idempotent booking: one body and Idempotency-Key sent `--retries` times at once, then `--retries` times one
//    after another: every answer 201 with the same body, exactly one appointment (one history entry, one audit
//    entry, one stored key) written; the same key with another body is refused with 422.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { apiProcess, freePort, snapshotApi } from './lib/api-process.mjs';
import { createDemoDatabase } from './lib/demo-database.mjs';
import { call, signIn } from './lib/clinic-client.mjs';
import { bookingBody, loadBookingWorld, slots } from './lib/bookable-slots.mjs';
import { machineNote, markdownTable, writeResultsJson, writeResultsSection } from './lib/results-section.mjs';
import { summarise } from './lib/load.mjs';

const { values: options } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '100' },
    retries: { type: 'string', default: '10' },
  },
});
const settings = { rounds: Number(options.rounds), concurrency: Number(options.concurrency), retries: Number(options.retries) };
const log = (message) => console.log(`[races] ${message}`);
const failures = [];
const expect = (condition, message) => {
  if (!condition) failures.push(message);
  return condition;
};
/** JSON with object keys sorted at every depth: equal documents give equal strings whatever their key order. */
const canonical = (value) =>
  JSON.stringify(value, (_, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
const countBy = (items, key) => items.reduce((counts, item) => ({ ...counts, [key(item)]: (counts[key(item)] ?? 0) + 1 }), {});

async function slotRace({ round, session, world, slot, client }) {
  const patients = world.patientIds.slice(0, settings.concurrency);
  if (patients.length < settings.concurrency) throw new Error(`only ${patients.length} bookable patients for ${settings.concurrency} concurrent bookings`);
  const started = performance.now();
  const answers = await Promise.all(patients.map((patientId) => call(session, 'POST', '/api/appointments', { body: bookingBody(world, slot, patientId) })));
  const wallMs = performance.now() - started;
  const statuses = countBy(answers, (answer) => answer.status);
  const winners = answers.filter((answer) => answer.status === 201);
  const refusals = answers.filter((answer) => answer.status === 409);
  const label = `slot race ${round} (${slot.localStartsAt})`;
  expect(winners.length === 1, `${label}: ${winners.length} bookings created, expected exactly 1`);
  expect(refusals.length === answers.length - 1, `${label}: ${refusals.length} answered 409, expected ${answers.length - 1}; statuses ${JSON.stringify(statuses)}`);
  expect(!answers.some((answer) => answer.status >= 500 || answer.status === 0), `${label}: server errors or dropped connections: ${JSON.stringify(statuses)}`);
  const winnerId = winners[0]?.body?.id;
  const naming = refusals.filter((answer) => answer.body?.conflicts?.some((conflict) => JSON.stringify(conflict).includes(winnerId ?? '-')));
  expect(winnerId && naming.length === refusals.length, `${label}: ${refusals.length - naming.length} of the 409s do not name the appointment holding the slot`);
  const { rows } = await client.query(
    `SELECT id FROM appointment WHERE clinician_id = $1 AND local_start = $2::timestamp AND status NOT IN ('cancelled', 'no_show')`,
    [slot.clinicianId, slot.localStartsAt],
  );
  expect(rows.length === 1 && rows[0].id === winnerId, `${label}: the database holds ${rows.length} active appointments in the slot, expected the one answered 201`);
  for (const answer of answers.filter((a) => a.status !== 201 && a.status !== 409).slice(0, 3)) log(`  unexpected ${answer.status}: ${answer.text ?? answer.error}`);
  return { round, slot: slot.localStartsAt, statuses, namedWinner: naming.length, latency: summarise(answers.map((a) => a.ms)), wallMs: Math.round(wallMs) };
}

async function idempotentBooking({ session, world, slot, client }) {
  const key = randomUUID();
  const body = bookingBody(world, slot, world.patientIds.at(-1), 'bench: idempotent retry');
  const send = (sentBody = body) => call(session, 'POST', '/api/appointments', { body: sentBody, headers: { 'idempotency-key': key } });

  const concurrent = await Promise.all(Array.from({ length: settings.retries }, () => send()));
  const sequential = [];
  for (let i = 0; i < settings.retries; i += 1) sequential.push(await send());
  const all = [...concurrent, ...sequential];
  // Replays come from a jsonb column, which keeps its own key order: compare the documents, and count the bytes apart.
  const first = all.find((answer) => answer.status === 201);
  const sameAnswer = all.filter((answer) => first && answer.status === 201 && canonical(answer.body) === canonical(first.body)).length;
  const sameBytes = all.filter((answer) => first && answer.text === first.text).length;
  expect(sameAnswer === all.length, `idempotent booking: ${sameAnswer} of ${all.length} answers were 201 with the first response; statuses ${JSON.stringify(countBy(all, (a) => a.status))}`);

  const id = all.find((answer) => answer.status === 201)?.body?.id;
  const count = async (sql, params) => Number((await client.query(sql, params)).rows[0].count);
  const appointments = await count(`SELECT count(*) FROM appointment WHERE patient_id = $1 AND local_start = $2::timestamp`, [body.patientId, slot.localStartsAt]);
  const changes = await count(`SELECT count(*) FROM appointment_change WHERE appointment_id = $1`, [id]);
  const audits = await count(`SELECT count(*) FROM audit_event WHERE entity_type = 'appointment' AND entity_id = $1 AND action = 'create'`, [id]);
  const keys = await count(`SELECT count(*) FROM idempotency_key WHERE key = $1`, [key]);
  expect(appointments === 1, `idempotent booking: ${appointments} appointments written, expected 1`);
  expect(changes === 1 && audits === 1 && keys === 1, `idempotent booking: ${changes} history, ${audits} audit and ${keys} key rows, expected 1 each`);

  const otherBody = await send({ ...body, notes: 'bench: a different request under the same key' });
  expect(otherBody.status === 422, `idempotent booking: the same key with another body answered ${otherBody.status}, expected 422`);
  return {
    attempts: all.length,
    concurrentStatuses: countBy(concurrent, (a) => a.status),
    sequentialStatuses: countBy(sequential, (a) => a.status),
    identicalReplays: sameAnswer,
    byteIdentical: sameBytes,
    rows: { appointments, changes, audits, keys },
    otherBodyStatus: otherBody.status,
    latency: summarise(all.map((a) => a.ms)),
  };
}

function report(result, loadAtStart) {
  const raceRows = result.races.map((race) => [
    race.round,
    race.slot,
    Object.entries(race.statuses).map(([status, n]) => `${n}× ${status}`).join(', '),
    `${race.namedWinner}/${(race.statuses[409] ?? 0)}`,
    `${race.latency.p50} ms`,
    `${race.latency.p99} ms`,
    `${race.wallMs} ms`,
  ]);
  const idem = result.idempotent;
  return [
    `\`npm run bench:races\` (bench/races.mjs): ${settings.concurrency} concurrent bookings of one clinician's slot, each for a different patient, ${settings.rounds} rounds; then one booking with an Idempotency-Key sent ${settings.retries} times at once and ${settings.retries} times in a row. Demo clinic database on the local PostgreSQL, the built API with its default pool of 10.`,
    '',
    markdownTable(['round', 'slot (clinic time)', 'answers', '409s naming the winner', 'p50', 'p99', 'all answered in'], raceRows),
    '',
    `Idempotent booking: ${idem.attempts} attempts (concurrent ${JSON.stringify(idem.concurrentStatuses)}, sequential ${JSON.stringify(idem.sequentialStatuses)}), ` +
      `${idem.identicalReplays} answered 201 with the same document (${idem.byteIdentical} byte for byte: replays come from a jsonb column, which orders keys its own way); rows written: ${idem.rows.appointments} appointment, ${idem.rows.changes} history entry, ${idem.rows.audits} audit entry, ` +
      `${idem.rows.keys} stored key; the same key with another body: ${idem.otherBodyStatus}. Latency p50 ${idem.latency.p50} ms, p99 ${idem.latency.p99} ms.`,
    '',
    result.failures.length === 0 ? '**All expectations met.**' : `**Expectations violated:**\n${result.failures.map((f) => `- ${f}`).join('\n')}`,
    '',
    machineNote({ loadAtStart }),
  ].join('\n');
}

async function main() {
  const loadAtStart = os.loadavg();
  const snapshot = await snapshotApi({ log });
  const database = await createDemoDatabase({ log });
  const api = apiProcess({ databaseUrl: database.url, port: await freePort(), main: snapshot.main });
  const client = new pg.Client({ connectionString: database.url });
  const cleanUp = async () => {
    await api.stop();
    await client.end().catch(() => undefined);
    await database.drop();
    snapshot.remove();
    log(`stopped the API and dropped ${database.name}`);
  };
  process.once('SIGINT', () => cleanUp().finally(() => process.exit(130)));
  try {
    await client.connect();
    const world = await loadBookingWorld(database.url);
    await api.start();
    const session = await signIn(`http://127.0.0.1:${api.port}`, 'reception@demo.clinic');
    log(`API up on port ${api.port}, signed in as the receptionist`);
    const free = slots(world);
    const races = [];
    for (let round = 1; round <= settings.rounds; round += 1) {
      const race = await slotRace({ round, session, world, slot: free.next().value, client });
      log(`round ${round}: ${JSON.stringify(race.statuses)} in ${race.wallMs} ms (p99 ${race.latency.p99} ms)`);
      races.push(race);
    }
    const idempotent = await idempotentBooking({ session, world, slot: free.next().value, client });
    log(`idempotent booking: ${idempotent.identicalReplays}/${idempotent.attempts} identical 201 answers, rows ${JSON.stringify(idempotent.rows)}, other body ${idempotent.otherBodyStatus}`);
    const result = { settings, races, idempotent, failures };
    writeResultsSection('Races (bench/races.mjs)', report(result, loadAtStart));
    log(`results: bench/RESULTS.md, ${writeResultsJson('races', result)}`);
    if (failures.length > 0) {
      for (const failure of failures) console.error(`[races] FAILED: ${failure}`);
      process.exitCode = 1;
    } else {
      log('all expectations met');
    }
  } finally {
    await cleanUp();
  }
}

main().catch((error) => {
  console.error(`[races] failed: ${error.stack ?? error}`);
  process.exit(1);
});
