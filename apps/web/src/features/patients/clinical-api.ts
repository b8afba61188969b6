import {
  AccessLogQuery,
  AuditPage,
  Consent,
  ConsentList,
  ScreeningResponse,
  type CreateConsentRequest,
  type PutScreeningRequest,
  type WithdrawConsentRequest,
} from '@ims/contracts';
import { keepPreviousData, queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { toQueryString } from '../../lib/query-string';
import { patientKeys, patientPath } from './api';

export const ACCESS_LOG_PAGE_SIZE = 25;

/** `GET /api/patients/:id/screening` (physiotherapist): the current screening and its history, newest first. */
export const screeningQueryOptions = (patientId: string) =>
  queryOptions({
    queryKey: patientKeys.screening(patientId),
    queryFn: ({ signal }) => api.get(`${patientPath(patientId)}/screening`, ScreeningResponse, { signal }),
  });

/** `GET /api/patients/:id/consents` (physiotherapist): every consent, newest first, and the one in force today. */
export const consentsQueryOptions = (patientId: string) =>
  queryOptions({
    queryKey: patientKeys.consents(patientId),
    queryFn: ({ signal }) => api.get(`${patientPath(patientId)}/consents`, ConsentList, { signal }),
  });

/** `GET /api/patients/:id/access-log`: who read or changed the record. It grows with every read, so never cached long. */
export const accessLogQueryOptions = (patientId: string, page: number) =>
  queryOptions({
    queryKey: patientKeys.accessLog(patientId, page),
    queryFn: ({ signal }) =>
      api.get(
        `${patientPath(patientId)}/access-log${toQueryString(AccessLogQuery.parse({ page, pageSize: ACCESS_LOG_PAGE_SIZE }))}`,
        AuditPage,
        { signal },
      ),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

/**
 * The yes/no flags on the patient (and on search rows) follow from screening and consent: after either changes,
 * the record and the lists are stale too.
 */
function invalidateFlags(queryClient: QueryClient, patientId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: patientKeys.detail(patientId) }),
    queryClient.invalidateQueries({ queryKey: patientKeys.lists() }),
  ]);
}

/**
 * `PUT /api/patients/:id/screening`: records a new screening and answers with the screening as it now stands;
 * 409 when another was recorded since `basedOnId`.
 */
export function useRecordScreening(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutScreeningRequest) => api.put(`${patientPath(patientId)}/screening`, body, ScreeningResponse),
    onSuccess: (screening) => {
      queryClient.setQueryData(patientKeys.screening(patientId), screening);
      return invalidateFlags(queryClient, patientId);
    },
  });
}

/** `POST /api/patients/:id/consents`: records an IMS consent as it was taken. */
export function useRecordConsent(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateConsentRequest) => api.post(`${patientPath(patientId)}/consents`, body, Consent),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: patientKeys.consents(patientId) }),
        invalidateFlags(queryClient, patientId),
      ]),
  });
}

/** `POST /api/consents/:id/withdraw`: the consent stays on record, marked withdrawn from that day. */
export function useWithdrawConsent(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ consentId, body }: { consentId: string; body: WithdrawConsentRequest }) =>
      api.post(`/api/consents/${encodeURIComponent(consentId)}/withdraw`, body, Consent),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: patientKeys.consents(patientId) }),
        invalidateFlags(queryClient, patientId),
      ]),
  });
}
