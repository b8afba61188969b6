import type { ProblemFieldError, WorkingHoursEntry } from '@ims/contracts';

/**
 * Overlapping entries of a weekly schedule, as field errors naming the later entry (`hours.N.start`). Two entries
 * overlap when they share a weekday and their [start, end) ranges intersect; the clinician is one person, so that
 * holds across clinics too. Touching ranges (09:00-12:00 and 12:00-17:00) do not overlap.
 */
export function overlappingHours(hours: readonly WorkingHoursEntry[]): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  hours.forEach((entry, index) => {
    const earlier = hours.findIndex(
      (other, otherIndex) =>
        otherIndex < index && other.weekday === entry.weekday && other.start < entry.end && entry.start < other.end,
    );
    if (earlier >= 0) {
      const other = hours[earlier];
      const where = other.clinicId === entry.clinicId ? 'at the same clinic' : 'at another clinic';
      errors.push({
        path: `hours.${index}.start`,
        message: `overlaps hours.${earlier} (${other.start}-${other.end} ${where} on weekday ${entry.weekday})`,
      });
    }
  });
  return errors;
}

/** "HH:MM" to the Date PostgreSQL `time(0)` columns take through Prisma (the time of day on 1970-01-01 UTC). */
export function timeColumn(wallClock: string): Date {
  return new Date(`1970-01-01T${wallClock}:00Z`);
}

/** A `time(0)` column value back to "HH:MM". */
export function wallClockOf(time: Date): string {
  return time.toISOString().slice(11, 16);
}

/** Stable order for responses and audit details: weekday, then start, then clinic. */
export function compareHours(a: WorkingHoursEntry, b: WorkingHoursEntry): number {
  return a.weekday - b.weekday || a.start.localeCompare(b.start) || a.clinicId.localeCompare(b.clinicId);
}
