import { AuthConfigResponse, LoginResponse, type LoginRequest } from '@ims/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
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

/** Signs in; on success the session is put in the cache and whatever a previous user had cached is dropped. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api.post('/api/auth/login', body, LoginResponse),
    onSuccess: (session) => {
      api.setCsrfToken(session.csrfToken);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
      queryClient.setQueryData(authKeys.me(), session);
    },
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
