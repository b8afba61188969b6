import { OutcomeMeasureDefinitions, OutcomeRecord, PlanOutcomes, type CreateOutcomeRequest } from '@ims/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../lib/api-client';
import { myDayKeys } from '../my-day/api';
import { planKeys, planPath } from '../plans/api';

/** Query keys of outcome measures, general to specific. */
export const outcomeKeys = {
  all: ['outcomes'] as const,
  definitions: () => [...outcomeKeys.all, 'definitions'] as const,
  plans: () => [...outcomeKeys.all, 'plan'] as const,
  plan: (planId: string) => [...outcomeKeys.plans(), planId] as const,
};

/**
 * `GET /api/outcome-measures`: every instrument's items, allowed values, direction, range and MCID. They change only
 * with a release of the app, so they are fetched once per session.
 */
export const outcomeDefinitionsQueryOptions = () =>
  queryOptions({
    queryKey: outcomeKeys.definitions(),
    queryFn: ({ signal }) => api.get('/api/outcome-measures', OutcomeMeasureDefinitions, { signal }),
    select: (definitions) => definitions.items,
    staleTime: Infinity,
  });

/**
 * `GET /api/plans/:id/outcomes`: per measure the baseline and every record with its change, the session-4 review and
 * what is due. Signing a visit elsewhere moves the sessions it is judged on, so it is asked again on every visit.
 */
export const planOutcomesQueryOptions = (planId: string) =>
  queryOptions({
    queryKey: outcomeKeys.plan(planId),
    queryFn: ({ signal }) => api.get(`${planPath(planId)}/outcomes`, PlanOutcomes, { signal }),
    staleTime: 0,
  });

/**
 * `POST /api/outcomes` with an `Idempotency-Key`, so a double click or a retry never records twice. A new record moves
 * the plan's analysis, its review and what is due on the clinician's day; a 409 (a baseline recorded meanwhile from
 * another screen) means the analysis the form was built from is out of date.
 */
export function useRecordOutcome(planId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: planKeys.all }),
      queryClient.invalidateQueries({ queryKey: outcomeKeys.plan(planId) }),
      queryClient.invalidateQueries({ queryKey: myDayKeys.all }),
    ]);
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateOutcomeRequest; idempotencyKey: string }) =>
      api.post('/api/outcomes', body, OutcomeRecord, { headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: refresh,
    onError: (error) => (isApiError(error, 409) ? refresh() : undefined),
  });
}
