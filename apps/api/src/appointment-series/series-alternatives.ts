import { Temporal } from 'temporal-polyfill';
import { occurrenceOn, type PlannedOccurrence } from './series-planner';

/** Same-day alternatives are offered on a quarter-hour grid (and on the asked time's own quarter-hour grid). */
const STEP_MINUTES = 15;
/** How many later days are tried at the same local time. */
const NEXT_DAYS = 7;
/** At most this many same-day times come before the next-day ones, so the list always shows both kinds if it can. */
const SAME_DAY_FIRST = 2;

export interface WallClockWindow {
  /** "HH:MM" */
  start: string;
  end: string;
}

export interface AlternativeInput {
  date: Temporal.PlainDate;
  wallClock: Temporal.PlainTime;
  timeZone: string;
  durationMinutes: number;
  /** The clinician's working hours at the clinic on that date's weekday. */
  windows: readonly WallClockWindow[];
  /** Local dates (`YYYY-MM-DD`) that already hold a session of the series: no second one is proposed there. */
  seriesDates: ReadonlySet<string>;
}

const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const clockOfMinutes = (minutes: number) => Temporal.PlainTime.from({ hour: Math.floor(minutes / 60), minute: minutes % 60 });

/**
 * Other start times on the same day inside the working hours, nearest to the asked time first (earlier first on a
 * tie). Times whose wall clock does not exist that day (DST gap) are left out: an alternative must be bookable as shown.
 */
export function sameDayCandidates(input: AlternativeInput): PlannedOccurrence[] {
  const asked = input.wallClock.hour * 60 + input.wallClock.minute;
  const starts = new Set<number>();
  for (const window of input.windows) {
    const [from, to] = [minutesOf(window.start), minutesOf(window.end) - input.durationMinutes];
    for (let t = from; t <= to; t += STEP_MINUTES) starts.add(t);
    for (let t = asked - Math.floor((asked - from) / STEP_MINUTES) * STEP_MINUTES; t <= to; t += STEP_MINUTES) if (t >= from) starts.add(t);
  }
  starts.delete(asked);
  return [...starts]
    .sort((a, b) => Math.abs(a - asked) - Math.abs(b - asked) || a - b)
    .map((t) => occurrenceOn(input.date, clockOfMinutes(t), input.timeZone, input.durationMinutes))
    .filter((candidate) => candidate.available);
}

/** The same local time on each of the next days that holds no session of the series yet, soonest first. */
export function nextDayCandidates(input: AlternativeInput): PlannedOccurrence[] {
  const candidates: PlannedOccurrence[] = [];
  for (let day = 1; day <= NEXT_DAYS; day += 1) {
    const date = input.date.add({ days: day });
    if (input.seriesDates.has(date.toString())) continue;
    const candidate = occurrenceOn(date, input.wallClock, input.timeZone, input.durationMinutes);
    if (candidate.available) candidates.push(candidate);
  }
  return candidates;
}

/**
 * Up to `limit` free alternatives: the nearest same-day times (at most two), then the next days at the same local
 * time, then further same-day times if the days after gave too few. `isFree` is asked in that order and only as
 * often as needed, since each answer costs a database check.
 */
export async function pickAlternatives(
  input: AlternativeInput,
  isFree: (candidate: PlannedOccurrence) => Promise<boolean>,
  limit = 3,
): Promise<PlannedOccurrence[]> {
  const picked: PlannedOccurrence[] = [];
  const sameDay = sameDayCandidates(input);
  let sameDayIndex = 0;
  const takeSameDay = async (until: number) => {
    while (picked.length < until && sameDayIndex < sameDay.length) {
      const candidate = sameDay[sameDayIndex++];
      if (await isFree(candidate)) picked.push(candidate);
    }
  };
  await takeSameDay(Math.min(SAME_DAY_FIRST, limit));
  for (const candidate of nextDayCandidates(input)) {
    if (picked.length >= limit) break;
    if (await isFree(candidate)) picked.push(candidate);
  }
  await takeSameDay(limit);
  return picked;
}
