import pg from 'pg';

// The SQL the API actually sends, seen from the server: pg_stat_activity is polled during a run and each distinct
// statement text of the API's connections (application_name ims-api) is kept with how often it was seen running.
// Needs no server setting (pg_stat_statements is not loaded on the shared server); statements that finish between
// polls are missed, so counts say "often seen", not "how many".

export function captureStatements(url, { applicationName = 'ims-api', everyMs = 20 } = {}) {
  const client = new pg.Client({ connectionString: url });
  const seen = new Map();
  let timer;
  let polling = false;
  const ready = client.connect().then(() => {
    timer = setInterval(async () => {
      // One poll at a time on the one connection: a slow answer (a busy server) skips the next tick.
      if (polling) return;
      polling = true;
      try {
        const { rows } = await client.query(
          `SELECT query FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND state = 'active' AND pid <> pg_backend_pid()`,
          [applicationName],
        );
        for (const { query } of rows) seen.set(query, (seen.get(query) ?? 0) + 1);
      } catch {
        // A poll that fails (the server busy) is just a missed sample.
      } finally {
        polling = false;
      }
    }, everyMs);
  });
  return {
    async stop() {
      await ready;
      clearInterval(timer);
      await client.end();
      return [...seen.entries()].sort((a, b) => b[1] - a[1]).map(([query, samples]) => ({ query: query.replace(/\s+/g, ' ').trim(), samples }));
    },
  };
}
