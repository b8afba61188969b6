import fc from 'fast-check';
import type { RoleName } from '@ims/contracts';
import type { Response } from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createFuzzTenant, fillPath, FUZZ_ROLES, knownGoodBodies, type FuzzTenant } from '../support/hostile-fixtures';
import { changedTables, fuzzRoutes, tablesARefusalMayWrite, writeSnapshotter, type FuzzRoute, type WriteSnapshot } from '../support/hostile-routes';
import { hostileBody, hostileIdSegment, hostileQuery, plausible } from '../support/hostile-schema';
import { toJsonText } from '../support/hostile-values';
import { csvOf, MAPPING } from '../support/patient-import-csv';

/**
 * Hostile input (issue 9, item 5). Every route gets bodies, query strings and path ids built by fast-check from its
 * own contract with one part made hostile (wrong types, NUL bytes, SQL and script text, impossible dates, huge
 * numbers, deep nesting, __proto__ keys). Whatever comes in: never a 5xx, every refusal is problem+json, and a
 * refused request writes nothing.
 *
 * Reproducible: the seed is fixed (FUZZ_SEED overrides it) and mixed with each route's name, so every route sees
 * different inputs and a failure names the seed and path fast-check needs to replay it. FUZZ_RUNS sets the runs per
 * route (default 20); FUZZ_REPORT=1 prints every 400 with its input and each route's answers, to see how deep the
 * inputs got past validation.
 *
 * "Writes nothing" is checked on every table (row count and newest row version) around each refused request, except
 * auth_session (a session's last-seen time is touched every few minutes by any request) and, for /api/auth routes
 * only, audit_event and login_failure (a wrong password or code is counted and audited by design).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_311);
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const FUZZ_TIMEOUT_MS = 240_000;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A stable 32-bit seed per route: the run's seed mixed with the route's name (FNV-1a). */
function seedFor(key: string): number {
  let hash = 0x811c9dc5 ^ SEED;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash | 0;
}

const keyOf = (route: FuzzRoute) => `${route.method} ${route.path}`;
const clip = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);

describe('hostile input', () => {
  let testApp: TestApp;
  let tenant: FuzzTenant;
  /** A second organisation for the targeted tests: the fuzzer's valid requests change its own tenant's records. */
  let clean: FuzzTenant;
  let routes: FuzzRoute[];
  let snapshot: () => Promise<WriteSnapshot>;
  const agents: Partial<Record<RoleName, SignedInAgent>> = {};
  const prototypeKeysBefore = Object.getOwnPropertyNames(Object.prototype).sort();

  beforeAll(async () => {
    // No job workers: a reminder sweep writing mid-request would look like a refused request's write.
    testApp = await startTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '100000', JOB_WORKERS: 'off' });
    tenant = await createFuzzTenant(testApp.prisma);
    clean = await createFuzzTenant(testApp.prisma, 'clean');
    routes = fuzzRoutes(testApp.app).filter((route) => route.access.kind !== 'undeclared');
    snapshot = await writeSnapshotter(testApp.prisma);
  });
  afterAll(() => testApp.close());

  /** Roles the route declares (any role for a signed-in route); none for a public one. */
  const rolesOf = (route: FuzzRoute): RoleName[] =>
    route.access.kind === 'roles' ? (route.access.roles.length > 0 ? route.access.roles : FUZZ_ROLES) : [];

  async function agentFor(role: RoleName): Promise<SignedInAgent> {
    return (agents[role] ??= await signIn(testApp, tenant.emails[role]));
  }

  /** Sends one request as `role` (or anonymously), with a raw JSON body text. */
  async function send(route: FuzzRoute, url: string, role: RoleName | undefined, bodyText?: string): Promise<Response> {
    const method = route.method.toLowerCase() as Method;
    const agent = role ? await agentFor(role) : undefined;
    let request = testApp.http[method](url);
    if (agent) request = request.set('Cookie', agent.cookie);
    if (agent && method !== 'get') request = request.set('X-CSRF-Token', agent.csrfToken);
    if (bodyText !== undefined) request = request.set('Content-Type', 'application/json').send(bodyText);
    const response = await request;
    // A route that ends the session it runs on (logout) or a refused one: sign in afresh next time.
    if (role && response.status === 401) delete agents[role];
    return response;
  }

  /** What is wrong with a response to hostile input, if anything. */
  function faultsOf(response: Response): string[] {
    const faults: string[] = [];
    if (response.status >= 500) faults.push(`answered ${response.status}: ${clip(String(response.body?.detail ?? response.text))}`);
    if (response.status >= 400) {
      if (!/^application\/problem\+json/.test(String(response.headers['content-type']))) faults.push(`${response.status} as ${response.headers['content-type']}`);
      if (typeof response.body?.type !== 'string' || response.body?.status !== response.status) faults.push(`${response.status} without problem type/status: ${clip(response.text)}`);
    }
    return faults;
  }

  /**
   * Runs one fast-check property per route: send the generated request and check the answer; a refusal must leave
   * every table as it was. Collects one line per failing route (with its counterexample and replay seed).
   */
  async function fuzz<T>(
    selected: FuzzRoute[],
    inputs: (route: FuzzRoute) => fc.Arbitrary<T>,
    request: (route: FuzzRoute, input: T, role: RoleName | undefined) => Promise<Response>,
    { runs = RUNS, mustRefuse = false }: { runs?: number; mustRefuse?: boolean } = {},
  ): Promise<{ failures: string[]; statuses: Record<string, Record<number, number>> }> {
    const failures: string[] = [];
    const statuses: Record<string, Record<number, number>> = {};
    for (const route of selected) {
      const roles = rolesOf(route);
      const seen: Record<number, number> = (statuses[keyOf(route)] = {});
      const role = roles.length > 0 ? fc.constantFrom<RoleName | undefined>(...roles) : fc.constant<RoleName | undefined>(undefined);
      const property = fc.asyncProperty(inputs(route), role, async (input, as) => {
        if (as) await agentFor(as); // signing in writes a session and an audit event: before the snapshot
        const before = await snapshot();
        const response = await request(route, input, as);
        seen[response.status] = (seen[response.status] ?? 0) + 1;
        if (process.env.FUZZ_REPORT && response.status === 400) console.log(`${keyOf(route)} 400 ${clip(JSON.stringify(response.body?.errors ?? response.body?.detail), 200)} <- ${clip(JSON.stringify(input), 200)}`);
        const faults = faultsOf(response);
        if (mustRefuse && response.status < 400) faults.push(`served ${response.status}`);
        if (response.status >= 400 && response.status < 500) {
          const changed = changedTables(before, await snapshot(), tablesARefusalMayWrite(route.path));
          if (changed.length > 0) faults.push(`refused with ${response.status} but wrote to ${changed.join(', ')}`);
        }
        if (faults.length > 0) throw new Error(`as ${as ?? 'anonymous'}: ${faults.join('; ')}`);
      });
      const details = await fc.check(property, { numRuns: runs, seed: seedFor(keyOf(route)), interruptAfterTimeLimit: 20_000 });
      if (details.failed) {
        const error = details.errorInstance instanceof Error ? details.errorInstance.message.split('\n')[0] : String(details.errorInstance);
        failures.push(`${keyOf(route)}: ${error}\n    input ${clip(JSON.stringify(details.counterexample?.[0]), 1_500)} (seed ${details.seed}, path ${details.counterexamplePath})`);
      }
    }
    if (process.env.FUZZ_REPORT) console.log(Object.entries(statuses).map(([key, seen]) => `${key} ${JSON.stringify(seen)}`).join('\n'));
    return { failures, statuses };
  }

  /** The fuzz must get past the access checks, or it proves nothing: some answer other than 401/403 per route. */
  function onlyRefusedAtTheDoor(statuses: Record<string, Record<number, number>>): string[] {
    return Object.entries(statuses)
      .filter(([, seen]) => Object.keys(seen).every((status) => status === '401' || status === '403'))
      .map(([key, seen]) => `${key}: ${JSON.stringify(seen)}`);
  }

  it(
    'write routes: hostile bodies never get a 5xx, refusals are problem+json and write nothing',
    async () => {
      const writes = routes.filter((route) => route.method !== 'GET');
      const knownGood = knownGoodBodies(tenant);
      expect(writes.length).toBeGreaterThanOrEqual(50);
      const { failures, statuses } = await fuzz(
        writes,
        (route) => hostileBody(route.body, tenant.fieldIds, knownGood[keyOf(route)]).map(toJsonText),
        (route, body, role) => send(route, fillPath(route.path, tenant), role, body),
      );
      expect(failures).toEqual([]);
      expect(onlyRefusedAtTheDoor(statuses).filter((line) => !line.startsWith('POST /api/auth/logout'))).toEqual([]);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'every route: hostile query strings never get a 5xx, refusals are problem+json and write nothing',
    async () => {
      const reads = routes.filter((route) => route.method === 'GET' || route.query !== undefined);
      expect(reads.length).toBeGreaterThanOrEqual(35);
      const { failures, statuses } = await fuzz(
        reads,
        (route) => hostileQuery(route.query, tenant.fieldIds),
        (route, query, role) => send(route, `${fillPath(route.path, tenant)}?${query}`, role, route.method === 'GET' ? undefined : '{}'),
      );
      expect(failures).toEqual([]);
      expect(onlyRefusedAtTheDoor(statuses)).toEqual([]);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'every route with an id: ids that are not ours (not uuids, NUL, traversal) get a 4xx and write nothing',
    async () => {
      const withIds = routes.filter((route) => route.path.includes(':'));
      const { failures } = await fuzz(
        withIds,
        (route) => fc.tuple(hostileIdSegment, route.body ? plausible(route.body, tenant.fieldIds).map(toJsonText) : fc.constant('{}')),
        (route, [segment, body], role) => send(route, fillPath(route.path, tenant, segment), role, route.method === 'GET' ? undefined : body),
        { runs: Math.ceil(RUNS / 2), mustRefuse: true },
      );
      expect(failures).toEqual([]);
    },
    FUZZ_TIMEOUT_MS,
  );

  it('no request polluted Object.prototype', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeysBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  /**
   * PostgreSQL text and jsonb cannot hold U+0000, and the contracts accept any string: found by the fuzzer as a 500
   * on PATCH /api/clinicians/:id, now a 400 from the error mapping (SQLSTATE 22021/22P05). One case per way in.
   */
  describe('a NUL character is refused with 400 and writes nothing', () => {
    const cases: Array<[string, RoleName, Method, (t: FuzzTenant) => string, (t: FuzzTenant) => object | undefined]> = [
      ['a text column (clinician name)', 'admin', 'patch', (t) => `/api/clinicians/${t.pathIds['clinicians:id']}`, () => ({ name: 'Dr \u0000' })],
      ['a registration (patient first name)', 'receptionist', 'post', () => '/api/patients', (t) => ({ homeClinicId: t.fieldIds.clinicId, firstName: 'Pat\u0000', lastName: 'Nul', dateOfBirth: '1990-01-01' })],
      ['a jsonb document (PSFS activity)', 'physiotherapist', 'post', () => '/api/outcomes', (t) => ({ planId: t.fieldIds.planId, measure: 'PSFS', timepoint: 'adhoc', answers: [{ activity: 'Walk\u0000', value: 4 }, { activity: 'Sit', value: 5 }, { activity: 'Lift', value: 6 }], takenAt: new Date(Date.now() - 60_000).toISOString() })],
      ['an imported file', 'receptionist', 'post', () => '/api/patient-imports', (t) => ({ clinicId: t.fieldIds.clinicId, fileName: 'nul.csv', csv: csvOf([['Ada\u0000', 'Nul', '1980-01-02', '', '', '']]), mapping: MAPPING })],
    ];

    it.each(cases)('in %s', async (_label, role, method, path, body) => {
      const agent = await signIn(testApp, clean.emails[role]);
      const before = await snapshot();
      const payload = body(clean);
      const response = method === 'get' || method === 'delete' ? await agent[method](path(clean)) : await agent[method](path(clean), payload);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.detail).toMatch(/U\+0000/);
      expect(changedTables(before, await snapshot())).toEqual([]);
    });

    it('a search for text with a NUL is answered like any other search (the text is compared, never stored)', async () => {
      const receptionist = await signIn(testApp, clean.emails.receptionist);
      const response = await receptionist.get('/api/patients?q=Pat%00').expect(200);
      expect(response.body).toEqual({ items: expect.any(Array), total: expect.any(Number) });
    });
  });

  /**
   * Values the contracts accept but PostgreSQL cannot hold, each found by the fuzzer as a 500 (seed in brackets) and
   * now a 400 from the error mapping.
   */
  describe('a number or date beyond what PostgreSQL holds is refused with 400 and writes nothing', () => {
    const cases: Array<[string, RoleName, Method, (t: FuzzTenant) => string, (t: FuzzTenant) => object | undefined, RegExp]> = [
      // (FUZZ_SEED=424242) the preview looks a day before the first session: year 0.
      ['an instant in year 1 (course preview)', 'receptionist', 'post', () => '/api/appointments/series/preview', (t) => ({ clinicId: t.fieldIds.clinicId, patientId: t.fieldIds.patientId, clinicianId: t.fieldIds.clinicianId, appointmentTypeId: t.fieldIds.appointmentTypeId, firstStartsAt: '0001-01-01T00:00:00Z', weekdays: [6], count: 5 }), /date or time/],
      // (FUZZ_SEED=99) a calendar day in year 0, a day either side of which the driver cannot write.
      ['a day in year 0 (day list)', 'physiotherapist', 'get', () => '/api/my-day?date=0000-01-01', () => undefined, /date or time/],
      // (FUZZ_SEED=99) a safe integer that is no int4.
      ['a version beyond int4 (archive)', 'manager', 'post', (t) => `/api/patients/${t.pathIds['patients:id']}/archive`, () => ({ version: -2_147_483_649, reason: 'Moved away' }), /number/],
    ];

    it.each(cases)('%s', async (_label, role, method, path, body, detail) => {
      const agent = await signIn(testApp, clean.emails[role]);
      const before = await snapshot();
      const response = method === 'get' || method === 'delete' ? await agent[method](path(clean)) : await agent[method](path(clean), body(clean));
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.detail).toMatch(detail);
      expect(changedTables(before, await snapshot())).toEqual([]);
    });
  });

  describe('text that looks like SQL or markup', () => {
    const SCRIPT = '<script>alert(1)</script>';
    const DROP = "'; DROP TABLE patient; --";
    const BOBBY = "Robert'); --";
    const NOTES = `${BOBBY} said ${SCRIPT} then ${DROP} and "><img src=x onerror=alert(1)>`;

    it('is stored verbatim and only ever answered as JSON', async () => {
      const receptionist = await signIn(testApp, clean.emails.receptionist);
      const created = await receptionist.post('/api/patients', {
        homeClinicId: clean.fieldIds.clinicId,
        firstName: SCRIPT,
        lastName: DROP,
        preferredName: BOBBY,
        dateOfBirth: '1990-05-05',
        frontDeskNotes: NOTES,
        address: { line1: '<img src=x onerror=alert(1)>', city: "O'Brien; DELETE FROM patient" },
      });
      expect(created.status).toBe(201);
      const id: string = created.body.id;

      const read = await receptionist.get(`/api/patients/${id}`).expect(200);
      const found = await receptionist.get(`/api/patients?q=${encodeURIComponent('DROP TABLE patient')}&pageSize=100`).expect(200);
      for (const response of [created, read]) {
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.body).toMatchObject({ firstName: SCRIPT, lastName: DROP, preferredName: BOBBY, frontDeskNotes: NOTES });
        expect(response.body.address).toMatchObject({ line1: '<img src=x onerror=alert(1)>', city: "O'Brien; DELETE FROM patient" });
      }
      expect(found.headers['content-type']).toMatch(/^application\/json/);
      expect(found.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id, firstName: SCRIPT, lastName: DROP, preferredName: BOBBY })]));

      // In the table exactly as typed, and the table is still there.
      const stored = await testApp.prisma.patient.findUniqueOrThrow({ where: { id } });
      expect(stored).toMatchObject({ firstName: SCRIPT, lastName: DROP, preferredName: BOBBY, frontDeskNotes: NOTES });
      expect(await testApp.prisma.patient.count()).toBeGreaterThanOrEqual(2);
    });

    it('an error echoing the input is problem+json too, never HTML', async () => {
      const receptionist = await signIn(testApp, clean.emails.receptionist);
      const response = await receptionist.get(`/api/patients/${encodeURIComponent(SCRIPT)}`);
      expect([400, 404]).toContain(response.status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const unknownRoute = await receptionist.get(`/api/${encodeURIComponent(SCRIPT)}`);
      expect(unknownRoute.status).toBe(404);
      expect(unknownRoute.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  describe('oversized bodies', () => {
    /** Just over the general JSON limit (256 kB, parseBodies in create-app.ts). */
    const oversized = () => JSON.stringify({ homeClinicId: clean.fieldIds.clinicId, firstName: 'Big', lastName: 'Body', dateOfBirth: '1990-01-01', frontDeskNotes: 'x'.repeat(270_000) });

    it('are refused with 413 problem+json before anything runs, and write nothing', async () => {
      const receptionist = await signIn(testApp, clean.emails.receptionist);
      const before = await snapshot();
      const signedIn = await testApp.http
        .post('/api/patients')
        .set('Cookie', receptionist.cookie)
        .set('X-CSRF-Token', receptionist.csrfToken)
        .set('Content-Type', 'application/json')
        .send(oversized());
      // Without a session too: the body is refused by the parser, ahead of sessions, guards and handlers.
      const anonymous = await testApp.http.post('/api/patients').set('Content-Type', 'application/json').send(oversized());
      for (const response of [signedIn, anonymous]) {
        expect(response.status).toBe(413);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body).toMatchObject({ status: 413, type: expect.stringMatching(/payload-too-large$/) });
      }
      expect(changedTables(before, await snapshot())).toEqual([]);
    });

    it('the import route has its own larger limit (15 MB) and refuses beyond it', async () => {
      const admin = await signIn(testApp, clean.emails.admin);
      const response = await testApp.http
        .post('/api/patient-imports')
        .set('Cookie', admin.cookie)
        .set('X-CSRF-Token', admin.csrfToken)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ clinicId: clean.fieldIds.clinicId, fileName: 'huge.csv', csv: 'x'.repeat(16 * 1024 * 1024) }));
      expect(response.status).toBe(413);
      expect(response.body.type).toMatch(/payload-too-large$/);
    });

    it('a 20 MB body on an ordinary route is refused with 413 too (read off and dropped, never parsed)', async () => {
      const response = await testApp.http.post('/api/auth/login').set('Content-Type', 'application/json').send(`{"email":"${'x'.repeat(20 * 1024 * 1024)}"}`);
      expect(response.status).toBe(413);
      expect(response.body.type).toMatch(/payload-too-large$/);
    });

    it("a URL over Node's header limit is refused by the HTTP server itself (431) before the app sees it", async () => {
      const response = await testApp.http.get(`/api/patients?q=${'x'.repeat(20_000)}`);
      expect(response.status).toBe(431);
    });

    it('the API stays healthy and serves normal writes afterwards', async () => {
      await testApp.http.get('/api/health').expect(200);
      const receptionist = await signIn(testApp, clean.emails.receptionist);
      const response = await receptionist.post('/api/patients', { homeClinicId: clean.fieldIds.clinicId, firstName: 'After', lastName: 'Oversized', dateOfBirth: '1991-02-03' });
      expect(response.status).toBe(201);
    });
  });
});
