import { MUSCLE_REGIONS, type Muscle, type VisitSummary } from '@ims/contracts';

/** At most this many muscles lead the list; more would push the catalogue's regions out of sight. */
export const RECENT_LIMIT = 12;

/**
 * Muscle codes to offer first, most relevant first: those this patient was needled in (newest visit first), then
 * this clinician's recent ones. Sorting here, because list order is the API's choice.
 */
export function recentMuscleCodes(options: {
  patientVisits: readonly VisitSummary[];
  clinicianVisits: readonly VisitSummary[];
  excludeVisitId?: string;
  limit?: number;
}): string[] {
  const newestFirst = (visits: readonly VisitSummary[]) =>
    visits.filter((visit) => visit.id !== options.excludeVisitId).toSorted((a, b) => Date.parse(b.visitedAt) - Date.parse(a.visitedAt));
  const codes = new Set<string>();
  for (const visit of [...newestFirst(options.patientVisits), ...newestFirst(options.clinicianVisits)]) {
    for (const code of visit.muscleCodes) codes.add(code);
  }
  return [...codes].slice(0, options.limit ?? RECENT_LIMIT);
}

export interface MuscleOptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

/** The muscle picker's options: "Recent" first, then the rest of the catalogue by body region. */
export function muscleOptionGroups(muscles: readonly Muscle[], recentCodes: readonly string[]): MuscleOptionGroup[] {
  const byCode = new Map(muscles.map((muscle) => [muscle.code, muscle]));
  const recent = recentCodes.flatMap((code) => {
    const muscle = byCode.get(code);
    return muscle ? [muscle] : [];
  });
  const recentIds = new Set(recent.map((muscle) => muscle.id));
  const option = (muscle: Muscle) => ({ value: muscle.id, label: muscle.name });
  const groups: MuscleOptionGroup[] = recent.length ? [{ group: 'Recent', items: recent.map(option) }] : [];
  for (const region of MUSCLE_REGIONS) {
    const items = muscles
      .filter((muscle) => muscle.region === region.key && !recentIds.has(muscle.id))
      .toSorted((a, b) => a.name.localeCompare(b.name))
      .map(option);
    if (items.length) groups.push({ group: region.label, items });
  }
  return groups;
}

/** True when every word typed appears in the muscle's name, code or region ("up trap", "glut med", "neck"). */
export function muscleMatches(muscle: Muscle | undefined, search: string): boolean {
  if (!muscle) return false;
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const region = MUSCLE_REGIONS.find((entry) => entry.key === muscle.region)?.label ?? '';
  const text = `${muscle.name} ${muscle.code.replace(/_/g, ' ')} ${region}`.toLowerCase();
  return words.every((word) => text.includes(word));
}
