import { TZDate } from '@date-fns/tz';
import { format, getISODay } from 'date-fns';

/**
 * The booking rules that do not need the database: where an appointment falls on the clinic's wall clock and whether
 * that is inside working hours, opening hours and outside time off. Pure so they are unit-tested without PostgreSQL
 * and shared by single bookings and course bookings alike.
 */

/** A weekly range in wall-clock "HH:MM" on an ISO weekday (1 = Monday … 7 = Sunday), [start, end). */
export interface WeeklyRange {
  weekday: number;
  start: string;
  end: string;
}

/** An interval of instants, [startsAt, endsAt). */
export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

/** What an appointment looks like on the clinic's wall clock. */
export interface LocalSlot {
  /** ISO weekday of the start in the clinic's zone. */
  weekday: number;
  /** `YYYY-MM-DD` of the start in the clinic's zone. */
  day: string;
  /** "HH:MM" wall-clock start and end. */
  start: string;
  end: string;
  /** False when the appointment runs past local midnight: no weekly range can then hold it. */
  sameDay: boolean;
}

/** Where an interval falls on the wall clock of `timeZone` (IANA). */
export function localSlot({ startsAt, endsAt }: Interval, timeZone: string): LocalSlot {
  const start = new TZDate(startsAt.getTime(), timeZone);
  const end = new TZDate(endsAt.getTime(), timeZone);
  const day = format(start, 'yyyy-MM-dd');
  // An end exactly at local midnight still belongs to the day it ends ("… until 24:00").
  const endDay = format(new TZDate(endsAt.getTime() - 1, timeZone), 'yyyy-MM-dd');
  const endClock = format(end, 'HH:mm');
  return {
    weekday: getISODay(start),
    day,
    start: format(start, 'HH:mm'),
    end: endClock === '00:00' && endDay === day ? '24:00' : endClock,
    sameDay: endDay === day,
  };
}

/** True when one weekly range of the slot's weekday holds the whole slot. Ranges that merely touch do not join. */
export function withinWeeklyRanges(slot: LocalSlot, ranges: readonly WeeklyRange[]): boolean {
  if (!slot.sameDay) return false;
  return ranges.some((range) => range.weekday === slot.weekday && range.start <= slot.start && slot.end <= range.end);
}

/** Human wording of a weekday's ranges for messages, e.g. "09:00-12:00, 13:00-17:00" or "none". */
export function describeRanges(weekday: number, ranges: readonly WeeklyRange[]): string {
  const today = ranges
    .filter((range) => range.weekday === weekday)
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((range) => `${range.start}-${range.end}`);
  return today.length > 0 ? today.join(', ') : 'none';
}

const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const weekdayName = (weekday: number): string => WEEKDAY_NAMES[weekday] ?? `weekday ${weekday}`;

/** Half-open intervals overlap when each starts before the other ends; back-to-back ones do not. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** The time-off periods the interval overlaps, earliest first. */
export function overlappingTimeOff<T extends Interval>(slot: Interval, timeOff: readonly T[]): T[] {
  return timeOff.filter((period) => overlaps(slot, period)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** A booking-rule failure: which rule, said in words a receptionist understands. */
export interface RuleFinding {
  kind: 'working_hours' | 'opening_hours' | 'time_off';
  message: string;
}

export interface RuleInputs {
  slot: Interval;
  timeZone: string;
  clinicianName: string;
  clinicName: string;
  /** The clinician's weekly hours at this clinic only. */
  workingHours: readonly WeeklyRange[];
  /** The clinic's opening hours; an empty list means none are set up, and then they restrict nothing. */
  openingHours: readonly WeeklyRange[];
  timeOff: readonly Interval[];
}

/**
 * Every rule the slot breaks. Working hours are required: a clinician with no hours at the clinic that day is not
 * bookable there. Opening hours only restrict once the clinic has set some, so a new clinic is usable before its
 * admin has entered them.
 */
export function slotRuleFindings(input: RuleInputs): RuleFinding[] {
  const local = localSlot(input.slot, input.timeZone);
  const when = `${weekdayName(local.weekday)} ${local.day} ${local.start}-${local.end}`;
  const findings: RuleFinding[] = [];
  if (!withinWeeklyRanges(local, input.workingHours)) {
    findings.push({
      kind: 'working_hours',
      message: `${when} is outside ${input.clinicianName}'s working hours at ${input.clinicName} (${describeRanges(local.weekday, input.workingHours)})`,
    });
  }
  if (input.openingHours.length > 0 && !withinWeeklyRanges(local, input.openingHours)) {
    findings.push({
      kind: 'opening_hours',
      message: `${when} is outside ${input.clinicName}'s opening hours (${describeRanges(local.weekday, input.openingHours)})`,
    });
  }
  for (const period of overlappingTimeOff(input.slot, input.timeOff)) {
    const from = format(new TZDate(period.startsAt.getTime(), input.timeZone), 'yyyy-MM-dd HH:mm');
    const to = format(new TZDate(period.endsAt.getTime(), input.timeZone), 'yyyy-MM-dd HH:mm');
    findings.push({ kind: 'time_off', message: `${input.clinicianName} is off from ${from} to ${to}` });
  }
  return findings;
}

/** The rule id a 422 violation carries for each finding kind (api-shape: kebab-case rule ids). */
export const RULE_ID: Record<RuleFinding['kind'], string> = {
  working_hours: 'working-hours',
  opening_hours: 'opening-hours',
  time_off: 'time-off',
};
