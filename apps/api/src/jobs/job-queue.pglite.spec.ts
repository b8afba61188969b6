import { openPglite, type Database } from '@ims/prisma';
import { loadConfig } from '../config/app-config';
import { JobQueue } from './job-queue.service';

/**
 * Demo mode runs pg-boss on PGlite (embedded, single-connection PostgreSQL) through the app's executor: its install
 * script, partitioned queues, SKIP LOCKED fetches, advisory locks, retries and jobs queued inside Prisma
 * transactions all have to work there too.
 */
describe('job queue on PGlite (demo mode)', () => {
  let database: Database;
  let queue: JobQueue;
  const handled: unknown[] = [];
  let failNext = false;

  beforeAll(async () => {
    database = await openPglite();
    queue = new JobQueue(database, loadConfig({ JOB_WORKERS: 'off' }));
    queue.define({ name: 'demo', options: { retryLimit: 2, retryDelay: 30, retryBackoff: true } });
    queue.handle<{ n: number }>('demo', async (job) => {
      if (failNext) {
        failNext = false;
        throw new Error('transient');
      }
      handled.push(job.data);
    });
    await queue.onApplicationBootstrap();
  }, 60_000);
  afterAll(async () => {
    await queue.onModuleDestroy();
    await database.close();
  });

  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

  it('runs a job queued in a committed transaction, once, and ignores the same id queued again', async () => {
    await database.prisma.$transaction((tx) => queue.send('demo', { n: 1 }, { id: id(1) }, tx));
    expect(await database.prisma.$transaction((tx) => queue.send('demo', { n: 1 }, { id: id(1) }, tx))).toBeNull();
    expect(await queue.runDue('demo')).toBe(1);
    expect(handled).toEqual([{ n: 1 }]);
    expect((await queue.getJob('demo', id(1)))?.state).toBe('completed');
  });

  it('drops a job queued in a transaction that rolls back', async () => {
    await expect(
      database.prisma.$transaction(async (tx) => {
        await queue.send('demo', { n: 2 }, { id: id(2) }, tx);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await queue.getJob('demo', id(2))).toBeNull();
  });

  it('cancels in a transaction, waits for startAfter, and retries a failure later', async () => {
    await database.prisma.$transaction(async (tx) => {
      await queue.send('demo', { n: 3 }, { id: id(3) }, tx);
      await queue.send('demo', { n: 4 }, { id: id(4), startAfter: new Date(Date.now() + 3_600_000) }, tx);
      await queue.send('demo', { n: 5 }, { id: id(5) }, tx);
    });
    await database.prisma.$transaction((tx) => queue.cancel('demo', [id(3)], tx));
    failNext = true;
    expect(await queue.runDue('demo')).toBe(1);
    expect(await queue.getJob('demo', id(3))).toMatchObject({ state: 'cancelled' });
    expect(await queue.getJob('demo', id(4))).toMatchObject({ state: 'created' });
    const retry = await queue.getJob('demo', id(5));
    expect(retry).toMatchObject({ state: 'retry' });
    expect(retry!.startAfter.getTime()).toBeGreaterThan(Date.now());
    expect(handled).toEqual([{ n: 1 }]);
  });
});

describe('scheduled jobs on PGlite (demo mode, worker process)', () => {
  let database: Database;
  let queue: JobQueue;
  let ticks = 0;

  beforeAll(async () => {
    database = await openPglite();
    queue = new JobQueue(database, loadConfig({ JOB_WORKERS: 'on' }));
    queue.define({ name: 'tick', options: { policy: 'stately' } });
    queue.handle('tick', async () => {
      ticks += 1;
    });
    queue.schedule('tick', '*/15 * * * *');
    await queue.onApplicationBootstrap();
  }, 60_000);
  afterAll(async () => {
    await queue.onModuleDestroy();
    await database.close();
  });

  it('registers the cron schedule with pg-boss and runs the job once at start', async () => {
    const schedules = await database.prisma.$queryRawUnsafe<Array<{ name: string; cron: string }>>('SELECT name, cron FROM pgboss.schedule');
    expect(schedules).toEqual([{ name: 'tick', cron: '*/15 * * * *' }]);
    const deadline = Date.now() + 15_000;
    while (ticks === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ticks).toBe(1);
  }, 20_000);
});
