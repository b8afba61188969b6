import type { RoleName } from '@ims/contracts';
import { listRoutes, type RouteEntry } from '../../src/common/access/route-inventory';
import { startTestApp, type TestApp } from '../support/test-app';
import { createOrganisation, createUser } from '../support/factories';
import { createClinician, createPatient } from '../support/clinician-factories';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { insertConsent, screeningItems } from '../support/clinical-factories';
import { createAppointmentType, createRoom, insertAppointment } from '../support/appointment-factories';
import { insertPlan } from '../support/plan-factories';

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
  // Single appointments: everyone reads the schedule of their clinics; the front desk, physiotherapists and managers run it.
  'GET /api/appointments': ANY,
  'POST /api/appointments': ['receptionist', 'physiotherapist', 'manager'],
  'GET /api/appointments/:id': ANY,
  'GET /api/appointments/:id/history': ANY,
  'PATCH /api/appointments/:id': ['receptionist', 'physiotherapist', 'manager'],
  'POST /api/appointments/:id/arrive': ['receptionist', 'physiotherapist'],
  'POST /api/appointments/:id/no-show': ['receptionist', 'physiotherapist'],
  'POST /api/appointments/:id/cancel': ['receptionist', 'physiotherapist'],
  // Scheduling set-up: admins keep it; the calendar shows opening hours and time off to everyone.
  'GET /api/clinics/:id/opening-hours': ANY,
  'PUT /api/clinics/:id/opening-hours': ADMIN,
  'PATCH /api/clinics/:id': ADMIN,
  'GET /api/clinicians/:id/time-off': ANY,
  'POST /api/clinicians/:id/time-off': ['physiotherapist', 'admin'],
  'DELETE /api/clinicians/:id/time-off/:timeOffId': ADMIN,
  'POST /api/rooms': ADMIN,
  'PATCH /api/rooms/:id': ADMIN,
  'POST /api/appointment-types': ADMIN,
  'PATCH /api/appointment-types/:id': ADMIN,
  // Course booking: the people who book single appointments (managers may override the rules with a reason).
  'POST /api/appointments/series/preview': ['receptionist', 'physiotherapist', 'manager'],
  'POST /api/appointments/series': ['receptionist', 'physiotherapist', 'manager'],
  // The waitlist: the front desk and physiotherapists keep it; managers read it for their reports.
  'GET /api/waitlist': ['receptionist', 'physiotherapist', 'manager'],
  'GET /api/waitlist/offers': ['receptionist', 'physiotherapist', 'manager'],
  'POST /api/waitlist': ['receptionist', 'physiotherapist'],
  'DELETE /api/waitlist/:id': ['receptionist', 'physiotherapist'],
  'GET /api/patients/:id/access-log': ['physiotherapist', 'manager', 'admin'],
  'GET /api/patients': ANY,
  'POST /api/patients': ['receptionist', 'physiotherapist'],
  'POST /api/patients/duplicates': ['receptionist', 'physiotherapist'],
  'GET /api/patients/:id': ANY,
  'PATCH /api/patients/:id': ['receptionist', 'physiotherapist'],
  'POST /api/patients/:id/archive': ['manager', 'admin'],
  'POST /api/patients/:id/unarchive': ['manager', 'admin'],
  'POST /api/patients/:id/anonymise': ['manager', 'admin'],
  'GET /api/patients/:id/screening': ['physiotherapist'],
  'PUT /api/patients/:id/screening': ['physiotherapist'],
  'GET /api/patients/:id/consents': ['physiotherapist'],
  'POST /api/patients/:id/consents': ['physiotherapist'],
  'POST /api/consents/:id/withdraw': ['physiotherapist'],
  // Record export on a patient's request is an admin duty; physiotherapists export the record they keep.
  'GET /api/patients/:id/fhir': ['physiotherapist', 'admin'],
  // CSV import of patients: the front desk, and admins setting up a clinic.
  'POST /api/patient-imports': ['receptionist', 'admin'],
  'GET /api/patient-imports/:id': ['receptionist', 'admin'],
  'GET /api/patient-imports/:id/report': ['receptionist', 'admin'],
  'POST /api/patient-imports/:id/commit': ['receptionist', 'admin'],
  // A clinician's own calendar feed link (another clinician's answers 404); admins manage anyone's.
  'POST /api/clinicians/:id/calendar-feed': ['physiotherapist', 'admin'],
  'DELETE /api/clinicians/:id/calendar-feed': ['physiotherapist', 'admin'],
  // The muscle catalogue is clinical reference data; the front desk never charts.
  'GET /api/muscles': ['physiotherapist', 'manager', 'admin'],
  // Receptionists book courses against plans, so they read them (without the clinician's free text); only
  // physiotherapists plan, edit, move a plan through its statuses and record the session-4 review.
  'GET /api/plans': ANY,
  'POST /api/plans': ['physiotherapist'],
  'GET /api/plans/:id': ANY,
  'PATCH /api/plans/:id': ['physiotherapist'],
  'POST /api/plans/:id/activate': ['physiotherapist'],
  'POST /api/plans/:id/complete': ['physiotherapist'],
  'POST /api/plans/:id/discontinue': ['physiotherapist'],
  'POST /api/plans/:id/review': ['physiotherapist'],
  // A clinician's day list; managers look at any clinician's day when reviewing caseloads.
  'GET /api/my-day': ['physiotherapist', 'manager'],
  // Visit notes are the clinical record: physiotherapists only (managers review caseloads, not notes: domain.md).
  'GET /api/visits': ['physiotherapist'],
  'POST /api/visits': ['physiotherapist'],
  'GET /api/visits/:id': ['physiotherapist'],
  'PUT /api/visits/:id': ['physiotherapist'],
  'POST /api/visits/:id/sign': ['physiotherapist'],
  'POST /api/visits/:id/addenda': ['physiotherapist'],
  // Outcomes: physiotherapists record them; managers read the analysis when reviewing outcomes.
  'GET /api/outcome-measures': ['physiotherapist', 'manager'],
  'POST /api/outcomes': ['physiotherapist'],
  'GET /api/plans/:id/outcomes': ['physiotherapist', 'manager'],
  // Caseload, outcomes and attendance reports are the manager's (domain.md "Who does what").
  'GET /api/reports/caseload': ['manager'],
  'GET /api/reports/caseload/drilldown': ['manager'],
  'GET /api/reports/outcomes': ['manager'],
  'GET /api/reports/outcomes/drilldown': ['manager'],
  'GET /api/reports/attendance': ['manager'],
  'GET /api/reports/attendance/drilldown': ['manager'],
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
  'PATCH /api/appointments/:id': { version: 1, notes: 'Edited by a foreign receptionist' },
  'POST /api/appointments/:id/arrive': { version: 1 },
  'POST /api/appointments/:id/no-show': { version: 1 },
  'POST /api/appointments/:id/cancel': { version: 1, reason: 'Cancelled by a foreign receptionist' },
  'PUT /api/clinics/:id/opening-hours': { hours: [] },
  'PATCH /api/clinics/:id': { name: 'Renamed by a foreign admin' },
  'POST /api/clinicians/:id/time-off': { startsAt: '2026-07-01T00:00:00-07:00', endsAt: '2026-07-02T00:00:00-07:00' },
  'PATCH /api/rooms/:id': { active: false },
  'PATCH /api/appointment-types/:id': { active: false },
  'POST /api/patient-imports/:id/commit': { skipDuplicates: false },
  'PUT /api/patients/:id/screening': { clinicId: '00000000-0000-4000-8000-000000000000', items: screeningItems(), basedOnId: null },
  'POST /api/patients/:id/consents': { clinicId: '00000000-0000-4000-8000-000000000000', consentedOn: '2026-01-05', risksDisclosed: ['soreness'], thoraxIncluded: false, method: 'verbal', givenBy: 'patient' },
  'POST /api/consents/:id/withdraw': { withdrawnOn: '2026-01-06', reason: 'Withdrawn by a foreign clinician' },
  'PATCH /api/patients/:id': { version: 1, firstName: 'Renamed by a foreign receptionist' },
  'POST /api/patients/:id/archive': { version: 1, reason: 'Archived by a foreign manager' },
  'POST /api/patients/:id/unarchive': { version: 1 },
  'POST /api/patients/:id/anonymise': { version: 1, reason: 'Anonymised by a foreign manager', confirmLastName: 'Someone' },
  'PATCH /api/plans/:id': { version: 1, goals: 'Edited by a foreign physiotherapist' },
  'POST /api/plans/:id/activate': { version: 1 },
  'POST /api/plans/:id/complete': { version: 1 },
  'POST /api/plans/:id/discontinue': { version: 1, reason: 'Discontinued by a foreign physiotherapist' },
  'POST /api/plans/:id/review': { version: 1, note: 'Reviewed by a foreign physiotherapist' },
  'PUT /api/visits/:id': { version: 1, subjective: 'Written by a foreign physiotherapist' },
  'POST /api/visits/:id/sign': { version: 1 },
  'POST /api/visits/:id/addenda': { reason: 'Correction', text: 'Added by a foreign physiotherapist' },
};

/** Query strings that pass validation for GET routes that require one, so an allowed role is really served. */
const VALID_QUERIES: Record<string, string> = {
  'GET /api/reports/caseload': 'from=2026-01-01&to=2026-01-31',
  'GET /api/reports/caseload/drilldown': 'from=2026-01-01&to=2026-01-31&metric=sessionsDelivered',
  'GET /api/reports/outcomes': 'from=2026-01-01&to=2026-01-31',
  'GET /api/reports/outcomes/drilldown': 'from=2026-01-01&to=2026-01-31&metric=plans',
  'GET /api/reports/attendance': 'from=2026-01-01&to=2026-01-31',
  'GET /api/reports/attendance/drilldown': 'from=2026-01-01&to=2026-01-31&metric=noShows',
};

function fillPath(route: RouteEntry, tenant: Tenant): string {
  const family = route.path.split('/')[2];
  const query = VALID_QUERIES[`${route.method} ${route.path}`];
  return (query ? `${route.path}?${query}` : route.path).replace(/:([A-Za-z]+)/g, (_match, name: string) => {
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
    const consent = await insertConsent(testApp.prisma, { organisationId: organisation.id, clinicId: clinic.id, patientId: patient.id, takenById: users.physiotherapist.id, consentedOn: '2026-01-02', notes: `${label}-consent-note` });
    return {
      adminEmail: userEmails.admin,
      userEmails,
      ids: {
        'users:id': users.receptionist.id,
        'clinicians:id': clinician.id,
        authorisationId: authorisation.id,
        'patients:id': patient.id,
        'waitlist:id': (await testApp.prisma.waitlistEntry.create({ data: { organisationId: organisation.id, clinicId: clinic.id, patientId: patient.id, createdById: users.receptionist.id } })).id,
        'patient-imports:id': (await testApp.prisma.patientImport.create({ data: { organisationId: organisation.id, clinicId: clinic.id, createdById: users.receptionist.id, fileName: `${label}-import.csv`, status: 'validated', totalRows: 0, mapping: {}, rows: [], report: { validRows: 0, errorRows: [], duplicates: [], truncated: false } } })).id,
        'consents:id': consent.id,
        ...(await schedulingIds(organisation.id, clinic.id, clinician.id, patient.id, users.admin.id)),
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

  it("leaves another organisation's clinical record untouched: no screening added, its consent not withdrawn", async () => {
    expect(await testApp.prisma.patientScreening.count({ where: { patientId: foreign.ids['patients:id'] } })).toBe(0);
    expect(await testApp.prisma.imsConsent.findUniqueOrThrow({ where: { id: foreign.ids['consents:id'] } })).toMatchObject({ withdrawnOn: null, withdrawnById: null });
  });

  it("leaves another organisation's waitlist entry on its list", async () => {
    expect(await testApp.prisma.waitlistEntry.findUniqueOrThrow({ where: { id: foreign.ids['waitlist:id'] } })).toMatchObject({ removedAt: null });
  });

  /** A room, a type, an appointment (now, booked) and a time off of the tenant, for the scheduling routes. */
  async function schedulingIds(organisationId: string, clinicId: string, clinicianId: string, patientId: string, adminId: string) {
    const room = await createRoom(testApp.prisma, { organisationId, clinicId });
    const type = await createAppointmentType(testApp.prisma, { organisationId, clinicId });
    const appointment = await insertAppointment(testApp.prisma, { organisationId, clinicId, patientId, clinicianId, appointmentTypeId: type.id, roomId: room.id, startsAt: new Date(Date.now() + 3_600_000) });
    const timeOff = await testApp.prisma.clinicianTimeOff.create({
      data: { organisationId, clinicianId, startsAt: new Date('2026-08-01T07:00:00Z'), endsAt: new Date('2026-08-02T07:00:00Z'), createdById: adminId },
    });
    const plan = await insertPlan(testApp.prisma, { organisationId, clinicId, patientId, clinicianId });
    // An arrived visit two days ago (clear of the booked one above) with its draft note.
    const visited = await insertAppointment(testApp.prisma, { organisationId, clinicId, patientId, clinicianId, appointmentTypeId: type.id, roomId: room.id, startsAt: new Date(Date.now() - 2 * 86_400_000), status: 'arrived' });
    const visit = await testApp.prisma.visitNote.create({
      data: { organisationId, clinicId, patientId, clinicianId, appointmentId: visited.id, planId: plan.id, visitedAt: visited.startsAt, visitDate: new Date(visited.startsAt.toISOString().slice(0, 10)), createdById: adminId },
    });
    return { 'appointments:id': appointment.id, 'clinics:id': clinicId, 'rooms:id': room.id, 'appointment-types:id': type.id, timeOffId: timeOff.id, 'plans:id': plan.id, 'visits:id': visit.id };
  }

  it("leaves another organisation's plan and visit note untouched", async () => {
    expect(await testApp.prisma.treatmentPlan.findUniqueOrThrow({ where: { id: foreign.ids['plans:id'] } })).toMatchObject({ version: 1, status: 'active', reviewedAt: null });
    expect(await testApp.prisma.visitNote.findUniqueOrThrow({ where: { id: foreign.ids['visits:id'] } })).toMatchObject({ version: 1, status: 'draft', subjective: '' });
    expect(await testApp.prisma.visitAddendum.count({ where: { visitNoteId: foreign.ids['visits:id'] } })).toBe(0);
  });

  it("leaves another organisation's schedule and set-up untouched", async () => {
    expect(await testApp.prisma.appointment.findUniqueOrThrow({ where: { id: foreign.ids['appointments:id'] } })).toMatchObject({ version: 1, status: 'booked', notes: null });
    expect(await testApp.prisma.appointmentChange.count({ where: { appointmentId: foreign.ids['appointments:id'] } })).toBe(0);
    expect(await testApp.prisma.clinicianTimeOff.count({ where: { id: foreign.ids.timeOffId } })).toBe(1);
    expect(await testApp.prisma.clinicianTimeOff.count({ where: { clinicianId: foreign.ids['clinicians:id'] } })).toBe(1);
    expect(await testApp.prisma.room.findUniqueOrThrow({ where: { id: foreign.ids['rooms:id'] } })).toMatchObject({ active: true });
    expect(await testApp.prisma.appointmentType.findUniqueOrThrow({ where: { id: foreign.ids['appointment-types:id'] } })).toMatchObject({ active: true });
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
