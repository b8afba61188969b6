import { randomUUID } from 'node:crypto';
import { call } from './clinic-client.mjs';
import { bookingBody, slots } from './bookable-slots.mjs';
import { roundRobin } from './workload-paths.mjs';

// Booking traffic for the fault scripts: `workers` front desks booking one fresh slot after another until stopped,
// every other booking with an Idempotency-Key, each attempt recorded with what the client saw.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the workers at once; `stop()` waits for them and returns every attempt:
 * `{ body, key?, status, id?, error?, phase }` where status 0 means no HTTP answer (`error` says why).
 */
export function startBookingLoad({ session, world, workers, notes, skipDays, phase }) {
  const free = slots(world, { skipDays });
  const nextPatient = roundRobin(world.patientIds);
  const attempts = [];
  let running = true;
  let count = 0;
  const state = { phase };

  async function worker() {
    while (running) {
      const body = bookingBody(world, free.next().value, nextPatient(), notes);
      const key = count++ % 2 === 0 ? randomUUID() : undefined;
      const answer = await call(session, 'POST', '/api/appointments', { body, headers: key ? { 'idempotency-key': key } : {} });
      attempts.push({ body, key, status: answer.status, id: answer.status === 201 ? answer.body.id : undefined, error: answer.error, retryAfter: answer.headers?.get('retry-after') ?? undefined, phase: state.phase, ms: answer.ms, at: Date.now() });
      // Without an answer the API is gone: do not spin through slots while it is down.
      if (answer.status === 0 || answer.status >= 500) await sleep(100);
    }
  }
  const done = Promise.all(Array.from({ length: workers }, worker));
  return {
    attempts,
    setPhase(next) {
      state.phase = next;
    },
    async stop() {
      running = false;
      await done;
      return attempts;
    },
  };
}

/** Whether the client could know the request never reached the API (nothing listening): no booking can exist. */
export const neverDelivered = (attempt) => attempt.status === 0 && attempt.error === 'ECONNREFUSED';

/**
 * Checks what the database holds for the attempts: every 201 is there with the fields asked for and its history,
 * audit and (with a key) idempotency rows, exactly once; an attempt without an answer left either the whole
 * booking or nothing; and across every appointment carrying `notes`, none lacks its history or audit entry.
 * Returns a list of violations (empty when all is well) and counts.
 */
export async function verifyBookings(client, attempts, notes) {
  const violations = [];
  const { rows } = await client.query(
    `SELECT a.id, a.patient_id, a.clinician_id, a.clinic_id, a.appointment_type_id, to_char(a.local_start, 'YYYY-MM-DD"T"HH24:MI') AS local_start,
            a.status, a.notes,
            (SELECT count(*) FROM appointment_change c WHERE c.appointment_id = a.id AND c.kind = 'created')::int AS created_changes,
            (SELECT count(*) FROM audit_event e WHERE e.entity_type = 'appointment' AND e.entity_id = a.id::text AND e.action = 'create')::int AS create_audits
       FROM appointment a WHERE a.notes = $1`,
    [notes],
  );
  const { rows: keyRows } = await client.query(`SELECT key, response_body->>'id' AS id FROM idempotency_key WHERE path = '/api/appointments'`);
  const keys = new Map(keyRows.map((row) => [row.key, row.id]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const bySlot = new Map(rows.map((row) => [`${row.patient_id}|${row.clinician_id}|${row.local_start}`, row]));
  const slotOf = (body) => `${body.patientId}|${body.clinicianId}|${body.localStartsAt}`;

  const complete = (row) => row.created_changes === 1 && row.create_audits === 1;
  for (const row of rows) {
    if (!complete(row)) violations.push(`appointment ${row.id} is half-written: ${row.created_changes} 'created' history entries, ${row.create_audits} create audit entries`);
  }
  const acknowledged = attempts.filter((attempt) => attempt.status === 201);
  for (const attempt of acknowledged) {
    const row = byId.get(attempt.id);
    if (!row) {
      violations.push(`booking ${attempt.id} was acknowledged (201) but is not in the database`);
      continue;
    }
    const fields = { patient_id: attempt.body.patientId, clinician_id: attempt.body.clinicianId, clinic_id: attempt.body.clinicId, appointment_type_id: attempt.body.appointmentTypeId, local_start: attempt.body.localStartsAt };
    const wrong = Object.entries(fields).filter(([column, value]) => row[column] !== value);
    if (wrong.length > 0) violations.push(`booking ${attempt.id}: ${wrong.map(([column]) => column).join(', ')} differ from what was asked`);
    if (attempt.key && keys.get(attempt.key) !== attempt.id) violations.push(`booking ${attempt.id}: its Idempotency-Key is not stored with its response`);
  }
  const unanswered = attempts.filter((attempt) => attempt.status === 0 && !neverDelivered(attempt));
  const unansweredCommitted = unanswered.filter((attempt) => bySlot.has(slotOf(attempt.body)));
  // The key is stored in the booking's own transaction: an unanswered keyed booking has both or neither.
  for (const attempt of unanswered.filter((a) => a.key)) {
    const row = bySlot.get(slotOf(attempt.body));
    if (Boolean(row) !== keys.has(attempt.key) || (row && keys.get(attempt.key) !== row.id)) {
      violations.push(`unanswered keyed booking ${attempt.key}: appointment ${row ? 'written' : 'absent'} but key ${keys.has(attempt.key) ? 'stored' : 'absent'}`);
    }
  }
  const slotsSeen = new Map();
  for (const row of rows) {
    const slot = `${row.patient_id}|${row.clinician_id}|${row.local_start}`;
    slotsSeen.set(slot, (slotsSeen.get(slot) ?? 0) + 1);
  }
  for (const [slot, count] of slotsSeen) if (count > 1) violations.push(`${count} appointments for one booking attempt (${slot})`);
  return {
    violations,
    counts: {
      attempts: attempts.length,
      acknowledged: acknowledged.length,
      rows: rows.length,
      unanswered: unanswered.length,
      unansweredCommitted: unansweredCommitted.length,
      refused: attempts.filter(neverDelivered).length,
    },
    unanswered,
    bySlot,
    slotOf,
  };
}
