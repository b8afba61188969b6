import pg from 'pg';
import { slots } from './bookable-slots.mjs';

// Free slots for booking benchmarks on the large chain, handed out the way a front desk of many receptionists books:
// each day's slots in turn across the clinic's clinicians (one clinician's, then the next one's), not one clinician's
// whole day before the next. Concurrent bookings then meet the per-clinician booking lock as often as real ones do,
// rather than all queueing behind the same clinician.

const DAY_MS = 86_400_000;

/** Endless slots of `world` (from bookable-slots' loadBookingWorld), each day's interleaved across clinicians. */
export function* spreadSlots(world, { skipDays = 0 } = {}) {
  const source = slots(world, { skipDays });
  let pending = source.next().value;
  for (;;) {
    const date = pending.date;
    const byClinician = new Map();
    while (pending.date === date) {
      if (!byClinician.has(pending.clinicianId)) byClinician.set(pending.clinicianId, []);
      byClinician.get(pending.clinicianId).push(pending);
      pending = source.next().value;
    }
    const queues = [...byClinician.values()];
    for (let round = 0; queues.some((queue) => round < queue.length); round += 1) {
      for (const queue of queues) if (round < queue.length) yield queue[round];
    }
  }
}

/**
 * Days from now to the first day after everything already in the chain that a booking could meet: appointments and
 * clinicians' leave (the seed records leave up to its last week of bookings).
 */
export async function daysPastEverything(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: [{ last }] } = await client.query(
      `SELECT greatest((SELECT max(ends_at) FROM appointment), (SELECT max(ends_at) FROM clinician_time_off)) AS last`,
    );
    return Math.max(1, Math.ceil((new Date(last).getTime() - Date.now()) / DAY_MS) + 2);
  } finally {
    await client.end();
  }
}
