import type { CookieOptions, Request } from 'express';

export const SESSION_COOKIE = 'ims_session';

/** httpOnly, SameSite=Lax, Secure whenever the request came over https (directly or via a trusted proxy). */
export function sessionCookieOptions(request: Request, maxAgeMs: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: request.secure, path: '/', maxAge: maxAgeMs };
}

export function clearedSessionCookieOptions(request: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: request.secure, path: '/' };
}
