import {
  MfaEnableResponse,
  MfaSetupResponse,
  type ChangePasswordRequest,
  type MfaDisableRequest,
  type MfaEnableRequest,
} from '@ims/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../lib/api-client';
import { authKeys } from '../auth/api';

/** Query keys of the signed-in user's own account. */
export const accountKeys = {
  all: ['account'] as const,
  mfaSetup: () => [...accountKeys.all, 'mfa-setup'] as const,
};

/**
 * `POST /api/auth/mfa/setup`: a fresh secret each call. Read as a query so a screen starts exactly one set-up per
 * visit (a mutation fired from an effect would run twice under StrictMode and show a secret the server replaced);
 * never refetched in the background, since a new secret would invalidate the QR code being scanned.
 */
export const mfaSetupQueryOptions = () =>
  queryOptions({
    queryKey: accountKeys.mfaSetup(),
    queryFn: () => api.post('/api/auth/mfa/setup', undefined, MfaSetupResponse),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

// Refusals of these calls (wrong code, wrong password) may come as 401: an answer, not an ended session.
const ANSWER_401 = { redirectOnUnauthorized: false } as const;

/** Turns two-factor on with the first code from the app; the answer carries the recovery codes, shown once. */
export function useEnableMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MfaEnableRequest) => api.post('/api/auth/mfa/enable', body, MfaEnableResponse, ANSWER_401),
    // The session has now passed its second factor and the user has it enabled.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me() }),
  });
}

export function useDisableMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MfaDisableRequest) => api.post('/api/auth/mfa/disable', body, z.undefined(), ANSWER_401),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me() }),
  });
}

/** New recovery codes (the old ones stop working); needs a current code from the app. */
export function useRegenerateRecoveryCodes() {
  return useMutation({
    mutationFn: (body: MfaEnableRequest) =>
      api.post('/api/auth/mfa/recovery-codes', body, MfaEnableResponse, ANSWER_401),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => api.post('/api/auth/password', body, z.undefined(), ANSWER_401),
  });
}
