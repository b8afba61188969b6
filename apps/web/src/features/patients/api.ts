import {
  DuplicateCheckResponse,
  Patient,
  PatientSearchResult,
  type AnonymisePatientRequest,
  type ArchivePatientRequest,
  type CreatePatientRequest,
  type DuplicateCheckRequest,
  type UpdatePatientRequest,
} from '@ims/contracts';
import { keepPreviousData, queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { toQueryString } from '../../lib/query-string';

export interface PatientSearchFilters {
  q: string;
  page: number;
  pageSize: number;
  includeArchived?: boolean;
}

/** Query keys of the patients feature (search, duplicates, records and their clinical parts), general to specific. */
export const patientKeys = {
  all: ['patients'] as const,
  lists: () => [...patientKeys.all, 'list'] as const,
  list: (filters: PatientSearchFilters) => [...patientKeys.lists(), filters] as const,
  duplicates: (request: DuplicateCheckRequest) => [...patientKeys.all, 'duplicates', request] as const,
  details: () => [...patientKeys.all, 'detail'] as const,
  detail: (id: string) => [...patientKeys.details(), id] as const,
  screening: (id: string) => [...patientKeys.all, 'screening', id] as const,
  consents: (id: string) => [...patientKeys.all, 'consents', id] as const,
  accessLog: (id: string, page: number) => [...patientKeys.all, 'access-log', id, page] as const,
  imports: () => [...patientKeys.all, 'import'] as const,
  import: (id: string) => [...patientKeys.imports(), id] as const,
};

export const patientPath = (id: string) => `/api/patients/${encodeURIComponent(id)}`;

/**
 * `GET /api/patients?q=`: best match first. The previous answer stays on screen while the next one loads, so the
 * list does not flash empty between keystrokes.
 */
export const patientSearchQueryOptions = (filters: PatientSearchFilters) =>
  queryOptions({
    queryKey: patientKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get(
        `/api/patients${toQueryString({ ...filters, includeArchived: filters.includeArchived ? 'true' : undefined })}`,
        PatientSearchResult,
        { signal },
      ),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

/** `POST /api/patients/duplicates`: a read, cached per question, so going back and forth re-asks nothing. */
export const duplicateCheckQueryOptions = (request: DuplicateCheckRequest) =>
  queryOptions({
    queryKey: patientKeys.duplicates(request),
    queryFn: ({ signal }) => api.post('/api/patients/duplicates', request, DuplicateCheckResponse, { signal }),
    placeholderData: keepPreviousData,
  });

export const patientQueryOptions = (id: string) =>
  queryOptions({
    queryKey: patientKeys.detail(id),
    queryFn: ({ signal }) => api.get(patientPath(id), Patient, { signal }),
  });

/** A saved patient replaces the cached record; search results may show them differently now. */
function storePatient(queryClient: QueryClient, patient: Patient) {
  queryClient.setQueryData(patientKeys.detail(patient.id), patient);
  return queryClient.invalidateQueries({ queryKey: patientKeys.lists() });
}

/**
 * `POST /api/patients` with an `Idempotency-Key`: the same key and body replays the first answer, so a double
 * click or a retry after a lost response never registers the patient twice.
 */
export function useCreatePatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreatePatientRequest; idempotencyKey: string }) =>
      api.post('/api/patients', body, Patient, { headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: (patient) => storePatient(queryClient, patient),
  });
}

/** `PATCH /api/patients/:id` with the `version` the edit started from; a stale one is refused with 409. */
export function useUpdatePatient(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePatientRequest) => api.patch(patientPath(id), body, Patient),
    onSuccess: (patient) => storePatient(queryClient, patient),
  });
}

/** Archive (leaves search, keeps history), unarchive, or anonymise (irreversible; demographics only). */
export function useRecordKeeping(id: string) {
  const queryClient = useQueryClient();
  const onSuccess = (patient: Patient) => storePatient(queryClient, patient);
  return {
    archive: useMutation({
      mutationFn: (body: ArchivePatientRequest) => api.post(`${patientPath(id)}/archive`, body, Patient),
      onSuccess,
    }),
    unarchive: useMutation({
      mutationFn: (body: { version: number }) => api.post(`${patientPath(id)}/unarchive`, body, Patient),
      onSuccess,
    }),
    anonymise: useMutation({
      mutationFn: (body: AnonymisePatientRequest) => api.post(`${patientPath(id)}/anonymise`, body, Patient),
      onSuccess,
    }),
  };
}
