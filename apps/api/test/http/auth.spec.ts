import { Problem } from '@ims/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { createOrganisation, createUser, TEST_PASSWORD } from '../support/factories';
import { signIn } from '../support/sign-in';

const withoutRequestFields = (body: Record<string, unknown>) => {
  const { requestId: _requestId, instance: _instance, ...rest } = body;
  return rest;
};

describe('sign-in, sessions and CSRF', () => {
  let testApp: TestApp;
  let organisationId: string;
  let clinicId: string;

  beforeAll(async () => {
    testApp = await startTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '5', LOGIN_MAX_FAILURES_PER_ADDRESS: '12' });
    const { organisation, clinic } = await createOrganisation(testApp.prisma);
    organisationId = organisation.id;
    clinicId = clinic.id;
  });
  afterAll(() => testApp.close());

  const newUser = (overrides: { active?: boolean } = {}) =>
    createUser(testApp.prisma, { organisationId, clinicIds: [clinicId], roles: ['physiotherapist'], ...overrides });

  it('signs in with an httpOnly SameSite cookie and returns the login shape with a CSRF token', async () => {
    const user = await newUser();
    const response = await testApp.http.post('/api/auth/login').send({ email: `  ${user.email.toUpperCase()} `, password: TEST_PASSWORD }).expect(200);
    expect(response.body).toMatchObject({
      user: { id: user.id, email: user.email, roles: ['physiotherapist'], clinicIds: [clinicId], organisationId },
      csrfToken: expect.any(String),
    });
    const cookie = [response.headers['set-cookie']].flat()[0] as string;
    expect(cookie).toMatch(/^ims_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);

    const me = await testApp.http.get('/api/auth/me').set('Cookie', cookie.split(';')[0]).expect(200);
    expect(me.body.csrfToken).toBe(response.body.csrfToken);
    const stored = await testApp.prisma.authSession.findFirstOrThrow({ where: { userId: user.id } });
    expect(cookie).not.toContain(stored.tokenHash);
  });

  it('marks the cookie Secure behind a trusted https proxy', async () => {
    const proxied = await startTestApp({ TRUST_PROXY: 'true' });
    const { organisation, clinic } = await createOrganisation(proxied.prisma);
    const user = await createUser(proxied.prisma, { organisationId: organisation.id, clinicIds: [clinic.id], roles: ['receptionist'] });
    const response = await proxied.http
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ email: user.email, password: TEST_PASSWORD })
      .expect(200);
    expect([response.headers['set-cookie']].flat()[0]).toMatch(/; Secure/);
    await proxied.close();
  });

  it('answers an unknown email and a wrong password identically, in similar time', async () => {
    const user = await newUser();
    const time = async (email: string) => {
      const started = performance.now();
      const response = await testApp.http.post('/api/auth/login').send({ email, password: 'wrong password here' });
      return { response, ms: performance.now() - started };
    };
    const unknown = [];
    const wrong = [];
    for (let i = 0; i < 3; i++) {
      unknown.push(await time(`nobody-${i}@nowhere.clinic`));
      wrong.push(await time(user.email));
    }
    for (const { response } of [...unknown, ...wrong]) {
      expect(response.status).toBe(401);
      expect(Problem.parse(response.body).detail).toBe('Email or password is incorrect');
    }
    expect(withoutRequestFields(unknown[0].response.body)).toEqual(withoutRequestFields(wrong[0].response.body));
    const median = (runs: { ms: number }[]) => runs.map((r) => r.ms).sort((a, b) => a - b)[1];
    // Both paths run one argon2id verification; an unknown email must not answer measurably faster.
    expect(median(unknown) / median(wrong)).toBeGreaterThan(0.33);
    expect(median(unknown) / median(wrong)).toBeLessThan(3);
    await testApp.prisma.loginFailure.deleteMany({});
  });

  it('throttles guessing on one account with 429 and Retry-After, even for the right password', async () => {
    const user = await newUser();
    for (let i = 0; i < 5; i++) {
      await testApp.http.post('/api/auth/login').send({ email: user.email, password: `guess ${i} guess ${i}` }).expect(401);
    }
    const blocked = await testApp.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body.type).toMatch(/too-many-requests$/);
    const failures = await testApp.prisma.auditEvent.count({ where: { action: 'login_failed', entityId: user.id } });
    expect(failures).toBe(5);
    await testApp.prisma.loginFailure.deleteMany({});
  });

  it('throttles one address trying many accounts', async () => {
    for (let i = 0; i < 12; i++) {
      await testApp.http.post('/api/auth/login').send({ email: `spray-${i}@nowhere.clinic`, password: 'password spray' }).expect(401);
    }
    const user = await newUser();
    await testApp.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(429);
    await testApp.prisma.loginFailure.deleteMany({});
  });

  it('refuses a deactivated user with the same answer as a wrong password', async () => {
    const user = await newUser({ active: false });
    const response = await testApp.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(401);
    expect(response.body.detail).toBe('Email or password is incorrect');
    await testApp.prisma.loginFailure.deleteMany({});
  });

  it('requires the session CSRF token on writes, then logout revokes the session', async () => {
    const user = await newUser();
    const agent = await signIn(testApp, user.email);
    const missing = await testApp.http.post('/api/auth/logout').set('Cookie', agent.cookie).expect(403);
    expect(missing.body.type).toMatch(/\/csrf$/);
    await testApp.http.post('/api/auth/logout').set('Cookie', agent.cookie).set('X-CSRF-Token', 'x'.repeat(32)).expect(403);
    await agent.post('/api/auth/logout').expect(204);
    await agent.get('/api/auth/me').expect(401);
    const session = await testApp.prisma.authSession.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.revokedAt).toBeInstanceOf(Date);
  });

  it('ends a session after the idle timeout and after its absolute lifetime', async () => {
    const user = await newUser();
    const idle = await signIn(testApp, user.email);
    await testApp.prisma.authSession.updateMany({ where: { userId: user.id }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    await idle.get('/api/auth/me').expect(401);

    const other = await newUser();
    const expired = await signIn(testApp, other.email);
    await testApp.prisma.authSession.updateMany({ where: { userId: other.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expired.get('/api/auth/me').expect(401);
  });

  it('answers 401 problem+json without a session', async () => {
    const response = await testApp.http.get('/api/auth/me').expect(401);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
