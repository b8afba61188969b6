// The baseline for bench/patient-search.mjs: the same query kinds answered by plain indexed SQL (prefix LIKE on a
// btree over lower(last_name), phone and health-number equality, date-of-birth equality) from a minimal Node HTTP
// handler with a pg pool. No sessions, no validation layers, no typo tolerance: what "fast" costs without them.
// Run by the bench as a child process: DATABASE_URL, PORT, ORGANISATION_ID.
import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const organisationId = process.env.ORGANISATION_ID;
const COLUMNS = `id, first_name, last_name, preferred_name, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, phone, email, health_number, count(*) OVER ()::int AS total`;
const PAGE = 20;

/** The same reading of q as the API: a date, digits (phone or health number), or a name (last-name prefix, first-name prefix). */
function sqlFor(q) {
  const text = q.trim();
  const date = /^(\d{4})[-/.](\d{2})[-/.](\d{2})$/.exec(text);
  if (date) return [`date_of_birth = $2::date`, [`${date[1]}-${date[2]}-${date[3]}`]];
  if (/^[\d\s().+\-]+$/.test(text)) {
    const digits = text.replace(/\D/g, '');
    const e164 = `+1${digits.slice(-10)}`;
    return [`(phone = $2 OR health_number_key = $3)`, [e164, digits]];
  }
  const tokens = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (tokens.length === 1) return [`lower(last_name) LIKE $2`, [`${tokens[0]}%`]];
  return [`lower(last_name) LIKE $2 AND lower(first_name) LIKE $3`, [`${tokens[tokens.length - 1]}%`, `${tokens[0]}%`]];
}

const server = http.createServer(async (request, response) => {
  try {
    const url = new URL(request.url, 'http://localhost');
    const [where, values] = sqlFor(url.searchParams.get('q') ?? '');
    const { rows } = await pool.query(
      // Ordered by the lower-cased names, so a prefix is read from the prefix index and sorted; ORDER BY last_name
      // let the planner walk the whole name-ordered index instead, filtering (measured: 160 ms for "thom" at 200k).
      `SELECT ${COLUMNS} FROM patient WHERE organisation_id = $1 AND archived_at IS NULL AND ${where} ORDER BY lower(last_name), lower(first_name), id LIMIT ${PAGE}`,
      [organisationId, ...values],
    );
    const total = rows[0]?.total ?? 0;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ items: rows.map(({ total: _total, ...row }) => row), total }));
  } catch (error) {
    response.writeHead(500, { 'content-type': 'text/plain' });
    response.end(String(error?.message ?? error));
  }
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`baseline listening on ${process.env.PORT}`));
const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
