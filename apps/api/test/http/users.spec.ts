import { randomUUID } from 'node:crypto';
import { CreateUserResponse, PasswordLink, User, UserPage } from '@ims/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { createOrganisation, createUser, TEST_PASSWORD } from '../support/factories';
import { createClinic } from '../support/clinician-factories';
import { signIn, type SignedInAgent } from '../support/sign-in';

describe('user administration (/api/users)', () => {
  let testApp: TestApp;
  let organisationId: string;
  let clinicId: string;
  let secondClinicId: string;
  let foreignClinicId: string;
  let foreignUserId: string;
  let adminId: string;
  let admin: SignedInAgent;

  beforeAll(async () => {
    testApp = await startTestApp();
    const { organisation, clinic } = await createOrganisation(testApp.prisma);
    organisationId = organisation.id;
    clinicId = clinic.id;
    secondClinicId = (await createClinic(testApp.prisma, { organisationId })).id;
    const adminUser = await createUser(testApp.prisma, { organisationId, clinicIds: [clinicId], roles: ['admin'] });
    adminId = adminUser.id;
    admin = await signIn(testApp, adminUser.email);
    const foreign = await createOrganisation(testApp.prisma);
    foreignClinicId = foreign.clinic.id;
    foreignUserId = (await createUser(testApp.prisma, { organisationId: foreign.organisation.id, clinicIds: [foreignClinicId], roles: ['physiotherapist'] })).id;
  });
  afterAll(() => testApp.close());

  const newEmail = () => `new-${randomUUID().slice(0, 8)}@test.clinic`;
  const newUser = (roles: Array<'receptionist' | 'physiotherapist' | 'manager' | 'admin'> = ['physiotherapist']) =>
    createUser(testApp.prisma, { organisationId, clinicIds: [clinicId], roles });
  const auditOf = (entityId: string) => testApp.prisma.auditEvent.findMany({ where: { entityType: 'user', entityId }, orderBy: { id: 'asc' } });

  it('creates a user with a set-password link, no usable password, and audits it', async () => {
    const email = newEmail();
    const response = await admin
      .post('/api/users', { email: `  ${email.toUpperCase()} `, name: 'Ana Ruiz', roles: ['physiotherapist', 'receptionist'], clinicIds: [secondClinicId, clinicId] })
      .expect(201);
    const body = CreateUserResponse.parse(response.body);
    expect(body.user).toMatchObject({ email, name: 'Ana Ruiz', active: true, mfaEnabled: false, clinicianId: null, version: 1, deactivatedAt: null });
    expect(body.user.clinicIds).toEqual([clinicId, secondClinicId].sort());
    expect(body.setPasswordLink.url).toMatch(/\/reset-password\?token=[A-Za-z0-9_-]{43}$/);
    const hoursValid = (Date.parse(body.setPasswordLink.expiresAt) - Date.now()) / 3_600_000;
    expect(hoursValid).toBeGreaterThan(71.9);
    expect(hoursValid).toBeLessThanOrEqual(72);

    // Nobody knows the initial password: signing in fails until the link is used.
    await testApp.http.post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(401);
    const token = new URL(body.setPasswordLink.url).searchParams.get('token')!;
    const stored = await testApp.prisma.passwordResetToken.findMany({ where: { userId: body.user.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).not.toContain(token);
    expect(stored[0].issuedById).toBe(adminId);

    const audit = (await auditOf(body.user.id)).filter((a) => a.action !== 'login_failed');
    expect(audit.map((a) => [a.action, a.userId, a.organisationId])).toEqual([
      ['create', adminId, organisationId],
      ['issue_password_link', adminId, organisationId],
    ]);
    expect(audit[0].detail).toMatchObject({ email, roles: ['physiotherapist', 'receptionist'] });
    expect(JSON.stringify(audit.map((a) => a.detail))).not.toMatch(/passwordHash|\$argon2/);
  });

  it('refuses a duplicate email with 409 naming it, whatever its case', async () => {
    const existing = await newUser();
    const response = await admin.post('/api/users', { email: existing.email.toUpperCase(), name: 'Twin', roles: ['receptionist'], clinicIds: [clinicId] }).expect(409);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(response.body.conflicts)).toContain(existing.email);
  });

  it('refuses clinics of another organisation (400 naming clinicIds) and invalid input', async () => {
    const email = newEmail();
    const response = await admin.post('/api/users', { email, name: 'X', roles: ['receptionist'], clinicIds: [clinicId, foreignClinicId] }).expect(400);
    expect(response.body.errors).toEqual([{ path: 'clinicIds', message: expect.any(String) }]);
    expect(await testApp.prisma.user.findUnique({ where: { email } })).toBeNull();

    const invalid = await admin.post('/api/users', { email: 'not-an-email', name: '', roles: [], clinicIds: [] }).expect(400);
    expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['clinicIds', 'email', 'name', 'roles']);
  });

  it('lists only the organisation, filtered by text, role and activity, a page at a time', async () => {
    const tag = randomUUID().slice(0, 6);
    const zed = await testApp.prisma.user.update({ where: { id: (await newUser(['manager'])).id }, data: { name: `Zed ${tag}` } });
    const amy = await testApp.prisma.user.update({ where: { id: (await newUser(['receptionist'])).id }, data: { name: `Amy ${tag}` } });
    await testApp.prisma.user.update({ where: { id: (await newUser(['receptionist'])).id }, data: { name: `Bob ${tag}`, active: false } });

    const byText = UserPage.parse((await admin.get(`/api/users?q=${tag.toUpperCase()}`).expect(200)).body);
    expect(byText.items.map((u) => u.name)).toEqual([`Amy ${tag}`, `Bob ${tag}`, `Zed ${tag}`]);
    expect(byText.total).toBe(3);
    const byEmail = UserPage.parse((await admin.get(`/api/users?q=${zed.email.slice(0, 12)}`).expect(200)).body);
    expect(byEmail.items.map((u) => u.id)).toEqual([zed.id]);

    const activeReceptionists = UserPage.parse((await admin.get(`/api/users?q=${tag}&role=receptionist&active=true`).expect(200)).body);
    expect(activeReceptionists.items.map((u) => u.id)).toEqual([amy.id]);

    const page2 = UserPage.parse((await admin.get(`/api/users?q=${tag}&page=2&pageSize=2`).expect(200)).body);
    expect(page2).toMatchObject({ total: 3, items: [{ name: `Zed ${tag}` }] });

    const all = UserPage.parse((await admin.get('/api/users?pageSize=200').expect(200)).body);
    expect(all.items.map((u) => u.id)).not.toContain(foreignUserId);
    expect(all.items.every((u) => !('passwordHash' in u))).toBe(true);

    const bad = await admin.get('/api/users?role=wizard&pageSize=0').expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['pageSize', 'role']);
  });

  it('answers 404 for another organisation’s user, and 400 for an id that is not a UUID', async () => {
    await admin.get(`/api/users/${foreignUserId}`).expect(404);
    await admin.patch(`/api/users/${foreignUserId}`, { version: 1, name: 'Hijack' }).expect(404);
    await admin.post(`/api/users/${foreignUserId}/password-link`).expect(404);
    expect((await testApp.prisma.user.findUniqueOrThrow({ where: { id: foreignUserId } })).name).toBe('Test User');
    expect(await testApp.prisma.passwordResetToken.count({ where: { userId: foreignUserId } })).toBe(0);
    const bad = await admin.get('/api/users/not-a-uuid').expect(400);
    expect(bad.body.errors).toEqual([{ path: 'id', message: expect.any(String) }]);
  });

  it.each(['physiotherapist', 'receptionist', 'manager'] as const)('refuses every user route to a %s (403)', async (role) => {
    const caller = await newUser([role]);
    const other = await newUser();
    const agent = await signIn(testApp, caller.email);
    await agent.get('/api/users').expect(403);
    await agent.get(`/api/users/${other.id}`).expect(403);
    await agent.post('/api/users', { email: newEmail(), name: 'X', roles: ['admin'], clinicIds: [clinicId] }).expect(403);
    await agent.patch(`/api/users/${other.id}`, { version: 1, roles: ['admin'] }).expect(403);
    await agent.post(`/api/users/${other.id}/password-link`).expect(403);
    expect((await testApp.prisma.user.findUniqueOrThrow({ where: { id: other.id } })).roles).toEqual(['physiotherapist']);
  });

  it('edits name, roles and clinics with the current version, and audits the changed fields', async () => {
    const user = await newUser();
    const response = await admin.patch(`/api/users/${user.id}`, { version: 1, name: 'Renamed', roles: ['manager'], clinicIds: [secondClinicId] }).expect(200);
    expect(User.parse(response.body)).toMatchObject({ version: 2, name: 'Renamed', roles: ['manager'], clinicIds: [secondClinicId] });
    const [row] = await auditOf(user.id);
    expect(row).toMatchObject({ action: 'update', userId: adminId });
    expect(row.detail).toEqual({
      changes: {
        name: { from: 'Test User', to: 'Renamed' },
        roles: { from: ['physiotherapist'], to: ['manager'] },
        clinicIds: { from: [clinicId], to: [secondClinicId] },
      },
    });
    const reread = User.parse((await admin.get(`/api/users/${user.id}`).expect(200)).body);
    expect(reread).toEqual(response.body);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const user = await newUser();
    await admin.patch(`/api/users/${user.id}`, { version: 1, name: 'First' }).expect(200);
    const stale = await admin.patch(`/api/users/${user.id}`, { version: 1, name: 'Second', roles: ['admin'] }).expect(409);
    expect(stale.body.type).toMatch(/\/stale-version$/);
    const row = await testApp.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ name: 'First', roles: ['physiotherapist'], version: 2 });
    expect((await admin.patch(`/api/users/${user.id}`, { name: 'No version' }).expect(400)).body.errors).toEqual([{ path: 'version', message: expect.any(String) }]);
  });

  it('refuses clinics of another organisation on edit (400 naming clinicIds)', async () => {
    const user = await newUser();
    const response = await admin.patch(`/api/users/${user.id}`, { version: 1, clinicIds: [foreignClinicId] }).expect(400);
    expect(response.body.errors).toEqual([{ path: 'clinicIds', message: expect.any(String) }]);
    expect(await testApp.prisma.userClinic.findMany({ where: { userId: user.id }, select: { clinicId: true } })).toEqual([{ clinicId }]);
  });

  it('deactivation ends the user’s sessions at once and blocks sign-in; reactivation restores sign-in', async () => {
    const user = await newUser();
    const first = await signIn(testApp, user.email);
    const second = await signIn(testApp, user.email);
    await first.get('/api/auth/me').expect(200);

    const response = await admin.patch(`/api/users/${user.id}`, { version: 1, active: false }).expect(200);
    expect(User.parse(response.body)).toMatchObject({ active: false, version: 2, deactivatedAt: expect.any(String) });
    await first.get('/api/auth/me').expect(401);
    await second.get('/api/auth/me').expect(401);
    expect(await testApp.prisma.authSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    await testApp.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(401);
    await admin.post(`/api/users/${user.id}/password-link`).expect(422);

    const back = await admin.patch(`/api/users/${user.id}`, { version: 2, active: true }).expect(200);
    expect(back.body).toMatchObject({ active: true, deactivatedAt: null, version: 3 });
    await signIn(testApp, user.email);
    expect((await auditOf(user.id)).filter((a) => a.action !== 'login' && a.action !== 'login_failed').map((a) => a.action)).toEqual(['deactivate', 'reactivate']);
  });

  it('keeps an admin from deactivating themself or dropping their own admin role (422)', async () => {
    const me = await newUser(['admin', 'physiotherapist']);
    const agent = await signIn(testApp, me.email);
    const deactivate = await agent.patch(`/api/users/${me.id}`, { version: 1, active: false }).expect(422);
    expect(deactivate.body.violations).toEqual([{ rule: 'self-deactivation', message: expect.any(String) }]);
    const demote = await agent.patch(`/api/users/${me.id}`, { version: 1, roles: ['physiotherapist'] }).expect(422);
    expect(demote.body.violations).toEqual([{ rule: 'self-admin-removal', message: expect.any(String) }]);
    expect(await testApp.prisma.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({ active: true, roles: ['admin', 'physiotherapist'], version: 1 });
    // Another admin may do both.
    await admin.patch(`/api/users/${me.id}`, { version: 1, roles: ['physiotherapist'] }).expect(200);
  });

  it('issues a one-hour password link that replaces the older one, audited', async () => {
    const user = await newUser();
    const first = PasswordLink.parse((await admin.post(`/api/users/${user.id}/password-link`).expect(201)).body);
    const second = PasswordLink.parse((await admin.post(`/api/users/${user.id}/password-link`).expect(201)).body);
    const minutesValid = (Date.parse(second.expiresAt) - Date.now()) / 60_000;
    expect(minutesValid).toBeGreaterThan(59);
    expect(minutesValid).toBeLessThanOrEqual(60);
    expect(second.url).not.toBe(first.url);
    const usable = await testApp.prisma.passwordResetToken.count({ where: { userId: user.id, usedAt: null, expiresAt: { gt: new Date() } } });
    expect(usable).toBe(1);
    expect((await auditOf(user.id)).map((a) => a.action)).toEqual(['issue_password_link', 'issue_password_link']);
  });
});
