import { randomUUID } from 'node:crypto';
import { PasswordLink, PasswordResetRequested } from '@ims/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { createOrganisation, createUser, TEST_PASSWORD } from '../support/factories';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { startSmtpInbox, type SmtpInbox } from '../support/smtp-inbox';

const NEW_PASSWORD = 'lantern over the quiet harbour';
const INVALID_LINK = 'This link is invalid or has expired';
const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;
const withoutRequestFields = ({ requestId: _r, instance: _i, ...rest }: Record<string, unknown>) => rest;

/** Fresh organisation, an admin and a physiotherapist, in the given app's database. */
async function tenant(testApp: TestApp) {
  const { organisation, clinic } = await createOrganisation(testApp.prisma);
  const newUser = (roles: Array<'admin' | 'physiotherapist'> = ['physiotherapist']) =>
    createUser(testApp.prisma, { organisationId: organisation.id, clinicIds: [clinic.id], roles, email: `u-${randomUUID().slice(0, 8)}@test.clinic` });
  const adminUser = await newUser(['admin']);
  return { organisation, clinic, newUser, admin: await signIn(testApp, adminUser.email) };
}

describe('password reset links and password change', () => {
  let testApp: TestApp;
  let admin: SignedInAgent;
  let newUser: Awaited<ReturnType<typeof tenant>>['newUser'];
  let clinicId: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    ({ admin, newUser, clinic: { id: clinicId } } = await tenant(testApp));
  });
  afterAll(() => testApp.close());

  const issueLink = async (userId: string) => PasswordLink.parse((await admin.post(`/api/users/${userId}/password-link`).expect(201)).body);
  const complete = (token: string, password = NEW_PASSWORD) => testApp.http.post('/api/auth/password-reset/complete').send({ token, password });

  it('an admin-issued link sets the password once, ends every session and is audited', async () => {
    const user = await newUser();
    const oldSession = await signIn(testApp, user.email);
    const link = await issueLink(user.id);
    expect(link.url.startsWith('http://127.0.0.1')).toBe(true);

    await complete(tokenOf(link.url)).expect(204);
    await oldSession.get('/api/auth/me').expect(401);
    await testApp.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(401);
    await signIn(testApp, user.email, NEW_PASSWORD);

    const again = await complete(tokenOf(link.url), 'another fine passphrase').expect(400);
    expect(again.body.detail).toBe(INVALID_LINK);
    await signIn(testApp, user.email, NEW_PASSWORD);

    const row = await testApp.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordChangedAt.getTime()).toBeGreaterThan(row.createdAt.getTime());
    const audit = await testApp.prisma.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: 'password_reset' } });
    expect(audit).toMatchObject({ userId: user.id, organisationId: user.organisationId });
    expect(JSON.stringify(audit.detail)).not.toMatch(/\$argon2|lantern/);
  });

  it('a new user sets a first password through the set-password link', async () => {
    const email = `fresh-${randomUUID().slice(0, 8)}@test.clinic`;
    const created = await admin.post('/api/users', { email, name: 'Fresh Start', roles: ['receptionist'], clinicIds: [clinicId] }).expect(201);
    await complete(tokenOf(created.body.setPasswordLink.url)).expect(204);
    await signIn(testApp, email, NEW_PASSWORD);
  });

  it('refuses unknown, expired and superseded links with the same answer', async () => {
    const user = await newUser();
    const unknown = await complete('A'.repeat(43)).expect(400);
    expect(unknown.body).toMatchObject({ detail: INVALID_LINK, errors: [{ path: 'token', message: INVALID_LINK }] });

    const expired = await issueLink(user.id);
    await testApp.prisma.passwordResetToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expiredAnswer = await complete(tokenOf(expired.url)).expect(400);
    expect(withoutRequestFields(expiredAnswer.body)).toEqual(withoutRequestFields(unknown.body));

    const older = await issueLink(user.id);
    const newer = await issueLink(user.id);
    expect(withoutRequestFields((await complete(tokenOf(older.url)).expect(400)).body)).toEqual(withoutRequestFields(unknown.body));
    await complete(tokenOf(newer.url)).expect(204);
    await signIn(testApp, user.email, NEW_PASSWORD);
  });

  it('applies the password policy, and a refused password leaves the link usable', async () => {
    const user = await newUser();
    const link = await issueLink(user.id);
    const common = await complete(tokenOf(link.url), 'qwerty123456').expect(400);
    expect(common.body.errors).toEqual([{ path: 'password', message: expect.stringMatching(/common/) }]);
    const short = await complete(tokenOf(link.url), 'short-one').expect(400);
    expect(short.body.errors).toEqual([{ path: 'password', message: 'must be at least 12 characters' }]);
    const ownName = await complete(tokenOf(link.url), `${user.email.split('@')[0]} is me`).expect(400);
    expect(ownName.body.errors).toEqual([{ path: 'password', message: expect.stringMatching(/email/) }]);
    await complete(tokenOf(link.url)).expect(204);
  });

  it('lets only one of two simultaneous uses of a link succeed', async () => {
    const user = await newUser();
    const token = tokenOf((await issueLink(user.id)).url);
    const results = await Promise.all([complete(token, 'first racer passphrase'), complete(token, 'second racer passphrase')]);
    expect(results.map((r) => r.status).sort()).toEqual([204, 400]);
    const winner = results[0].status === 204 ? 'first racer passphrase' : 'second racer passphrase';
    await signIn(testApp, user.email, winner);
  });

  it('answers a reset request the same for a known and an unknown email (no SMTP configured)', async () => {
    const user = await newUser();
    const known = await testApp.http.post('/api/auth/password-reset/request').send({ email: user.email }).expect(202);
    const unknown = await testApp.http.post('/api/auth/password-reset/request').send({ email: `nobody-${randomUUID()}@test.clinic` }).expect(202);
    expect(PasswordResetRequested.parse(known.body)).toEqual(unknown.body);
    // Without SMTP nobody could receive a link, so none is issued.
    expect(await testApp.prisma.passwordResetToken.count({ where: { userId: user.id } })).toBe(0);
    const invalid = await testApp.http.post('/api/auth/password-reset/request').send({ email: 'nope' }).expect(400);
    expect(invalid.body.errors).toEqual([{ path: 'email', message: expect.any(String) }]);
  });

  it('changes the password: checks the current one, applies the policy, ends the other sessions', async () => {
    const user = await newUser();
    const here = await signIn(testApp, user.email);
    const elsewhere = await signIn(testApp, user.email);
    const wrong = await here.post('/api/auth/password', { currentPassword: 'not my password', newPassword: NEW_PASSWORD }).expect(400);
    expect(wrong.body.errors).toEqual([{ path: 'currentPassword', message: 'is incorrect' }]);
    const weak = await here.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'password1234' }).expect(400);
    expect(weak.body.errors).toEqual([{ path: 'newPassword', message: expect.stringMatching(/common/) }]);
    await elsewhere.get('/api/auth/me').expect(200);

    await here.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(204);
    await here.get('/api/auth/me').expect(200);
    await elsewhere.get('/api/auth/me').expect(401);
    await signIn(testApp, user.email, NEW_PASSWORD);
    expect(await testApp.prisma.auditEvent.count({ where: { entityId: user.id, action: 'password_change', userId: user.id } })).toBe(1);
  });

  it('needs a session and a CSRF token to change a password', async () => {
    const user = await newUser();
    await testApp.http.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(401);
    const agent = await signIn(testApp, user.email);
    await testApp.http.post('/api/auth/password').set('Cookie', agent.cookie).send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(403);
  });

  it('throttles wrong current passwords (429 with Retry-After)', async () => {
    const user = await newUser();
    const agent = await signIn(testApp, user.email);
    for (let i = 0; i < 5; i += 1) await agent.post('/api/auth/password', { currentPassword: `wrong ${i}`, newPassword: NEW_PASSWORD }).expect(400);
    const blocked = await agent.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('password reset by email (SMTP configured)', () => {
  let inbox: SmtpInbox;
  let testApp: TestApp;
  let newUser: Awaited<ReturnType<typeof tenant>>['newUser'];
  let admin: SignedInAgent;
  const APP_URL = 'https://clinic.example.test';

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    testApp = await startTestApp({ SMTP_URL: inbox.url, APP_URL });
    ({ newUser, admin } = await tenant(testApp));
  });
  afterAll(async () => {
    await testApp.close();
    await inbox.close();
  });

  const request = (email: string) => testApp.http.post('/api/auth/password-reset/request').send({ email });

  it('emails a link that resets the password and ends the old session; unknown emails get the same answer and no email', async () => {
    const user = await newUser();
    const oldSession = await signIn(testApp, user.email);
    const unknownEmail = `ghost-${randomUUID().slice(0, 8)}@test.clinic`;
    const unknown = await request(unknownEmail).expect(202);
    const known = await request(user.email.toUpperCase()).expect(202);
    expect(known.body).toEqual(unknown.body);

    const mail = await inbox.waitFor(user.email);
    const url = /https:\/\/clinic\.example\.test\/reset-password\?token=[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
    expect(url).toBeDefined();
    expect(mail.text).toMatch(/^subject: Reset your IMS Clinic password/im);

    await testApp.http.post('/api/auth/password-reset/complete').send({ token: tokenOf(url!), password: NEW_PASSWORD }).expect(204);
    await signIn(testApp, user.email, NEW_PASSWORD);
    await oldSession.get('/api/auth/me').expect(401);
    expect(inbox.messages.some((m) => m.to.includes(unknownEmail))).toBe(false);
    const issued = await testApp.prisma.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: 'issue_password_link' } });
    expect(issued.detail).toMatchObject({ requestedBy: 'self' });
  });

  it('sends nothing to a deactivated user', async () => {
    const inactive = await newUser();
    await admin.patch(`/api/users/${inactive.id}`, { version: 1, active: false }).expect(200);
    const active = await newUser();
    await request(inactive.email).expect(202);
    await request(active.email).expect(202);
    await inbox.waitFor(active.email);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(inbox.messages.some((m) => m.to.includes(inactive.email))).toBe(false);
    expect(await testApp.prisma.passwordResetToken.count({ where: { userId: inactive.id } })).toBe(0);
  });
});

describe('password reset request throttling', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  const request = (email: string) => testApp.http.post('/api/auth/password-reset/request').send({ email });

  it('limits requests per email, then per address, with 429 and Retry-After', async () => {
    const email = `target-${randomUUID().slice(0, 8)}@test.clinic`;
    for (let i = 0; i < 5; i += 1) await request(email).expect(202);
    const perEmail = await request(email).expect(429);
    expect(Number(perEmail.headers['retry-after'])).toBeGreaterThan(3000);

    // 5 requests recorded so far from this address (the refused one is not); 15 more reach its limit of 20.
    for (let i = 0; i < 15; i += 1) await request(`other-${i}-${randomUUID().slice(0, 8)}@test.clinic`).expect(202);
    const perAddress = await request(`fresh-${randomUUID().slice(0, 8)}@test.clinic`).expect(429);
    expect(perAddress.headers['retry-after']).toBeDefined();
  });
});
