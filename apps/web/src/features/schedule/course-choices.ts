import type { SeriesOccurrence } from '@ims/contracts';

/**
 * What to do with one previewed occurrence: book it as planned, book one of its alternatives (the value is
 * `alt:<startsAt>`), or skip it.
 */
export type OccurrenceChoice = 'planned' | 'skip' | `alt:${string}`;

/** Free occurrences are booked as planned; a conflicting one waits for the person to pick an alternative or skip. */
export function defaultChoices(occurrences: readonly SeriesOccurrence[]): OccurrenceChoice[] {
  return occurrences.map((occurrence) => (occurrence.available ? 'planned' : 'skip'));
}

/** The start of what each choice books, null for a skipped one. */
export function chosenStart(occurrence: SeriesOccurrence, choice: OccurrenceChoice): string | null {
  if (choice === 'skip') return null;
  if (choice === 'planned') return occurrence.available ? occurrence.startsAt : null;
  return choice.slice('alt:'.length);
}

/** The occurrences to commit, in series order. */
export function chosenOccurrences(occurrences: readonly SeriesOccurrence[], choices: readonly OccurrenceChoice[]): { startsAt: string }[] {
  return occurrences.flatMap((occurrence, index) => {
    const startsAt = chosenStart(occurrence, choices[index] ?? 'skip');
    return startsAt ? [{ startsAt }] : [];
  });
}

/** Indexes whose chosen time is also chosen by an earlier row (an alternative landing on another session). */
export function clashingChoices(occurrences: readonly SeriesOccurrence[], choices: readonly OccurrenceChoice[]): Set<number> {
  const seen = new Set<number>();
  const clashes = new Set<number>();
  occurrences.forEach((occurrence, index) => {
    const startsAt = chosenStart(occurrence, choices[index] ?? 'skip');
    if (!startsAt) return;
    const instant = Date.parse(startsAt);
    if (seen.has(instant)) clashes.add(index);
    seen.add(instant);
  });
  return clashes;
}
