import { CreateTimeOffRequest, TimeOff, TimeOffList } from '@ims/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../lib/api-client';
import { schedulingSetupKeys } from '../schedule/setup-api';
import { clinicianKeys } from './api';

const timeOffKey = (clinicianId: string) => [...clinicianKeys.detail(clinicianId), 'time-off'] as const;
const path = (clinicianId: string) => `/api/clinicians/${encodeURIComponent(clinicianId)}/time-off`;

/** The clinician's time off ending within the last 90 days or later, earliest first. */
export const timeOffQueryOptions = (clinicianId: string) =>
  queryOptions({
    queryKey: timeOffKey(clinicianId),
    queryFn: ({ signal }) => api.get(path(clinicianId), TimeOffList, { signal }),
    select: (list) => list.items,
  });

/** Time off changes what can be booked, so the schedule's set-up reads refresh too. */
function useRefresh(clinicianId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: timeOffKey(clinicianId) }),
      queryClient.invalidateQueries({ queryKey: schedulingSetupKeys.all }),
    ]);
}

export function useAddTimeOff(clinicianId: string) {
  const refresh = useRefresh(clinicianId);
  return useMutation({
    mutationFn: (body: z.input<typeof CreateTimeOffRequest>) => api.post(path(clinicianId), body, TimeOff),
    onSuccess: refresh,
  });
}

export function useRemoveTimeOff(clinicianId: string) {
  const refresh = useRefresh(clinicianId);
  return useMutation({
    mutationFn: (timeOffId: string) => api.delete(`${path(clinicianId)}/${encodeURIComponent(timeOffId)}`, z.undefined()),
    onSuccess: refresh,
  });
}
