import type { Muscle } from '@ims/contracts';
import { isOptionsGroup, type ComboboxItem, type ComboboxParsedItem, type OptionsFilter } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { musclesQueryOptions, visitsQueryOptions } from './api';
import { muscleMatches, muscleOptionGroups, recentMuscleCodes, type MuscleOptionGroup } from './recent-muscles';

/** The catalogue as the charting screen uses it: lookups by id and code, and the picker's options. */
export interface MuscleCatalogue {
  muscles: Muscle[];
  byId: ReadonlyMap<string, Muscle>;
  byCode: ReadonlyMap<string, Muscle>;
  groups: MuscleOptionGroup[];
  filter: OptionsFilter;
}

const EMPTY: Muscle[] = [];

/**
 * `GET /api/muscles` with this patient's and this clinician's recently needled muscles offered first. The recent
 * lists are a convenience: while they load (or if they fail) the picker simply starts with the regions.
 */
export function useMuscleCatalogue(options: { patientId: string; clinicianId: string; visitId: string }) {
  const muscles = useQuery(musclesQueryOptions());
  // The same query as the note history beside the form, so the two share one request.
  const patientVisits = useQuery(visitsQueryOptions({ patientId: options.patientId, pageSize: 100 }));
  const clinicianVisits = useQuery(visitsQueryOptions({ clinicianId: options.clinicianId, pageSize: 20 }));

  const catalogue = useMemo<MuscleCatalogue>(() => {
    const list = muscles.data ?? EMPTY;
    const byId = new Map(list.map((muscle) => [muscle.id, muscle]));
    const byCode = new Map(list.map((muscle) => [muscle.code, muscle]));
    const recent = recentMuscleCodes({
      patientVisits: patientVisits.data ?? [],
      clinicianVisits: clinicianVisits.data ?? [],
      excludeVisitId: options.visitId,
    });
    const matches = (item: ComboboxItem, search: string) => muscleMatches(byId.get(item.value), search);
    const filter: OptionsFilter = ({ options: all, search }) =>
      all.flatMap<ComboboxParsedItem>((entry) => {
        if (isOptionsGroup(entry)) {
          const items = entry.items.filter((item) => matches(item, search));
          return items.length ? [{ ...entry, items }] : [];
        }
        return matches(entry, search) ? [entry] : [];
      });
    return { muscles: list, byId, byCode, groups: muscleOptionGroups(list, recent), filter };
  }, [muscles.data, patientVisits.data, clinicianVisits.data, options.visitId]);

  return { catalogue, isPending: muscles.isPending, error: muscles.error, refetch: muscles.refetch };
}
