import pg from 'pg';

// What a booking in the seeded demo clinic needs, read from the database rather than assumed: the front desk's
// clinic, its clinicians and their working hours inside the clinic's opening hours, the treatment type and the
// patients who may be booked. Slots are handed out from a date well past anything the seed booked (the seed books
// weeks around today), so the only conflicts a bench meets are the ones it makes on purpose.

const DAY_MS = 24 * 60 * 60 * 1000;
const minutesOf = (time) => {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
};
const hhmm = (minutes) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Reads the bookable world of `clinicName` (default: the receptionist's Kitsilano) from `databaseUrl`. `fromDaysAhead`
 * is where the slots start; every appointment the seed made ends before it (checked).
 */
export async function loadBookingWorld(databaseUrl, { clinicName = 'Kitsilano', fromDaysAhead = 400 } = {}) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: [clinic] } = await client.query(`SELECT id, organisation_id AS "organisationId", time_zone AS "timeZone" FROM clinic WHERE name = $1`, [clinicName]);
    if (!clinic) throw new Error(`no clinic named ${clinicName} in the seeded database`);
    const { rows: [type] } = await client.query(
      `SELECT id, duration_minutes AS "durationMinutes" FROM appointment_type WHERE clinic_id = $1 AND kind = 'treatment' AND active ORDER BY name LIMIT 1`,
      [clinic.id],
    );
    const { rows: hours } = await client.query(
      `SELECT w.clinician_id AS "clinicianId", w.weekday, to_char(greatest(w.start_time, o.opens_at), 'HH24:MI') AS start,
              to_char(least(w.end_time, o.closes_at), 'HH24:MI') AS "end"
         FROM working_hours w JOIN clinic_opening_hours o ON o.clinic_id = w.clinic_id AND o.weekday = w.weekday
        WHERE w.clinic_id = $1 ORDER BY w.clinician_id, w.weekday`,
      [clinic.id],
    );
    const { rows: patients } = await client.query(
      `SELECT id FROM patient WHERE organisation_id = $1 AND archived_at IS NULL AND anonymised_at IS NULL ORDER BY id`,
      [clinic.organisationId],
    );
    const { rows: [latest] } = await client.query(`SELECT max(ends_at) AS "endsAt" FROM appointment`);
    const from = new Date(Date.now() + fromDaysAhead * DAY_MS);
    if (latest.endsAt && latest.endsAt >= from) throw new Error(`the seed booked as far as ${latest.endsAt.toISOString()}: start the bench's slots later`);
    const clinicianIds = [...new Set(hours.map((row) => row.clinicianId))];
    if (!type || clinicianIds.length === 0 || patients.length === 0) throw new Error(`the seeded ${clinicName} has no type, working hours or patients to book`);
    return {
      organisationId: clinic.organisationId,
      clinicId: clinic.id,
      timeZone: clinic.timeZone,
      appointmentTypeId: type.id,
      durationMinutes: type.durationMinutes,
      clinicianIds,
      patientIds: patients.map((row) => row.id),
      hours,
      fromDate: from.toISOString().slice(0, 10),
    };
  } finally {
    await client.end();
  }
}

/**
 * Every bookable (clinician, wall-clock start) of the world, date by date from its `fromDate` (plus `skipDays`),
 * within the clinician's working hours and the clinic's opening hours, one appointment length apart. Endless.
 */
export function* slots(world, { skipDays = 0 } = {}) {
  let day = Date.parse(`${world.fromDate}T00:00:00Z`) + skipDays * DAY_MS;
  for (;;) {
    const date = new Date(day).toISOString().slice(0, 10);
    const isoWeekday = new Date(day).getUTCDay() || 7;
    for (const row of world.hours.filter((h) => h.weekday === isoWeekday)) {
      for (let start = minutesOf(row.start); start + world.durationMinutes <= minutesOf(row.end); start += world.durationMinutes) {
        yield { clinicianId: row.clinicianId, localStartsAt: `${date}T${hhmm(start)}`, date };
      }
    }
    day += DAY_MS;
  }
}

/** The body of POST /api/appointments for `slot` and `patientId`. */
export function bookingBody(world, slot, patientId, notes) {
  return {
    clinicId: world.clinicId,
    clinicianId: slot.clinicianId,
    patientId,
    appointmentTypeId: world.appointmentTypeId,
    localStartsAt: slot.localStartsAt,
    ...(notes ? { notes } : {}),
  };
}
