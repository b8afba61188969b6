import type { Muscle } from '@ims/contracts';
import { useQuery } from '@tanstack/react-query';
import { planVisitsQueryOptions } from '../plans/api';
import type { BodyMapMuscle } from './body-map-positions';

/**
 * The muscles needled over a plan's course, from `GET /api/visits?planId=`'s muscle codes, resolved against the
 * catalogue (a code the catalogue no longer has is left out: there is nothing to say where it is).
 */
export function useCourseMuscles(planId: string | null, byCode: ReadonlyMap<string, Muscle>): BodyMapMuscle[] {
  const visits = useQuery({ ...planVisitsQueryOptions(planId ?? ''), enabled: !!planId });
  if (!planId || !visits.data) return [];
  const codes = new Set(visits.data.flatMap((visit) => visit.muscleCodes));
  return [...codes].flatMap((code) => {
    const muscle = byCode.get(code);
    return muscle ? [muscle] : [];
  });
}
