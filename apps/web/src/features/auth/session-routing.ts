import type { LoginResponse, MfaStatus } from '@ims/contracts';
import { loginPathFor } from './next-path';

export const VERIFY_PATH = '/login/verify';
export const MFA_SETUP_PATH = '/account/two-factor/setup';

/** `path?next=<next>`, leaving `next` out when it is the start page. */
export function withNext(path: string, next: string): string {
  return next === '/' ? path : `${path}?next=${encodeURIComponent(next)}`;
}

/**
 * Where a session goes once signed in: straight on to `next` when its second factor is done, otherwise to the
 * step it still owes (enter a code, or set two-factor up because the role requires it), carrying `next` along.
 */
export function pathAfterSignIn(session: LoginResponse, next: string): string {
  if (session.mfa === 'verify') return withNext(VERIFY_PATH, next);
  if (session.mfa === 'enrol') return withNext(MFA_SETUP_PATH, next);
  return next;
}

/**
 * Where a guard must send `session` instead of rendering a screen open to sessions in `allow`, or null when the
 * screen may render. `here` is the current path (for `next` after signing in), `next` where to go once done.
 */
export function sessionRedirect(options: {
  session: LoginResponse | null;
  allow: readonly MfaStatus[];
  here: string;
  next: string;
}): string | null {
  const { session, allow, here, next } = options;
  if (!session) return loginPathFor(here);
  if (allow.includes(session.mfa)) return null;
  return pathAfterSignIn(session, next);
}
