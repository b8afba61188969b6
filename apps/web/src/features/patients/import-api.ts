import {
  PatientImportProgress,
  PatientImportReport,
  type CommitPatientImportRequest,
  type CreatePatientImportRequest,
} from '@ims/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { patientKeys } from './api';

const POLL_MS = 500;
const importPath = (id: string) => `/api/patient-imports/${encodeURIComponent(id)}`;

/** `POST /api/patient-imports`: the dry run. Nothing is imported; the answer is the report. */
export function useDryRunImport() {
  return useMutation({
    mutationFn: (body: CreatePatientImportRequest) => api.post('/api/patient-imports', body, PatientImportReport),
  });
}

/**
 * `GET /api/patient-imports/:id`, polled while a commit runs (`enabled` from the moment it is sent, since the
 * commit call itself may only answer at the end) and no longer once it has committed or failed.
 */
export const importProgressQueryOptions = (id: string) =>
  queryOptions({
    queryKey: patientKeys.import(id),
    queryFn: ({ signal }) => api.get(importPath(id), PatientImportProgress, { signal }),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'committed' || status === 'failed' ? false : POLL_MS;
    },
    staleTime: 0,
  });

/** `POST /api/patient-imports/:id/commit`: all valid rows in one transaction, or none. */
export function useCommitImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CommitPatientImportRequest) => api.post(`${importPath(id)}/commit`, body, PatientImportProgress),
    onSuccess: (progress) => {
      queryClient.setQueryData(patientKeys.import(id), progress);
      return queryClient.invalidateQueries({ queryKey: patientKeys.lists() });
    },
  });
}
