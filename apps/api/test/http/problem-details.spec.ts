import { Problem } from '@ims/contracts';
import { startTestApp, type TestApp } from '../support/test-app';

/** Every error leaves the API as application/problem+json naming what went wrong (api-shape.md). */
describe('problem+json errors', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('malformed JSON gets 400 naming the body', async () => {
    const response = await testApp.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.c", "password": ')
      .expect(400)
      .expect('Content-Type', /application\/problem\+json/);
    const problem = Problem.parse(response.body);
    expect(problem.type).toMatch(/\/validation$/);
    expect(problem.detail).toMatch(/not valid JSON/);
    expect(problem.errors).toEqual([{ path: '(body)', message: 'malformed JSON' }]);
    expect(problem.requestId).toBe(response.headers['x-request-id']);
  });

  it('a wrong-typed field gets 400 with its path and reason', async () => {
    const response = await testApp.http.post('/api/auth/login').send({ email: 42, password: 'x' }).expect(400);
    const problem = Problem.parse(response.body);
    expect(problem.errors).toEqual([{ path: 'email', message: expect.stringMatching(/expected string/) }]);
    expect(problem.status).toBe(400);
  });

  it('a missing field is named too', async () => {
    const response = await testApp.http.post('/api/auth/login').send({ email: 'a@b.clinic' }).expect(400);
    expect(response.body.errors).toEqual([{ path: 'password', message: expect.any(String) }]);
  });

  it('an unknown API route is a 404 problem, not the web app', async () => {
    const response = await testApp.http.get('/api/no-such-thing').expect(404);
    expect(Problem.parse(response.body).type).toMatch(/\/not-found$/);
  });

  it('an oversized body is refused early with 413', async () => {
    const response = await testApp.http
      .post('/api/auth/login')
      .send({ email: 'a@b.clinic', password: 'x'.repeat(300_000) })
      .expect(413);
    expect(response.body.type).toMatch(/payload-too-large$/);
  });

  it('echoes a sane incoming X-Request-Id', async () => {
    const response = await testApp.http.get('/api/no-such-thing').set('X-Request-Id', 'trace-123').expect(404);
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.body.requestId).toBe('trace-123');
  });

  it('sets security headers (helmet)', async () => {
    const response = await testApp.http.get('/api/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
