import {
  CreateUserResponse,
  PasswordLink,
  User,
  UserPage,
  type CreateUserRequest,
  type RoleName,
  type UpdateUserRequest,
} from '@ims/contracts';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../lib/api-client';
import { toQueryString } from '../../lib/query-string';

export interface UserFilters {
  q?: string;
  role?: RoleName;
  active?: 'true' | 'false';
  page: number;
  pageSize: number;
}

/** Query keys of the users feature, general to specific. */
export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (filters: UserFilters) => [...userKeys.lists(), filters] as const,
  details: () => [...userKeys.all, 'detail'] as const,
  detail: (id: string) => [...userKeys.details(), id] as const,
};

/** `GET /api/users`: one page of the organisation's users; the previous page stays shown while the next loads. */
export const usersQueryOptions = (filters: UserFilters) =>
  queryOptions({
    queryKey: userKeys.list(filters),
    queryFn: ({ signal }) => api.get(`/api/users${toQueryString({ ...filters })}`, UserPage, { signal }),
    placeholderData: keepPreviousData,
  });

export const userQueryOptions = (id: string) =>
  queryOptions({
    queryKey: userKeys.detail(id),
    queryFn: ({ signal }) => api.get(`/api/users/${encodeURIComponent(id)}`, User, { signal }),
  });

/** Creates a user; the answer carries the one-time link to choose a password, shown once. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => api.post('/api/users', body, CreateUserResponse),
    onSuccess: ({ user }) => {
      queryClient.setQueryData(userKeys.detail(user.id), user);
      return queryClient.invalidateQueries({ queryKey: userKeys.lists() });
    },
  });
}

/** `PATCH /api/users/:id` with the `version` the edit started from; a stale one is refused with 409. */
export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateUserRequest) => api.patch(`/api/users/${encodeURIComponent(id)}`, body, User),
    onSuccess: (user) => {
      queryClient.setQueryData(userKeys.detail(id), user);
      return queryClient.invalidateQueries({ queryKey: userKeys.lists() });
    },
  });
}

/** A new one-time set-password link for the user (earlier links stop working); nothing cached changes. */
export function useIssuePasswordLink(id: string) {
  return useMutation({
    mutationFn: () => api.post(`/api/users/${encodeURIComponent(id)}/password-link`, undefined, PasswordLink),
  });
}

/** Removes the user's two-factor set-up (lost phone); their next sign-in asks them to set it up again if needed. */
export function useResetUserMfa(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`/api/users/${encodeURIComponent(id)}/mfa/reset`, undefined, z.undefined()),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
      ]),
  });
}
