import {
  WaitlistEntry,
  WaitlistList,
  WaitlistOffers,
  type CreateWaitlistEntryRequest,
  type WaitlistOffersQuery,
} from '@ims/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../lib/api-client';
import { toQueryString } from '../../lib/query-string';

/** Query keys of the waitlist, general to specific. */
export const waitlistKeys = {
  all: ['waitlist'] as const,
  lists: () => [...waitlistKeys.all, 'list'] as const,
  list: (clinicId: string) => [...waitlistKeys.lists(), clinicId] as const,
  offersAll: () => [...waitlistKeys.all, 'offers'] as const,
  offers: (query: WaitlistOffersQuery) => [...waitlistKeys.offersAll(), query] as const,
};

/** `GET /api/waitlist?clinicId=`: most urgent first, then who has waited longest (the API's order). */
export const waitlistQueryOptions = (clinicId: string) =>
  queryOptions({
    queryKey: waitlistKeys.list(clinicId),
    queryFn: ({ signal }) => api.get(`/api/waitlist${toQueryString({ clinicId })}`, WaitlistList, { signal }),
    select: (list) => list.items,
  });

/** `GET /api/waitlist/offers`: slots freed in [from, to) with the entries that match each, best first. */
export const waitlistOffersQueryOptions = (query: WaitlistOffersQuery) =>
  queryOptions({
    queryKey: waitlistKeys.offers(query),
    queryFn: ({ signal }) => api.get(`/api/waitlist/offers${toQueryString({ ...query })}`, WaitlistOffers, { signal }),
    select: (offers) => offers.items,
    refetchInterval: 60_000,
  });

/** Adding or removing an entry changes the list and what the freed slots can be offered to. */
function useWaitlistInvalidation() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: waitlistKeys.all });
}

export function useCreateWaitlistEntry() {
  const invalidate = useWaitlistInvalidation();
  return useMutation({
    mutationFn: (body: CreateWaitlistEntryRequest) => api.post('/api/waitlist', body, WaitlistEntry),
    onSuccess: invalidate,
  });
}

/** `DELETE /api/waitlist/:id?reason=`: the entry leaves the list; the API keeps when and why. */
export function useRemoveWaitlistEntry() {
  const invalidate = useWaitlistInvalidation();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string }) =>
      api.delete(`/api/waitlist/${encodeURIComponent(id)}${toQueryString({ reason })}`, z.undefined()),
    onSuccess: invalidate,
  });
}
