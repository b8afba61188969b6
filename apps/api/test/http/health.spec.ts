import { HealthResponse } from '@ims/contracts';
import { startTestApp, type TestApp } from '../support/test-app';

describe('GET /api/health', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('is public and reports the API and a reachable PostgreSQL', async () => {
    const response = await testApp.http.get('/api/health').expect(200);
    const body = HealthResponse.parse(response.body);
    expect(body.status).toBe('ok');
    expect(body.database).toMatchObject({ status: 'ok', kind: 'postgresql' });
    expect(body.demo).toBe(false);
  });

  it('answers 503 with Retry-After when the database is gone', async () => {
    const other = await startTestApp();
    await other.database.close();
    const response = await other.http.get('/api/health').expect(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.body.database.status).toBe('unavailable');
    await other.app.close().catch(() => undefined);
  });

  it('serves the OpenAPI document generated from the contracts', async () => {
    const response = await testApp.http.get('/api/docs-json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login']));
    const login = response.body.paths['/api/auth/login'].post;
    const ref: string = login.requestBody.content['application/json'].schema.$ref;
    const schema = response.body.components.schemas[ref.split('/').pop()!];
    expect(schema.required).toEqual(expect.arrayContaining(['email', 'password']));
  });
});
