import { MyDay, VisitNote, type MyDayQuery } from '@ims/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { toQueryString } from '../../lib/query-string';

/** Query keys of the clinician's day, general to specific. */
export const myDayKeys = {
  all: ['my-day'] as const,
  day: (query: MyDayQuery) => [...myDayKeys.all, query] as const,
};

/**
 * `GET /api/my-day?date=&clinicianId=` (both optional: today, and the signed-in clinician). Arrivals, notes
 * started and signed all change the day while the clinician works from it, so it is asked again on every visit
 * to the screen and every minute.
 */
export const myDayQueryOptions = (query: MyDayQuery) =>
  queryOptions({
    queryKey: myDayKeys.day(query),
    queryFn: ({ signal }) => api.get(`/api/my-day${toQueryString({ ...query })}`, MyDay, { signal }),
    staleTime: 0,
    refetchInterval: 60_000,
  });

/** `POST /api/visits` {appointmentId}: the draft note of an arrived appointment. */
export function useStartNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (appointmentId: string) => api.post('/api/visits', { appointmentId }, VisitNote),
    // Also after a refusal: another device may have started the note in the meantime, and the row should say so.
    onSettled: () => queryClient.invalidateQueries({ queryKey: myDayKeys.all }),
  });
}
