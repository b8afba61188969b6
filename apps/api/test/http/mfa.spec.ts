import { LoginResponse, MfaEnableResponse, MfaSetupResponse } from '@ims/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { createOrganisation, createUser } from '../support/factories';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { enrolMfa, signInWithMfa, TestAuthenticator } from '../support/mfa-helpers';

// Some flows wait for the next 30-second TOTP step rather than reuse a code.
jest.setTimeout(90_000);

const problemKind = (body: { type?: string }) => body.type?.split('/').pop();

describe('two-factor sign-in (TOTP and recovery codes)', () => {
  let testApp: TestApp;
  let organisationId: string;
  let clinicId: string;

  beforeAll(async () => {
    testApp = await startTestApp({ MFA_REQUIRED_ROLES: 'admin,manager' });
    const { organisation, clinic } = await createOrganisation(testApp.prisma);
    organisationId = organisation.id;
    clinicId = clinic.id;
  });
  afterAll(() => testApp.close());

  const newUser = (roles: Array<'admin' | 'manager' | 'physiotherapist' | 'receptionist'>) =>
    createUser(testApp.prisma, { organisationId, clinicIds: [clinicId], roles });
  const me = async (agent: SignedInAgent) => LoginResponse.parse((await agent.get('/api/auth/me').expect(200)).body);
  const auditActions = async (userId: string) =>
    (await testApp.prisma.auditEvent.findMany({ where: { entityId: userId }, orderBy: { id: 'asc' }, select: { action: true } })).map((e) => e.action);

  it('makes a manager enrol before anything else, then lets them in', async () => {
    const manager = await newUser(['manager']);
    const login = await testApp.http.post('/api/auth/login').send({ email: manager.email, password: 'correct horse battery staple' }).expect(200);
    expect(LoginResponse.parse(login.body).mfa).toBe('enrol');

    const agent = await signIn(testApp, manager.email);
    expect((await me(agent)).mfa).toBe('enrol');
    const blocked = await agent.get('/api/clinics').expect(401);
    expect(problemKind(blocked.body)).toBe('mfa-required');
    expect(blocked.body.detail).toMatch(/set it up/);
    // CSRF still applies to the two-factor routes.
    const noCsrf = await testApp.http.post('/api/auth/mfa/setup').set('Cookie', agent.cookie).expect(403);
    expect(problemKind(noCsrf.body)).toBe('csrf');

    const setup = MfaSetupResponse.parse((await agent.post('/api/auth/mfa/setup').expect(200)).body);
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\/.+secret=[A-Z2-7]{32}.*algorithm=SHA1&digits=6&period=30/);
    expect(setup.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    const pending = await testApp.prisma.user.findUniqueOrThrow({ where: { id: manager.id } });
    expect(pending.totpEnabledAt).toBeNull();
    expect(pending.totpSecretEnc).toMatch(/^v1\./);
    expect(pending.totpSecretEnc).not.toContain(setup.secret);
    expect((await me(agent)).mfa).toBe('enrol');

    const authenticator = new TestAuthenticator(setup.secret);
    const wrong = await agent.post('/api/auth/mfa/enable', { code: authenticator.wrongCode() }).expect(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ path: 'code' })]);
    const malformed = await agent.post('/api/auth/mfa/enable', { code: '12ab' }).expect(400);
    expect(malformed.body.errors[0].path).toBe('code');

    const enabled = MfaEnableResponse.parse((await agent.post('/api/auth/mfa/enable', { code: await authenticator.nextCode() }).expect(200)).body);
    expect(enabled.recoveryCodes).toHaveLength(10);
    for (const code of enabled.recoveryCodes) expect(code).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
    const stored = await testApp.prisma.mfaRecoveryCode.findMany({ where: { userId: manager.id } });
    expect(stored).toHaveLength(10);
    expect(stored.map((row) => row.codeHash)).not.toEqual(expect.arrayContaining([enabled.recoveryCodes[0]]));

    // Enabling is this session's second factor.
    expect(await me(agent)).toMatchObject({ mfa: 'passed', user: { mfaEnabled: true } });
    await agent.get('/api/clinics').expect(200);
    expect(problemKind((await agent.post('/api/auth/mfa/setup').expect(409)).body)).toBe('conflict');
    expect(await auditActions(manager.id)).toEqual(expect.arrayContaining(['mfa_setup', 'mfa_enable']));
  });

  it('asks for a code at each sign-in, accepts each code and recovery code once, and refuses to turn off for a manager', async () => {
    const manager = await newUser(['manager']);
    const { authenticator, recoveryCodes } = await enrolMfa(await signIn(testApp, manager.email));

    const agent = await signIn(testApp, manager.email);
    expect((await me(agent)).mfa).toBe('verify');
    const blocked = await agent.get('/api/clinics').expect(401);
    expect(problemKind(blocked.body)).toBe('mfa-required');
    expect(blocked.body.detail).toMatch(/code/);
    // Enrolling again is not a way around the code.
    expect((await agent.post('/api/auth/mfa/setup').expect(409)).body.detail).toMatch(/already on/);

    const wrong = await agent.post('/api/auth/mfa/verify', { code: authenticator.wrongCode() }).expect(401);
    expect(problemKind(wrong.body)).toBe('mfa-invalid-code');
    const code = await authenticator.nextCode();
    const verified = LoginResponse.parse((await agent.post('/api/auth/mfa/verify', { code }).expect(200)).body);
    expect(verified).toMatchObject({ mfa: 'passed', csrfToken: agent.csrfToken, user: { id: manager.id, mfaEnabled: true } });
    await agent.get('/api/clinics').expect(200);
    expect((await agent.post('/api/auth/mfa/verify', { code }).expect(409)).body.detail).toMatch(/already passed/);

    // The same code on another session is refused: it was spent.
    const second = await signIn(testApp, manager.email);
    expect(problemKind((await second.post('/api/auth/mfa/verify', { code }).expect(401)).body)).toBe('mfa-invalid-code');

    // A recovery code works once, typed in any case.
    await second.post('/api/auth/mfa/verify', { recoveryCode: recoveryCodes[0].toUpperCase() }).expect(200);
    await second.get('/api/clinics').expect(200);
    const third = await signIn(testApp, manager.email);
    await third.post('/api/auth/mfa/verify', { recoveryCode: recoveryCodes[0] }).expect(401);
    expect((await testApp.prisma.mfaRecoveryCode.count({ where: { userId: manager.id, usedAt: { not: null } } }))).toBe(1);

    const refused = await second.post('/api/auth/mfa/disable', { password: 'correct horse battery staple', code: authenticator.wrongCode() }).expect(422);
    expect(refused.body.violations).toEqual([expect.objectContaining({ rule: 'mfa-required-for-role' })]);
    expect(await auditActions(manager.id)).toEqual(
      expect.arrayContaining(['mfa_verify', 'mfa_verify_failed', 'mfa_recovery_code_used']),
    );
  });

  it('lets only one of two simultaneous sign-ins spend the same code', async () => {
    const manager = await newUser(['manager']);
    const { authenticator } = await enrolMfa(await signIn(testApp, manager.email));
    const [first, second] = [await signIn(testApp, manager.email), await signIn(testApp, manager.email)];
    const code = await authenticator.nextCode();
    const statuses = (await Promise.all([first, second].map((agent) => agent.post('/api/auth/mfa/verify', { code })))).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 401]);
  });

  it('throttles wrong codes per account with the sign-in limit, and signing in again does not reset the count', async () => {
    const manager = await newUser(['manager']);
    const { authenticator } = await enrolMfa(await signIn(testApp, manager.email));
    const agent = await signIn(testApp, manager.email);
    for (let attempt = 0; attempt < 5; attempt++) {
      await agent.post('/api/auth/mfa/verify', { code: authenticator.wrongCode() }).expect(401);
    }
    const throttled = await agent.post('/api/auth/mfa/verify', { code: await authenticator.nextCode() }).expect(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    await testApp.http.post('/api/auth/login').send({ email: manager.email, password: 'correct horse battery staple' }).expect(429);
  });

  it('lets a physiotherapist turn two-factor on and renew the recovery codes (the old ones stop working)', async () => {
    const physio = await newUser(['physiotherapist']);
    const plain = await signIn(testApp, physio.email);
    expect(await me(plain)).toMatchObject({ mfa: 'passed', user: { mfaEnabled: false } });
    const { authenticator, recoveryCodes: firstCodes } = await enrolMfa(plain);
    expect((await me(plain)).mfa).toBe('passed');

    const agent = await signInWithMfa(testApp, physio.email, authenticator);
    await agent.post('/api/auth/mfa/recovery-codes', { code: authenticator.wrongCode() }).expect(400);
    const renewed = MfaEnableResponse.parse((await agent.post('/api/auth/mfa/recovery-codes', { code: await authenticator.nextCode() }).expect(200)).body);
    expect(renewed.recoveryCodes).toHaveLength(10);
    expect(renewed.recoveryCodes.filter((code) => firstCodes.includes(code))).toEqual([]);
    const withOld = await signIn(testApp, physio.email);
    await withOld.post('/api/auth/mfa/verify', { recoveryCode: firstCodes[1] }).expect(401);
    await withOld.post('/api/auth/mfa/verify', { recoveryCode: renewed.recoveryCodes[1] }).expect(200);
    expect(await auditActions(physio.id)).toContain('mfa_recovery_codes_regenerated');
  });

  it('lets a physiotherapist turn two-factor off with password and code', async () => {
    const physio = await newUser(['physiotherapist']);
    const { authenticator } = await enrolMfa(await signIn(testApp, physio.email));
    const agent = await signInWithMfa(testApp, physio.email, authenticator);

    const wrongPassword = await agent.post('/api/auth/mfa/disable', { password: 'not the password', code: authenticator.wrongCode() }).expect(400);
    expect(wrongPassword.body.errors).toEqual([expect.objectContaining({ path: 'password' })]);
    const wrongCode = await agent.post('/api/auth/mfa/disable', { password: 'correct horse battery staple', code: authenticator.wrongCode() }).expect(400);
    expect(wrongCode.body.errors).toEqual([expect.objectContaining({ path: 'code' })]);
    await agent.post('/api/auth/mfa/disable', { password: 'correct horse battery staple', code: await authenticator.nextCode() }).expect(204);

    const cleared = await testApp.prisma.user.findUniqueOrThrow({ where: { id: physio.id } });
    expect(cleared).toMatchObject({ totpSecretEnc: null, totpEnabledAt: null });
    expect(await testApp.prisma.mfaRecoveryCode.count({ where: { userId: physio.id } })).toBe(0);
    expect((await me(await signIn(testApp, physio.email))).mfa).toBe('passed');
    await agent.post('/api/auth/mfa/disable', { password: 'correct horse battery staple', code: authenticator.wrongCode() }).expect(409);
    expect(await auditActions(physio.id)).toEqual(expect.arrayContaining(['mfa_disable_failed', 'mfa_disable']));
  });

  it("lets an admin reset a user's two-factor, ending their sessions; other organisations' users are 404", async () => {
    const admin = await newUser(['admin']);
    const { authenticator: adminAuthenticator } = await enrolMfa(await signIn(testApp, admin.email));
    const adminAgent = await signInWithMfa(testApp, admin.email, adminAuthenticator);

    const physio = await newUser(['physiotherapist']);
    const { authenticator } = await enrolMfa(await signIn(testApp, physio.email));
    const physioAgent = await signInWithMfa(testApp, physio.email, authenticator);
    expect((await physioAgent.post(`/api/users/${admin.id}/mfa/reset`).expect(403)).body.type).toMatch(/forbidden$/);

    await adminAgent.post(`/api/users/${physio.id}/mfa/reset`).expect(204);
    await physioAgent.get('/api/auth/me').expect(401);
    const reset = await testApp.prisma.user.findUniqueOrThrow({ where: { id: physio.id } });
    expect(reset).toMatchObject({ totpSecretEnc: null, totpEnabledAt: null });
    expect(await testApp.prisma.mfaRecoveryCode.count({ where: { userId: physio.id } })).toBe(0);
    expect((await me(await signIn(testApp, physio.email))).mfa).toBe('passed');
    expect(await auditActions(physio.id)).toContain('mfa_reset');

    const other = await createOrganisation(testApp.prisma);
    const foreign = await createUser(testApp.prisma, { organisationId: other.organisation.id, clinicIds: [other.clinic.id], roles: ['physiotherapist'] });
    await adminAgent.post(`/api/users/${foreign.id}/mfa/reset`).expect(404);
    await adminAgent.post('/api/users/not-a-uuid/mfa/reset').expect(400);
  });
});
