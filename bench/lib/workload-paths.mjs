import pg from 'pg';
import { misspell } from './queries.mjs';

// The GET requests of the mixed workload, built from the seeded demo clinic: what the front desk types into search,
// which day's schedule it opens, which notes and days a physiotherapist looks at, which period a manager reports on.

const DAY_MS = 24 * 60 * 60 * 1000;

/** `2026-03-09T00:00:00-08:00`: the start of `date` (YYYY-MM-DD) in `timeZone`, with its offset on that day. */
export function startOfLocalDay(date, timeZone) {
  const noon = new Date(`${date}T12:00:00Z`);
  const name = new Intl.DateTimeFormat('en-CA', { timeZone, timeZoneName: 'longOffset' }).formatToParts(noon).find((part) => part.type === 'timeZoneName').value;
  const offset = name === 'GMT' ? '+00:00' : name.slice(3);
  return `${date}T00:00:00${offset}`;
}

/** Today's date in `timeZone` plus `days`. */
export function localDate(timeZone, days = 0) {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(Date.now() + days * DAY_MS));
}

/** Endless round-robin over `items`. */
export function roundRobin(items) {
  let next = 0;
  return () => items[next++ % items.length];
}

/** Search terms as typed at a front desk: a last-name start, a name with a typo, a phone number's digits. */
export function searchPaths(patients) {
  const terms = patients.flatMap((patient, index) => [
    patient.lastName.toLowerCase().slice(0, 4),
    `${patient.firstName.toLowerCase()} ${misspell(patient.lastName.toLowerCase())}`,
    ...(patient.phone && index % 2 === 0 ? [patient.phone.slice(-10)] : []),
  ]);
  return terms.map((term) => `/api/patients?q=${encodeURIComponent(term)}&pageSize=20`);
}

/** The day lists the front desk opens: each weekday within a week of today, whole clinic and per clinician. */
export function scheduleDayPaths(world) {
  const paths = [];
  for (let days = -7; days <= 7; days += 1) {
    const date = localDate(world.timeZone, days);
    const from = startOfLocalDay(date, world.timeZone);
    const to = startOfLocalDay(localDate(world.timeZone, days + 1), world.timeZone);
    const range = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    paths.push(`/api/appointments?${range}&clinicId=${world.clinicId}`);
    for (const clinicianId of world.clinicianIds) paths.push(`/api/appointments?${range}&clinicianId=${clinicianId}`);
  }
  return paths;
}

/** Visit lists a physiotherapist opens (newest first; by patient for those with notes) and the days they check. */
export async function chartingPaths(databaseUrl, world) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT DISTINCT patient_id AS id FROM appointment WHERE status = 'completed' ORDER BY patient_id LIMIT 40`);
    const visits = ['/api/visits?pageSize=20', ...rows.map((row) => `/api/visits?patientId=${row.id}&pageSize=20`)];
    const days = [];
    for (let offset = -7; offset <= 7; offset += 1) days.push(`/api/my-day?date=${localDate(world.timeZone, offset)}`);
    return { visits, myDay: ['/api/my-day', ...days] };
  } finally {
    await client.end();
  }
}

/** The seeded patients with what search needs. */
export async function searchablePatients(databaseUrl, organisationId) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT first_name AS "firstName", last_name AS "lastName", phone FROM patient
        WHERE organisation_id = $1 AND archived_at IS NULL AND anonymised_at IS NULL ORDER BY id LIMIT 150`,
      [organisationId],
    );
    return rows;
  } finally {
    await client.end();
  }
}
