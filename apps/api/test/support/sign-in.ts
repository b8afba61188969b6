import type { TestApp } from './test-app';
import { TEST_PASSWORD } from './factories';

export interface SignedInAgent {
  cookie: string;
  csrfToken: string;
  get(path: string): ReturnType<TestApp['http']['get']>;
  post(path: string, body?: object): ReturnType<TestApp['http']['post']>;
  patch(path: string, body?: object): ReturnType<TestApp['http']['patch']>;
  put(path: string, body?: object): ReturnType<TestApp['http']['put']>;
  delete(path: string): ReturnType<TestApp['http']['delete']>;
}

/** Signs in through the real login route and returns helpers that send the session cookie and CSRF token. */
export async function signIn(testApp: TestApp, email: string, password = TEST_PASSWORD): Promise<SignedInAgent> {
  const response = await testApp.http.post('/api/auth/login').send({ email, password });
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  const cookie = [response.headers['set-cookie']].flat().find((c: string) => c.startsWith('ims_session='))!.split(';')[0];
  const csrfToken: string = response.body.csrfToken;
  const withAuth = <T extends { set(name: string, value: string): T }>(req: T, write: boolean) => {
    req.set('Cookie', cookie);
    return write ? req.set('X-CSRF-Token', csrfToken) : req;
  };
  return {
    cookie,
    csrfToken,
    get: (path) => withAuth(testApp.http.get(path), false),
    post: (path, body) => withAuth(testApp.http.post(path), true).send(body ?? {}),
    patch: (path, body) => withAuth(testApp.http.patch(path), true).send(body ?? {}),
    put: (path, body) => withAuth(testApp.http.put(path), true).send(body ?? {}),
    delete: (path) => withAuth(testApp.http.delete(path), true),
  };
}
