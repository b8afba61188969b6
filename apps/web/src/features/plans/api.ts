import {
  Plan,
  PlanList,
  VisitList,
  type CreatePlanRequest,
  type DiscontinuePlanRequest,
  type PlanStatus,
  type PlanTransitionRequest,
  type ReviewPlanRequest,
  type UpdatePlanRequest,
} from '@ims/contracts';
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { toQueryString } from '../../lib/query-string';
import { myDayKeys } from '../my-day/api';

export interface PlanFilters {
  patientId?: string;
  clinicianId?: string;
  status?: PlanStatus;
}

/** A patient has a handful of plans over the years; one page holds them all. */
const PLANS_PAGE_SIZE = 100;
/** A course is 8-10 visits, rarely up to 30 (the contract's maximum); one page holds a plan's visits. */
const PLAN_VISITS_PAGE_SIZE = 100;

/** Query keys of treatment plans, general to specific. */
export const planKeys = {
  all: ['plans'] as const,
  lists: () => [...planKeys.all, 'list'] as const,
  list: (filters: PlanFilters) => [...planKeys.lists(), filters] as const,
  details: () => [...planKeys.all, 'detail'] as const,
  detail: (id: string) => [...planKeys.details(), id] as const,
  visits: (id: string) => [...planKeys.all, 'visits', id] as const,
};

export const planPath = (id: string) => `/api/plans/${encodeURIComponent(id)}`;

/** `GET /api/plans?patientId=&status=`: newest first, as the API orders them. */
export const plansQueryOptions = (filters: PlanFilters) =>
  queryOptions({
    queryKey: planKeys.list(filters),
    queryFn: ({ signal }) => api.get(`/api/plans${toQueryString({ ...filters, pageSize: PLANS_PAGE_SIZE })}`, PlanList, { signal }),
    select: (list) => list.items,
  });

/**
 * `GET /api/plans/:id`. Signing a visit note elsewhere moves the progress and may make the review due, so the plan
 * is asked again whenever its page is opened.
 */
export const planQueryOptions = (id: string) =>
  queryOptions({
    queryKey: planKeys.detail(id),
    queryFn: ({ signal }) => api.get(planPath(id), Plan, { signal }),
    staleTime: 0,
  });

/** `GET /api/visits?planId=`: the plan's visit notes, drafts included. */
export const planVisitsQueryOptions = (planId: string) =>
  queryOptions({
    queryKey: planKeys.visits(planId),
    queryFn: ({ signal }) => api.get(`/api/visits${toQueryString({ planId, pageSize: PLAN_VISITS_PAGE_SIZE })}`, VisitList, { signal }),
    select: (list) => list.items,
    staleTime: 0,
  });

/** A changed plan replaces the cached one; every list and the clinician's day may show its status or review. */
function storePlan(queryClient: QueryClient, plan: Plan) {
  queryClient.setQueryData(planKeys.detail(plan.id), plan);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: planKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: myDayKeys.all }),
  ]);
}

/** `POST /api/plans` with an `Idempotency-Key`, so a double click or a retry never plans the course twice. */
export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreatePlanRequest; idempotencyKey: string }) =>
      api.post('/api/plans', body, Plan, { headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: (plan) => storePlan(queryClient, plan),
  });
}

/** `PATCH /api/plans/:id` with the `version` the edit started from; a stale one is refused with 409. */
export function useUpdatePlan(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePlanRequest) => api.patch(planPath(id), body, Plan),
    onSuccess: (plan) => storePlan(queryClient, plan),
  });
}

export type PlanAction =
  | { action: 'activate' | 'complete'; body: PlanTransitionRequest }
  | { action: 'discontinue'; body: DiscontinuePlanRequest }
  | { action: 'review'; body: ReviewPlanRequest };

/** `POST /api/plans/:id/{activate,complete,discontinue,review}` with the version the clinician saw. */
export function usePlanAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: PlanAction) => api.post(`${planPath(id)}/${action}`, body, Plan),
    onSuccess: (plan) => storePlan(queryClient, plan),
  });
}
