import { AppointmentTypeList, ClinicList, RoomList } from '@ims/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { createOrganisation, createUser } from '../support/factories';
import { createClinic } from '../support/clinician-factories';
import { createAppointmentType, createRoom } from '../support/clinic-setup-factories';
import { signIn, type SignedInAgent } from '../support/sign-in';

describe('clinic set-up reads (/api/clinics, /api/rooms, /api/appointment-types)', () => {
  let testApp: TestApp;
  let ids: { home: string; other: string; foreign: string; homeRoom: string; otherRoom: string; homeType: string; otherType: string };
  const agents: Record<'receptionist' | 'physiotherapist' | 'manager' | 'admin', SignedInAgent> = {} as never;

  beforeAll(async () => {
    testApp = await startTestApp();
    const { organisation, clinic: home } = await createOrganisation(testApp.prisma);
    const organisationId = organisation.id;
    const other = await createClinic(testApp.prisma, { organisationId, timeZone: 'America/Edmonton' });
    const foreign = await createOrganisation(testApp.prisma);
    await createRoom(testApp.prisma, { organisationId: foreign.organisation.id, clinicId: foreign.clinic.id });
    ids = {
      home: home.id,
      other: other.id,
      foreign: foreign.clinic.id,
      homeRoom: (await createRoom(testApp.prisma, { organisationId, clinicId: home.id, name: 'Room 1' })).id,
      otherRoom: (await createRoom(testApp.prisma, { organisationId, clinicId: other.id, name: 'Room A', active: false })).id,
      homeType: (await createAppointmentType(testApp.prisma, { organisationId, clinicId: home.id, kind: 'initial_assessment', durationMinutes: 60 })).id,
      otherType: (await createAppointmentType(testApp.prisma, { organisationId, clinicId: other.id })).id,
    };
    // Everyone works at the home clinic only; admins and managers still see both clinics.
    for (const role of ['receptionist', 'physiotherapist', 'manager', 'admin'] as const) {
      const user = await createUser(testApp.prisma, { organisationId, clinicIds: [home.id], roles: [role] });
      agents[role] = await signIn(testApp, user.email);
    }
  });
  afterAll(() => testApp.close());

  it.each(['receptionist', 'physiotherapist'] as const)('shows a %s only the clinics they belong to', async (role) => {
    const agent = agents[role];
    const clinics = ClinicList.parse((await agent.get('/api/clinics').expect(200)).body);
    expect(clinics.items).toEqual([expect.objectContaining({ id: ids.home, timeZone: 'America/Vancouver', lateCancelNoticeHours: 24 })]);
    expect(RoomList.parse((await agent.get('/api/rooms').expect(200)).body).items.map((r) => r.id)).toEqual([ids.homeRoom]);
    const types = AppointmentTypeList.parse((await agent.get(`/api/appointment-types?clinicId=${ids.home}`).expect(200)).body);
    expect(types.items).toEqual([expect.objectContaining({ id: ids.homeType, kind: 'initial_assessment', durationMinutes: 60, active: true })]);
    await agent.get(`/api/rooms?clinicId=${ids.other}`).expect(404);
    await agent.get(`/api/appointment-types?clinicId=${ids.other}`).expect(404);
  });

  it.each(['manager', 'admin'] as const)('shows a %s every clinic of the organisation, and no other', async (role) => {
    const agent = agents[role];
    const clinics = ClinicList.parse((await agent.get('/api/clinics').expect(200)).body);
    expect(clinics.items.map((c) => c.id).sort()).toEqual([ids.home, ids.other].sort());
    const rooms = RoomList.parse((await agent.get(`/api/rooms?clinicId=${ids.other}`).expect(200)).body);
    expect(rooms.items).toEqual([{ id: ids.otherRoom, clinicId: ids.other, name: 'Room A', active: false }]);
    const types = AppointmentTypeList.parse((await agent.get('/api/appointment-types').expect(200)).body);
    expect(types.items.map((t) => t.id).sort()).toEqual([ids.homeType, ids.otherType].sort());
    expect(RoomList.parse((await agent.get('/api/rooms').expect(200)).body).items).toHaveLength(2);
  });

  it('treats another organisation’s clinic as unknown (404) and a malformed clinicId as bad input (400)', async () => {
    await agents.admin.get(`/api/rooms?clinicId=${ids.foreign}`).expect(404);
    await agents.manager.get(`/api/appointment-types?clinicId=${ids.foreign}`).expect(404);
    const bad = await agents.admin.get('/api/rooms?clinicId=clinic-1').expect(400);
    expect(bad.body.errors).toEqual([{ path: 'clinicId', message: expect.any(String) }]);
  });

  it('needs a session', async () => {
    await testApp.http.get('/api/clinics').expect(401);
    await testApp.http.get('/api/rooms').expect(401);
    await testApp.http.get('/api/appointment-types').expect(401);
  });
});
