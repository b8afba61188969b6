import {
  Clinician,
  ClinicianList,
  NeedlingAuthorisation,
  type CreateAuthorisationRequest,
  type CreateClinicianRequest,
  type EndAuthorisationRequest,
  type PutWorkingHoursRequest,
  type UpdateClinicianRequest,
} from '@ims/contracts';
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { toQueryString } from '../../lib/query-string';
import { userKeys } from '../users/api';

/** Query keys of the clinicians feature, general to specific. */
export const clinicianKeys = {
  all: ['clinicians'] as const,
  lists: () => [...clinicianKeys.all, 'list'] as const,
  list: (clinicId: string | undefined) => [...clinicianKeys.lists(), { clinicId }] as const,
  details: () => [...clinicianKeys.all, 'detail'] as const,
  detail: (id: string) => [...clinicianKeys.details(), id] as const,
};

export const cliniciansQueryOptions = (clinicId?: string) =>
  queryOptions({
    queryKey: clinicianKeys.list(clinicId),
    queryFn: ({ signal }) => api.get(`/api/clinicians${toQueryString({ clinicId })}`, ClinicianList, { signal }),
    select: (list) => list.items,
  });

export const clinicianQueryOptions = (id: string) =>
  queryOptions({
    queryKey: clinicianKeys.detail(id),
    queryFn: ({ signal }) => api.get(`/api/clinicians/${encodeURIComponent(id)}`, Clinician, { signal }),
  });

const path = (id: string) => `/api/clinicians/${encodeURIComponent(id)}`;

/** The clinician's page and every list showing them (names, badges) are stale after a change. */
function afterChange(queryClient: QueryClient, id: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: clinicianKeys.detail(id) }),
    queryClient.invalidateQueries({ queryKey: clinicianKeys.lists() }),
  ]);
}

/** Makes a physiotherapist user a clinician; their user record now points at the profile. */
export function useCreateClinician() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateClinicianRequest) => api.post('/api/clinicians', body, Clinician),
    onSuccess: (clinician) => {
      queryClient.setQueryData(clinicianKeys.detail(clinician.id), clinician);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: clinicianKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: userKeys.detail(clinician.userId) }),
      ]);
    },
  });
}

export function useUpdateClinician(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateClinicianRequest) => api.patch(path(id), body, Clinician),
    onSuccess: (clinician) => {
      queryClient.setQueryData(clinicianKeys.detail(id), clinician);
      return queryClient.invalidateQueries({ queryKey: clinicianKeys.lists() });
    },
  });
}

export function useAddAuthorisation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAuthorisationRequest) =>
      api.post(`${path(id)}/authorisations`, body, NeedlingAuthorisation),
    onSuccess: () => afterChange(queryClient, id),
  });
}

/** Ends an authorisation on `validTo` (they are never deleted: they prove who could needle when). */
export function useEndAuthorisation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ authorisationId, ...body }: EndAuthorisationRequest & { authorisationId: string }) =>
      api.post(`${path(id)}/authorisations/${encodeURIComponent(authorisationId)}/end`, body, NeedlingAuthorisation),
    onSuccess: () => afterChange(queryClient, id),
  });
}

/** Replaces the clinician's weekly hours at all clinics in one go. */
export function usePutWorkingHours(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutWorkingHoursRequest) => api.put(`${path(id)}/working-hours`, body, Clinician),
    onSuccess: (clinician) => queryClient.setQueryData(clinicianKeys.detail(id), clinician),
  });
}
