import type { SessionUser } from '@ims/contracts';
import { useQuery } from '@tanstack/react-query';
import { meQueryOptions } from './api';

/**
 * The signed-in user. Only for screens under the protected layout, which renders its children only once the
 * session is known; anywhere else a missing session is a programming error.
 */
export function useSessionUser(): SessionUser {
  const { data } = useQuery(meQueryOptions());
  if (!data) throw new Error('useSessionUser used outside the protected layout');
  return data.user;
}
