import { ClinicList, type Clinic } from '@ims/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

/** Query keys of the clinic set-up (clinics, rooms, appointment types). */
export const clinicKeys = {
  all: ['clinics'] as const,
  list: () => [...clinicKeys.all, 'list'] as const,
};

/** `GET /api/clinics`: the organisation's clinic locations; they change rarely. */
export const clinicsQueryOptions = () =>
  queryOptions({
    queryKey: clinicKeys.list(),
    queryFn: ({ signal }) => api.get('/api/clinics', ClinicList, { signal }),
    select: (list) => list.items,
    staleTime: 5 * 60_000,
  });

/** Clinic names by id, for showing ids from other payloads; an unknown id shows as "Unknown clinic". */
export function useClinicNames(): (id: string) => string {
  const { data } = useQuery(clinicsQueryOptions());
  const byId = new Map((data ?? []).map((clinic: Clinic) => [clinic.id, clinic.name]));
  return (id) => byId.get(id) ?? 'Unknown clinic';
}
