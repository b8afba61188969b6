import type { RoleName } from '@ims/contracts';
import { listRoutes, type RouteEntry } from '../../src/common/access/route-inventory';
import { startTestApp, type TestApp } from '../support/test-app';
import { createOrganisation, createUser } from '../support/factories';
import { createClinician, createPatient } from '../support/clinician-factories';
import { signIn, type SignedInAgent } from '../support/sign-in';

const ROLES: RoleName[] = ['receptionist', 'physiotherapist', 'manager', 'admin'];

const ANY: RoleName[] = ROLES;
const ADMIN: RoleName[] = ['admin'];

/**
 * The access policy, written down once from domain.md's "who does what", independent of the decorators: the test
 * fails when a route's declaration differs from it, or when a route is missing here.
 */
const POLICY: Record<string, RoleName[]> = {
  'POST /api/auth/logout': ANY,
  'GET /api/auth/me': ANY,
  'POST /api/auth/password': ANY,
  'POST /api/auth/mfa/setup': ANY,
  'POST /api/auth/mfa/enable': ANY,
  'POST /api/auth/mfa/verify': ANY,
  'POST /api/auth/mfa/disable': ANY,
  'POST /api/auth/mfa/recovery-codes': ANY,
  'GET /api/users': ADMIN,
  'POST /api/users': ADMIN,
  'GET /api/users/:id': ADMIN,
  'PATCH /api/users/:id': ADMIN,
  'POST /api/users/:id/password-link': ADMIN,
  'POST /api/users/:id/mfa/reset': ADMIN,
  'GET /api/clinics': ANY,
  'GET /api/rooms': ANY,
  'GET /api/appointment-types': ANY,
  'GET /api/clinicians': ANY,
  'GET /api/clinicians/:id': ANY,
  'POST /api/clinicians': ADMIN,
  'PATCH /api/clinicians/:id': ADMIN,
  'POST /api/clinicians/:id/authorisations': ADMIN,
  'POST /api/clinicians/:id/authorisations/:authorisationId/end': ADMIN,
  'PUT /api/clinicians/:id/working-hours': ADMIN,
  'GET /api/audit': ADMIN,
  'GET /api/patients/:id/access-log': ['physiotherapist', 'manager', 'admin'],
};

const allowedByPolicy = (route: RouteEntry): RoleName[] => POLICY[`${route.method} ${route.path}`] ?? [];

/** Ids to put in a route's path parameters, per route family; a route with a parameter not known here fails. */
interface Tenant {
  ids: Record<string, string>;
  secrets: string[];
}

/**
 * A body that passes validation for writes that take an id, so a foreign id reaches the service (which must answer
 * 404) instead of stopping at a 400.
 */
const VALID_BODIES: Record<string, object> = {
  'PATCH /api/users/:id': { version: 1, name: 'Renamed by a foreign admin' },
  'PATCH /api/clinicians/:id': { registrationNumber: 'FOREIGN-1' },
  'POST /api/clinicians/:id/authorisations': { kind: 'ims', issuingBody: 'Foreign body', validFrom: '2026-01-01' },
  'POST /api/clinicians/:id/authorisations/:authorisationId/end': { validTo: '2026-06-30' },
  'PUT /api/clinicians/:id/working-hours': { hours: [] },
};

function fillPath(route: RouteEntry, tenant: Tenant): string {
  const family = route.path.split('/')[2];
  return route.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const key = name === 'id' ? `${family}:id` : name;
    const id = tenant.ids[key];
    if (!id) throw new Error(`No sample id for "${key}" in ${route.method} ${route.path}: add it to the matrix test`);
    return id;
  });
}

function send(agent: SignedInAgent | undefined, testApp: TestApp, route: RouteEntry, path: string, body: object = {}) {
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  if (!agent) return method === 'get' ? testApp.http.get(path) : testApp.http[method](path).send(body);
  return method === 'get' || method === 'delete' ? agent[method](path) : agent[method](path, body);
}

/** Every route × every role × another organisation's ids: the role rules hold and nothing leaks across tenants. */
describe('authorisation matrix', () => {
  let testApp: TestApp;
  let routes: RouteEntry[];
  let own: Tenant;
  let foreign: Tenant;
  const emails: Record<RoleName, string> = {} as Record<RoleName, string>;

  async function makeTenant(label: string): Promise<Tenant & { adminEmail: string; userEmails: Record<RoleName, string> }> {
    const { organisation, clinic } = await createOrganisation(testApp.prisma, `${label} organisation`);
    const userEmails = {} as Record<RoleName, string>;
    const users = {} as Record<RoleName, { id: string }>;
    for (const role of ROLES) {
      const user = await createUser(testApp.prisma, { organisationId: organisation.id, clinicIds: [clinic.id], roles: [role], email: `${role}@${label}.clinic` });
      userEmails[role] = user.email;
      users[role] = user;
    }
    const { clinician } = await createClinician(testApp.prisma, {
      organisationId: organisation.id,
      clinicIds: [clinic.id],
      name: `${label} Clinician`,
      email: `clinician@${label}.clinic`,
      authorisations: [{ validFrom: '2024-01-01', validTo: null }],
    });
    const authorisation = await testApp.prisma.needlingAuthorisation.findFirstOrThrow({ where: { clinicianId: clinician.id } });
    const patient = await createPatient(testApp.prisma, { organisationId: organisation.id, homeClinicId: clinic.id, lastName: `${label}-Patient` });
    return {
      adminEmail: userEmails.admin,
      userEmails,
      ids: {
        'users:id': users.receptionist.id,
        'clinicians:id': clinician.id,
        authorisationId: authorisation.id,
        'patients:id': patient.id,
      },
      secrets: [`clinician@${label}.clinic`, `${label} Clinician`, `${label}-Patient`, ...Object.values(userEmails)],
    };
  }

  beforeAll(async () => {
    testApp = await startTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' });
    routes = listRoutes(testApp.app).filter((route) => route.access.kind === 'roles');
    const a = await makeTenant('alpha');
    own = a;
    Object.assign(emails, a.userEmails);
    foreign = await makeTenant('beta');
  });
  afterAll(() => testApp.close());

  it('every route declares exactly the roles the written policy gives it', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const declared = (route: RouteEntry) =>
      route.access.kind === 'roles' ? (route.access.roles.length === 0 ? ANY : route.access.roles) : [];
    const mismatches = routes
      .filter((route) => !(`${route.method} ${route.path}` in POLICY) || [...declared(route)].sort().join() !== [...allowedByPolicy(route)].sort().join())
      .map((route) => `${route.method} ${route.path}: declares [${declared(route).join(', ')}], policy [${allowedByPolicy(route).join(', ')}]`);
    expect(mismatches).toEqual([]);
  });

  it('refuses every non-public route without a session (401)', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const response = await send(undefined, testApp, route, fillPath(route, own));
      if (response.status !== 401) failures.push(`${route.method} ${route.path} → ${response.status}`);
    }
    expect(failures).toEqual([]);
  });

  it.each(ROLES)('as %s: allowed routes are served (no 401/403/5xx) and the others refused with 403', async (role) => {
    const failures: string[] = [];
    for (const route of routes) {
      // A fresh session per request: some allowed routes (logout, password change) end the session they run on.
      const agent = await signIn(testApp, emails[role]);
      const allowed = allowedByPolicy(route).includes(role);
      const response = await send(agent, testApp, route, fillPath(route, own));
      const ok = allowed ? ![401, 403].includes(response.status) && response.status < 500 : response.status === 403;
      if (!ok) failures.push(`${route.method} ${route.path} → ${response.status} (${allowed ? 'allowed' : 'refused'}) ${response.body?.detail ?? ''}`);
    }
    expect(failures).toEqual([]);
  });

  it("answers 404 for another organisation's ids, changes nothing and leaks none of its data", async () => {
    const before = await snapshotForeign();
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.path.includes(':'))) {
      const roles = allowedByPolicy(route);
      const role = roles.includes('admin') ? 'admin' : roles[0];
      const agent = await signIn(testApp, emails[role]);
      const response = await send(agent, testApp, route, fillPath(route, foreign), VALID_BODIES[`${route.method} ${route.path}`]);
      const { instance: _instance, ...body } = (response.body ?? {}) as Record<string, unknown>;
      const leaked = foreign.secrets.filter((secret) => JSON.stringify(body).includes(secret));
      if (response.status !== 404 || leaked.length > 0) failures.push(`${route.method} ${route.path} → ${response.status} leaked=${leaked.join(',')}`);
    }
    expect(failures).toEqual([]);
    expect(await snapshotForeign()).toEqual(before);
  });

  async function snapshotForeign() {
    const [user, clinician, authorisations, hours, sessions] = await Promise.all([
      testApp.prisma.user.findUniqueOrThrow({ where: { id: foreign.ids['users:id'] } }),
      testApp.prisma.clinician.findUniqueOrThrow({ where: { id: foreign.ids['clinicians:id'] } }),
      testApp.prisma.needlingAuthorisation.findMany({ where: { clinicianId: foreign.ids['clinicians:id'] }, orderBy: { id: 'asc' } }),
      testApp.prisma.workingHours.count({ where: { clinicianId: foreign.ids['clinicians:id'] } }),
      testApp.prisma.authSession.count({ where: { user: { organisation: { name: 'beta organisation' } } } }),
    ]);
    return { user, clinician, authorisations, hours, sessions };
  }
});
