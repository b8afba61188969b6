/**
 * The in-app path to return to after sign-in. Only same-origin absolute paths are accepted, so a crafted
 * `?next=https://evil.example` or `//evil.example` cannot turn the login page into an open redirect.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return '/';
  return next;
}

/** `/login?next=<path>` for the given current location (path plus search). */
export function loginPathFor(currentPath: string): string {
  const next = safeNextPath(currentPath);
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}
