// The baseline for the large-chain benchmarks: the same queries as the API's schedule, booking and caseload routes,
// answered by a minimal Node HTTP handler with a pg pool of 10 (the API's default). No session lookup, no validation,
// no audit entry, no problem documents: the floor, not a rival.
//
//   GET  /schedule?clinicId=&from=&to=   appointments overlapping [from, to) in one clinic, with the names a day list
//                                        shows (patient, clinician, type, room), ordered by start: one SQL statement,
//                                        its start also bounded below (no appointment lasts a day: types are 5-240
//                                        minutes), so index (clinic_id, starts_at) reads the day, not the clinic's past
//   POST /appointments                   the API's booking body; one plain INSERT (the clinic's zone and the type's
//                                        length looked up inside it); the exclusion constraints still refuse overlaps
//   GET  /caseload?from=&to=&clinicId=   the API's own caseload statement (its compiled builder, REPORTS_SQL_DIR),
//                                        with JIT off as the API runs it
//
// Environment: DATABASE_URL, PORT, ORGANISATION_ID, REPORTS_SQL_DIR (apps/api/dist/reports of the build under test).
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: '-c jit=off' });
const organisationId = process.env.ORGANISATION_ID;
// Loaded on first use (the API's build is CommonJS): a build without the reports module still serves the other routes.
const require = createRequire(import.meta.url);
const caseloadSummarySql = async (scope) => require(path.join(process.env.REPORTS_SQL_DIR ?? '', 'caseload-sql.js')).caseloadSummarySql(scope);
const { rows: clinics } = await pool.query(`SELECT id, name, time_zone AS "timeZone" FROM clinic WHERE organisation_id = $1 ORDER BY name, id`, [organisationId]);

const SCHEDULE = `
  SELECT a.id, a.version, a.clinic_id, a.patient_id, a.clinician_id, a.room_id, a.appointment_type_id, a.plan_id, a.series_id,
         a.starts_at, a.ends_at, a.local_start, a.time_zone, a.status, a.cancel_reason, a.late_cancellation, a.override_reason, a.notes,
         p.first_name, p.last_name, p.preferred_name, cl.display_name AS clinician_name, t.name AS type_name, r.name AS room_name
    FROM appointment a
    JOIN patient p ON p.id = a.patient_id
    JOIN clinician cl ON cl.id = a.clinician_id
    JOIN appointment_type t ON t.id = a.appointment_type_id
    LEFT JOIN room r ON r.id = a.room_id
   WHERE a.organisation_id = $1 AND a.clinic_id = $2 AND a.starts_at < $4 AND a.ends_at > $3
     AND a.starts_at > $3::timestamptz - interval '1 day'
   ORDER BY a.starts_at, a.id`;

const BOOK = `
  INSERT INTO appointment (id, organisation_id, clinic_id, patient_id, clinician_id, appointment_type_id, starts_at, ends_at, local_start, time_zone, notes, updated_at)
  SELECT gen_random_uuid(), c.organisation_id, c.id, $3, $2, t.id, $5::timestamp AT TIME ZONE c.time_zone,
         ($5::timestamp AT TIME ZONE c.time_zone) + make_interval(mins => t.duration_minutes), $5::timestamp, c.time_zone, $6, now()
    FROM clinic c JOIN appointment_type t ON t.id = $4 AND t.clinic_id = c.id
   WHERE c.id = $1 AND c.organisation_id = $7
  RETURNING id, starts_at, ends_at, status`;

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')));
    request.on('error', reject);
  });
}

function json(response, status, body) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

const server = http.createServer(async (request, response) => {
  try {
    const url = new URL(request.url, 'http://localhost');
    if (request.method === 'GET' && url.pathname === '/schedule') {
      const { rows } = await pool.query(SCHEDULE, [organisationId, url.searchParams.get('clinicId'), url.searchParams.get('from'), url.searchParams.get('to')]);
      return json(response, 200, { items: rows });
    }
    if (request.method === 'POST' && url.pathname === '/appointments') {
      const body = await readBody(request);
      try {
        const { rows } = await pool.query(BOOK, [body.clinicId, body.clinicianId, body.patientId, body.appointmentTypeId, body.localStartsAt, body.notes ?? null, organisationId]);
        return json(response, 201, rows[0]);
      } catch (error) {
        if (error.code === '23P01') return json(response, 409, { title: 'Conflict', constraint: error.constraint });
        throw error;
      }
    }
    if (request.method === 'GET' && url.pathname === '/caseload') {
      const wanted = url.searchParams.getAll('clinicId').flatMap((value) => value.split(',')).filter(Boolean);
      const scope = {
        organisationId,
        clinics: wanted.length > 0 ? clinics.filter((clinic) => wanted.includes(clinic.id)) : clinics,
        from: url.searchParams.get('from'),
        to: url.searchParams.get('to'),
      };
      const statement = await caseloadSummarySql(scope);
      const { rows } = await pool.query(statement.text, statement.values);
      return json(response, 200, { from: scope.from, to: scope.to, rows });
    }
    json(response, 404, { title: 'Not found' });
  } catch (error) {
    response.writeHead(500, { 'content-type': 'text/plain' });
    response.end(String(error?.message ?? error));
  }
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`large-chain baseline listening on ${process.env.PORT}`));
const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
