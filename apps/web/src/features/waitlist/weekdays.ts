/** ISO weekdays (1 = Monday … 7 = Sunday) with the short names the desk reads. */
export const WEEKDAYS = [
  { value: 1, label: 'Mon' },
  { value: 2, label: 'Tue' },
  { value: 3, label: 'Wed' },
  { value: 4, label: 'Thu' },
  { value: 5, label: 'Fri' },
  { value: 6, label: 'Sat' },
  { value: 7, label: 'Sun' },
] as const;

/** "Mon, Wed" for [1, 3]; an empty list means any day. */
export function weekdayNames(days: readonly number[]): string {
  if (days.length === 0) return 'any day';
  return [...days]
    .sort((a, b) => a - b)
    .map((day) => WEEKDAYS.find((weekday) => weekday.value === day)?.label ?? String(day))
    .join(', ');
}
