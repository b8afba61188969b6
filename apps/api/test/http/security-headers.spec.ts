import { startTestApp, type TestApp } from '../support/test-app';
import { signIn } from '../support/sign-in';
import { createOrganisation, createUser } from '../support/factories';

/**
 * The browser-facing defences every response carries (helmet), checked on a public answer, a signed-in JSON answer
 * and an error: the page may not be framed, scripts and connections stay on our origin, content types are not
 * sniffed, and no referrer leaks a patient's URL to another site.
 */
describe('security headers', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  function expectDefences(headers: Record<string, string>) {
    const csp = headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['x-powered-by']).toBeUndefined();
  }

  it('are on public, signed-in and error responses alike', async () => {
    expectDefences((await testApp.http.get('/api/health')).headers as Record<string, string>);
    expectDefences((await testApp.http.get('/api/patients')).headers as Record<string, string>);
    const { organisation, clinic } = await createOrganisation(testApp.prisma, 'Headers organisation');
    const user = await createUser(testApp.prisma, { organisationId: organisation.id, clinicIds: [clinic.id], roles: ['receptionist'], email: 'reception@headers.test' });
    const agent = await signIn(testApp, user.email);
    const signedIn = await agent.get('/api/auth/me');
    expect(signedIn.status).toBe(200);
    expectDefences(signedIn.headers as Record<string, string>);
    // Responses with personal data are never cached by the browser or a proxy.
    expect(signedIn.headers['cache-control'] ?? '').toMatch(/no-store/);
  });
});
