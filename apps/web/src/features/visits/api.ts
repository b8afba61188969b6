import {
  Addendum,
  MuscleList,
  VisitList,
  VisitNote,
  type AddAddendumRequest,
  type SaveVisitRequest,
  type VisitNoteStatus,
} from '@ims/contracts';
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, type RequestOptions } from '../../lib/api-client';
import { toQueryString } from '../../lib/query-string';
import { myDayKeys } from '../my-day/api';
import { planKeys } from '../plans/api';
import { appointmentKeys } from '../schedule/api';

export interface VisitFilters {
  patientId?: string;
  planId?: string;
  clinicianId?: string;
  status?: VisitNoteStatus;
  pageSize?: number;
}

/** Query keys of visit notes, general to specific. */
export const visitKeys = {
  all: ['visits'] as const,
  lists: () => [...visitKeys.all, 'list'] as const,
  list: (filters: VisitFilters) => [...visitKeys.lists(), filters] as const,
  details: () => [...visitKeys.all, 'detail'] as const,
  detail: (id: string) => [...visitKeys.details(), id] as const,
};

/** The muscle catalogue: seeded data, the same for everyone. */
export const muscleKeys = { all: ['muscles'] as const };

export const visitPath = (id: string) => `/api/visits/${encodeURIComponent(id)}`;

export const visitQueryOptions = (id: string) =>
  queryOptions({
    queryKey: visitKeys.detail(id),
    queryFn: ({ signal }) => api.get(visitPath(id), VisitNote, { signal }),
  });

/** `GET /api/visits?patientId=&planId=&clinicianId=&status=`: summaries with the muscle codes each needled. */
export const visitsQueryOptions = (filters: VisitFilters) =>
  queryOptions({
    queryKey: visitKeys.list(filters),
    queryFn: ({ signal }) => api.get(`/api/visits${toQueryString({ ...filters })}`, VisitList, { signal }),
    select: (list) => list.items,
  });

/** `GET /api/muscles`: the whole catalogue; it changes only with a release, so it is fetched once per session. */
export const musclesQueryOptions = () =>
  queryOptions({
    queryKey: muscleKeys.all,
    queryFn: ({ signal }) => api.get('/api/muscles', MuscleList, { signal }),
    select: (list) => list.items,
    staleTime: Infinity,
  });

/** `PUT /api/visits/:id`: the whole draft with the version it was based on; 409 when someone saved in between. */
export function saveVisit(id: string, body: SaveVisitRequest, options?: RequestOptions) {
  return api.put(visitPath(id), body, VisitNote, options);
}

/**
 * A signed note changes every list it is in (status, session number), moves its plan's count of sessions and
 * completes its appointment, which the day's list and the schedule show.
 */
function afterSigning(queryClient: QueryClient, note: VisitNote) {
  queryClient.setQueryData(visitKeys.detail(note.id), note);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: visitKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: planKeys.all }),
    queryClient.invalidateQueries({ queryKey: myDayKeys.all }),
    queryClient.invalidateQueries({ queryKey: appointmentKeys.lists() }),
  ]);
}

/** Stores a saved draft in the cache without refetching: the charting screen already shows what was sent. */
export function storeSavedDraft(queryClient: QueryClient, note: VisitNote) {
  queryClient.setQueryData(visitKeys.detail(note.id), note);
}

/** `POST /api/visits/:id/sign` with the version signed; 422 lists each rule the note fails. */
export function useSignVisit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.post(`${visitPath(id)}/sign`, { version }, VisitNote),
    onSuccess: (note) => afterSigning(queryClient, note),
  });
}

/**
 * `POST /api/visits/:id/addenda` with an `Idempotency-Key`: add-only corrections to a signed note, with their reason.
 * The new addendum joins the cached note (no second read of the record); lists count addenda, so they are stale.
 */
export function useAddAddendum(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: AddAddendumRequest; idempotencyKey: string }) =>
      api.post(`${visitPath(id)}/addenda`, body, Addendum, { headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: (addendum) => {
      queryClient.setQueryData(visitKeys.detail(id), (note: VisitNote | undefined) =>
        note && !note.addenda.some((known) => known.id === addendum.id) ? { ...note, addenda: [...note.addenda, addendum] } : note,
      );
      return queryClient.invalidateQueries({ queryKey: visitKeys.lists() });
    },
  });
}
