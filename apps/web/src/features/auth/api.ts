import {
  AuthConfigResponse,
  LoginResponse,
  type LoginRequest,
  type MfaVerifyRequest,
  PasswordResetRequested,
  type PasswordResetComplete,
  type PasswordResetRequest,
} from '@ims/contracts';
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { api, isApiError } from '../../lib/api-client';

/** Query keys of the auth feature, general to specific. */
export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  config: () => [...authKeys.all, 'config'] as const,
};

/** The signed-in session, or null when nobody is signed in (the API answers 401). */
export type Session = LoginResponse | null;

/** `GET /api/auth/me`: a 401 here is an answer ("nobody"), not an expired session, so it resolves to null. */
export const meQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.me(),
    queryFn: async ({ signal }): Promise<Session> => {
      try {
        const session = await api.get('/api/auth/me', LoginResponse, { signal, redirectOnUnauthorized: false });
        api.setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (isApiError(error, 401)) {
          api.setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });

/** `GET /api/auth/config`: public facts for the login page (demo logins in demo mode). */
export const authConfigQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.config(),
    queryFn: ({ signal }) => api.get('/api/auth/config', AuthConfigResponse, { signal }),
    staleTime: Infinity,
  });

/** Makes `session` the current one: its CSRF token for later writes, and no data cached under an earlier one. */
function acceptSession(queryClient: QueryClient, session: LoginResponse) {
  api.setCsrfToken(session.csrfToken);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
  queryClient.setQueryData(authKeys.me(), session);
}

/** Signs in; on success the session is put in the cache and whatever a previous user had cached is dropped. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api.post('/api/auth/login', body, LoginResponse),
    onSuccess: (session) => acceptSession(queryClient, session),
  });
}

/**
 * Second step of sign-in: a code from the authenticator app or one recovery code. A refused code is an answer
 * (401/400), not an ended session, so it must not bounce the user back to the login page.
 */
export function useVerifyMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MfaVerifyRequest) =>
      api.post('/api/auth/mfa/verify', body, LoginResponse, { redirectOnUnauthorized: false }),
    onSuccess: (session) => acceptSession(queryClient, session),
  });
}

/** `POST /api/auth/password-reset/request`: always 202, whether or not the address belongs to anyone. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: PasswordResetRequest) =>
      api.post('/api/auth/password-reset/request', body, PasswordResetRequested, { redirectOnUnauthorized: false }),
  });
}

/** `POST /api/auth/password-reset/complete`: 204; the server ends every session of the account. */
export function useCompletePasswordReset() {
  return useMutation({
    mutationFn: (body: PasswordResetComplete) =>
      api.post('/api/auth/password-reset/complete', body, z.undefined(), { redirectOnUnauthorized: false }),
  });
}

/**
 * Signs out and goes to the login page; the local session ends even when the server call fails (say the session
 * had already expired), so nobody is left looking at a half-signed-in screen.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post('/api/auth/logout', undefined, z.unknown(), { redirectOnUnauthorized: false }),
    onSettled: () => {
      // Leave first: the protected layout would otherwise see the emptied session and add `?next=` to the URL.
      void navigate('/login', { replace: true });
      api.setCsrfToken(null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
      queryClient.setQueryData(authKeys.me(), null);
    },
  });
}
