import net from 'node:net';
import { openPostgres, Prisma, type Database } from '@ims/prisma';
import { cloneDatabase, type TestDatabase } from '@ims/prisma/testing';
import { FastSql } from './fast-sql';

/** A TCP relay to PostgreSQL that can drop every connection at once, without a word, as a crashed server would. */
async function relayTo(url: string) {
  const target = new URL(url);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => (client.destroy(), upstream.destroy(), sockets.delete(socket)));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const relayed = new URL(url);
  relayed.hostname = '127.0.0.1';
  relayed.port = String((server.address() as net.AddressInfo).port);
  return {
    url: relayed.toString(),
    dropAll: () => sockets.forEach((socket) => socket.destroy()),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Prepared statements outlive a migration that changes what they return: PostgreSQL then refuses every execution of
 * the old statement on that connection, so FastSql must drop the connection and prepare afresh.
 */
describe('FastSql.preparedRows', () => {
  let clone: TestDatabase;
  let database: Database;
  let fastSql: FastSql;

  beforeAll(async () => {
    clone = await cloneDatabase(process.env.IMS_TEST_TEMPLATE_DB!);
    // One connection, so the second call surely meets the statement the first one prepared.
    database = openPostgres({ url: clone.url, poolMax: 1 });
    fastSql = new FastSql(database, database.prisma);
    await fastSql.rows(Prisma.sql`CREATE TABLE fast_sql_probe (id int PRIMARY KEY, label text)`);
    await fastSql.rows(Prisma.sql`INSERT INTO fast_sql_probe VALUES (1, 'one'), (2, 'two')`);
  });
  afterAll(async () => {
    await database.close();
    await clone.drop();
  });

  const probe = (id: number) => Prisma.sql`SELECT * FROM fast_sql_probe WHERE id = ${id}`;

  it('answers as the unprepared statement does, with values as parameters, and prepares once per connection', async () => {
    expect(await fastSql.preparedRows(probe(1))).toEqual([{ id: 1, label: 'one' }]);
    expect(await fastSql.preparedRows(probe(2))).toEqual(await fastSql.rows(probe(2)));
    const [prepared] = await fastSql.rows<{ count: number }>(
      Prisma.sql`SELECT count(*)::int AS count FROM pg_prepared_statements WHERE statement = ${probe(1).text}`,
    );
    expect(prepared.count).toBe(1);
  });

  it('prepares afresh after a migration changed the columns the statement returns', async () => {
    expect(await fastSql.preparedRows(probe(1))).toEqual([{ id: 1, label: 'one' }]);
    await fastSql.rows(Prisma.sql`ALTER TABLE fast_sql_probe ADD COLUMN note text DEFAULT 'added'`);
    expect(await fastSql.preparedRows(probe(1))).toEqual([{ id: 1, label: 'one', note: 'added' }]);
    expect(await fastSql.preparedRows(probe(2))).toEqual([{ id: 2, label: 'two', note: 'added' }]);
  });

  it('fails the statement, not the process, when the server vanishes mid-statement, and serves again after', async () => {
    const relay = await relayTo(clone.url);
    const relayed = openPostgres({ url: relay.url, poolMax: 1 });
    try {
      const viaRelay = new FastSql(relayed, relayed.prisma);
      const sleeping = viaRelay.preparedRows(Prisma.sql`SELECT pg_sleep(${3}) AS slept`);
      const outcome = sleeping.then(() => 'answered', (error: Error) => error.message);
      for (let tries = 0; tries < 250; tries++) {
        const [running] = await fastSql.rows<{ count: number }>(
          Prisma.sql`SELECT count(*)::int AS count FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'SELECT pg_sleep%'`,
        );
        if (running.count > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      relay.dropAll();
      expect(await outcome).toMatch(/Connection terminated unexpectedly/);
      expect(await viaRelay.preparedRows(probe(1))).toEqual([expect.objectContaining({ id: 1, label: 'one' })]);
    } finally {
      await relayed.close();
      await relay.close();
    }
  });
});
