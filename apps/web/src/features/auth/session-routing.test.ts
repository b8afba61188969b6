import type { LoginResponse } from '@ims/contracts';
import { describe, expect, it } from 'vitest';
import { pathAfterSignIn, sessionRedirect } from './session-routing';

const session = (mfa: LoginResponse['mfa']): LoginResponse => ({
  user: {
    id: '0b6c8a52-2d43-4c7e-9f3b-3f3a3c1c2d11',
    email: 'admin@demo.clinic',
    name: 'Ada Admin',
    roles: ['admin'],
    clinicIds: [],
    organisationId: '9a7b3c1d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  },
  csrfToken: 'csrf',
  mfa,
});

describe('pathAfterSignIn', () => {
  it('goes on to next, or to the second-factor step the session owes', () => {
    expect(pathAfterSignIn(session('passed'), '/admin/users')).toBe('/admin/users');
    expect(pathAfterSignIn(session('verify'), '/admin/users')).toBe('/login/verify?next=%2Fadmin%2Fusers');
    expect(pathAfterSignIn(session('enrol'), '/')).toBe('/account/two-factor/setup');
  });
});

describe('sessionRedirect', () => {
  it('sends nobody to sign in, with the current path as next', () => {
    expect(sessionRedirect({ session: null, allow: ['passed'], here: '/account', next: '/account' })).toBe(
      '/login?next=%2Faccount',
    );
  });

  it('lets an allowed session through and reroutes the others', () => {
    expect(sessionRedirect({ session: session('passed'), allow: ['passed'], here: '/', next: '/' })).toBeNull();
    expect(sessionRedirect({ session: session('enrol'), allow: ['passed'], here: '/x', next: '/x' })).toBe(
      '/account/two-factor/setup?next=%2Fx',
    );
    // A session that already passed has no business on the code page: it goes on.
    expect(
      sessionRedirect({ session: session('passed'), allow: ['verify'], here: '/login/verify', next: '/audit' }),
    ).toBe('/audit');
  });
});
