import { z } from 'zod';
import { AppointmentStatus } from './appointments';
import { Id, IsoDate, IsoDateTime } from './common';
import { OutcomeMeasure } from './outcomes/instrument-types';
import { Condition, PlanStatus } from './plans';

// ── Shared by every report ────────────────────────────────────────────────────────────────────────────────────────

/** The longest range one report covers: a year (a leap year's 366 days). */
export const MAX_REPORT_DAYS = 366;
/** An active plan with sessions remaining and no signed visit for this many days has stalled: a drop-out in all but name. */
export const STALLED_AFTER_DAYS = 21;

/** `?clinicId=a&clinicId=b` and `?clinicId=a,b` mean the same: a list of clinic ids (blanks ignored). */
const clinicIdList = z.preprocess((value) => {
  if (value === undefined || value === null || value === '') return undefined;
  const parts = (Array.isArray(value) ? value : [value]).flatMap((part) => String(part).split(','));
  const ids = parts.map((part) => part.trim()).filter((part) => part.length > 0);
  return ids.length === 0 ? undefined : [...new Set(ids)];
}, z.array(Id).max(100).optional());

/** `?format=csv` asks for CSV like `Accept: text/csv` does (handy for a plain download link). */
export const ReportFormat = z.enum(['json', 'csv']);
export type ReportFormat = z.infer<typeof ReportFormat>;

const rangeShape = {
  /** First local calendar day of the range, in each clinic's own time zone. */
  from: IsoDate,
  /** Last local calendar day, inclusive: `from=2026-03-01&to=2026-03-31` is March, whatever the clinics' zones. */
  to: IsoDate,
  /** One or more clinics (repeat the parameter or separate with commas); default: the clinics you work at. */
  clinicId: clinicIdList,
  format: ReportFormat.optional(),
};

const DAY_MS = 86_400_000;
type RangeShape = { from: string; to: string };
function checkRange(range: RangeShape, context: z.RefinementCtx) {
  const span = (Date.parse(range.to) - Date.parse(range.from)) / DAY_MS;
  if (span < 0) context.addIssue({ code: 'custom', path: ['to'], message: 'must be on or after from' });
  else if (span + 1 > MAX_REPORT_DAYS) context.addIssue({ code: 'custom', path: ['to'], message: `the range may cover at most ${MAX_REPORT_DAYS} days` });
}

const drilldownPaging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

/** A count with what it is a share of, so 1 of 2 never reads like 50 of 100. */
export const ReportShare = z.object({
  count: z.number().int().nonnegative(),
  of: z.number().int().nonnegative(),
  /** count / of × 100, one decimal; null when `of` is 0. */
  percent: z.number().nullable(),
});
export type ReportShare = z.infer<typeof ReportShare>;

export const ReportClinic = z.object({ id: Id, name: z.string(), timeZone: z.string() });

const reportHeader = {
  from: IsoDate,
  to: IsoDate,
  clinics: z.array(ReportClinic),
  generatedAt: IsoDateTime,
};

// ── Drill-down rows: the appointments, plans, patients and periods behind a number ───────────────────────────────────

export const ReportAppointmentRow = z.object({
  appointmentId: Id,
  /** Instants with the clinic's offset. */
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  minutes: z.number().int(),
  clinicId: Id,
  clinicName: z.string(),
  clinicianId: Id,
  clinicianName: z.string(),
  patientId: Id,
  patientName: z.string(),
  planId: Id.nullable(),
  status: AppointmentStatus,
  cancelReason: z.string().nullable(),
  lateCancellation: z.boolean(),
  /** When it was moved, how many times (it counts where it is now, never where it was). */
  moves: z.number().int(),
  /** When it was entered: later than `startsAt` for an appointment recorded after the fact (back-dated). */
  createdAt: IsoDateTime,
});
export type ReportAppointmentRow = z.infer<typeof ReportAppointmentRow>;

export const ReportPlanRow = z.object({
  planId: Id,
  patientId: Id,
  patientName: z.string(),
  clinicianId: Id,
  clinicianName: z.string(),
  clinicId: Id,
  clinicName: z.string(),
  condition: Condition,
  primaryMeasure: OutcomeMeasure,
  status: PlanStatus,
  plannedSessions: z.number().int(),
  /** Signed visit notes of the plan dated before the report's cut-off (the range's end, or now if sooner). */
  signedSessions: z.number().int(),
  startedOn: IsoDate.nullable(),
  endedOn: IsoDate.nullable(),
  lastSignedVisitAt: IsoDateTime.nullable(),
  reviewedAt: IsoDateTime.nullable(),
});
export type ReportPlanRow = z.infer<typeof ReportPlanRow>;

export const ReportPatientRow = z.object({
  patientId: Id,
  patientName: z.string(),
  /** Completed appointments in the range (with the clinician drilled into, or any). */
  sessions: z.number().int(),
  firstSeenAt: IsoDateTime,
  lastSeenAt: IsoDateTime,
});
export type ReportPatientRow = z.infer<typeof ReportPatientRow>;

/** One day's working hours of a clinician at a clinic, less the time off that falls in them. */
export const ReportWorkingPeriodRow = z.object({
  clinicianId: Id,
  clinicianName: z.string(),
  clinicId: Id,
  clinicName: z.string(),
  date: IsoDate,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  hours: z.number(),
  timeOffHours: z.number(),
  availableHours: z.number(),
});
export type ReportWorkingPeriodRow = z.infer<typeof ReportWorkingPeriodRow>;

/** A plan of the outcomes cohort with its primary measure at baseline, at session 4 and at discharge. */
export const ReportOutcomePlanRow = z.object({
  planId: Id,
  patientId: Id,
  patientName: z.string(),
  clinicianId: Id,
  clinicianName: z.string(),
  clinicId: Id,
  condition: Condition,
  measure: OutcomeMeasure,
  status: PlanStatus,
  baselineScore: z.number().nullable(),
  /** The session the session-4 reassessment counts for (4, or the first later one when 4 was missed). */
  session4AtSession: z.number().int().nullable(),
  session4Score: z.number().nullable(),
  session4Change: z.number().nullable(),
  /** Null when there is nothing to judge (no reassessment, or no baseline to compare it with). */
  session4Responder: z.boolean().nullable(),
  dischargeScore: z.number().nullable(),
  dischargeChange: z.number().nullable(),
  dischargeResponder: z.boolean().nullable(),
});
export type ReportOutcomePlanRow = z.infer<typeof ReportOutcomePlanRow>;

export const ReportWaitlistRow = z.object({
  entryId: Id,
  patientId: Id,
  patientName: z.string(),
  clinicId: Id,
  clinicName: z.string(),
  priority: z.number().int(),
  addedAt: IsoDateTime,
  removedAt: IsoDateTime.nullable(),
  removedReason: z.string().nullable(),
  /** Days on the list: until it left, or until the report's cut-off for those still waiting. One decimal. */
  waitDays: z.number(),
});
export type ReportWaitlistRow = z.infer<typeof ReportWaitlistRow>;

const drilldownPage = <K extends string, T extends z.ZodType>(kind: K, item: T) =>
  z.object({
    metric: z.string(),
    kind: z.literal(kind),
    items: z.array(item),
    total: z.number().int().nonnegative(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

/** Every drill-down answers one of these pages; `kind` says which rows it holds. */
export const ReportDrilldown = z.discriminatedUnion('kind', [
  drilldownPage('appointments', ReportAppointmentRow),
  drilldownPage('plans', ReportPlanRow),
  drilldownPage('patients', ReportPatientRow),
  drilldownPage('working-periods', ReportWorkingPeriodRow),
  drilldownPage('outcome-plans', ReportOutcomePlanRow),
  drilldownPage('waitlist-entries', ReportWaitlistRow),
]);
export type ReportDrilldown = z.infer<typeof ReportDrilldown>;
export type ReportDrilldownKind = ReportDrilldown['kind'];

// ── Caseload: GET /api/reports/caseload ───────────────────────────────────────────────────────────────────────────

export const CaseloadReportQuery = z.object(rangeShape).superRefine(checkRange);
export type CaseloadReportQuery = z.input<typeof CaseloadReportQuery>;

/**
 * What each caseload figure counts. Appointments belong to the local day they start on (in their clinic's zone) and
 * count where they are now (a moved appointment once, at its new time), whenever they were entered.
 */
export const CASELOAD_DEFINITIONS = {
  activePlans: 'Plans started on or before the last day and not ended before the first (completed or discontinued in the range included).',
  patientsSeen: 'Distinct patients with a completed appointment in the range.',
  sessionsDelivered: 'Completed appointments in the range. Booked, arrived, cancelled and no-show appointments are never delivered sessions.',
  bookedHours: 'Hours of appointments in the range that hold a slot: booked, arrived or completed (cancelled and no-show ones free it).',
  availableHours:
    "Weekly working hours at the clinic laid on each local day of the range (daylight-saving days counted in real hours), less the clinician's time off within them.",
  utilisation: 'Booked hours / available hours × 100; null without available hours. Can exceed 100 with bookings outside hours.',
  appointmentsDue: 'Appointments the patient was still expected at: attended (arrived or completed) + no-shows + late cancellations.',
  noShowRate: 'No-shows / appointments due × 100.',
  lateCancellationRate: "Late cancellations (inside the clinic's notice period) / appointments due × 100. Early cancellations are not due.",
  completedCourses: 'Plans completed (ended) in the range.',
  averageSessionsPerCompletedCourse: 'Mean of the signed visit notes (sessions) of the plans completed in the range.',
  discontinuedCourses: 'Plans discontinued in the range after they had started (a draft closed unstarted is not a course).',
  stalledCourses: `Plans still active at the cut-off with sessions remaining and no signed visit in the ${STALLED_AFTER_DAYS} days before it (counted from the start when none yet).`,
  completionRate: 'Completed / (completed + discontinued + stalled) × 100; the drop-out rate is the rest.',
  reviewDue: 'Plans active at the cut-off with 4 or more signed sessions and no session-4 review recorded before it.',
  cutOff: 'The end of the last day of the range, or now when that is later: stalled and review-due plans are judged then.',
} as const;

export const CaseloadFigures = z.object({
  activePlans: z.number().int(),
  patientsSeen: z.number().int(),
  sessionsDelivered: z.number().int(),
  /** Two decimals. */
  bookedHours: z.number(),
  availableHours: z.number(),
  /** One decimal; null without available hours. */
  utilisationPercent: z.number().nullable(),
  appointmentsDue: z.number().int(),
  noShows: ReportShare,
  lateCancellations: ReportShare,
  completedCourses: z.number().int(),
  /** One decimal; null when no course was completed. */
  averageSessionsPerCompletedCourse: z.number().nullable(),
  discontinuedCourses: z.number().int(),
  stalledCourses: z.number().int(),
  completion: ReportShare,
  dropOut: ReportShare,
  reviewDue: z.number().int(),
});
export type CaseloadFigures = z.infer<typeof CaseloadFigures>;

export const CaseloadClinicianRow = CaseloadFigures.extend({ clinicianId: Id, clinicianName: z.string() });
export type CaseloadClinicianRow = z.infer<typeof CaseloadClinicianRow>;

export const CaseloadReport = z.object({
  ...reportHeader,
  /** Clinicians with working hours, appointments or plans in the clinics, by name. */
  clinicians: z.array(CaseloadClinicianRow),
  /** The whole selection: counts added up, distinct patients counted once, rates from the added-up counts. */
  totals: CaseloadFigures,
});
export type CaseloadReport = z.infer<typeof CaseloadReport>;

export const CaseloadMetric = z.enum([
  'activePlans',
  'patientsSeen',
  'sessionsDelivered',
  'bookedHours',
  'availableHours',
  'appointmentsDue',
  'noShows',
  'lateCancellations',
  'completedCourses',
  'discontinuedCourses',
  'stalledCourses',
  'reviewDue',
]);
export type CaseloadMetric = z.infer<typeof CaseloadMetric>;

/** `GET /api/reports/caseload/drilldown`: the rows behind one figure, of one clinician or (without clinicianId) the totals. */
export const CaseloadDrilldownQuery = z
  .object({ ...rangeShape, ...drilldownPaging, metric: CaseloadMetric, clinicianId: Id.optional() })
  .superRefine(checkRange);
export type CaseloadDrilldownQuery = z.input<typeof CaseloadDrilldownQuery>;

// ── Outcomes: GET /api/reports/outcomes ───────────────────────────────────────────────────────────────────────────

export const OutcomesReportQuery = z.object({ ...rangeShape, condition: Condition.optional() }).superRefine(checkRange);
export type OutcomesReportQuery = z.input<typeof OutcomesReportQuery>;

export const OUTCOMES_DEFINITIONS = {
  cohort: 'Plans active at any time in the range (as in the caseload), grouped by condition and primary measure: scores of different instruments are never averaged together.',
  records: "Only the plan's primary measure, recorded up to the end of the range.",
  baseline: 'Plans with a baseline of the primary measure (GROC has none: its score is itself the change).',
  session4:
    'The first reassessment (not the baseline) counting for session 4 or later: its recorded session, else the sessions signed by the day it was taken.',
  discharge: 'The latest discharge record.',
  responder: "Change from baseline reaching the instrument's MCID in the better direction (points, or % where the MCID allows it).",
  share: 'Responders / plans with both a baseline (where the measure has one) and that reassessment.',
  meanChange: 'Mean of (reassessment − baseline) over the same plans, on the instrument scale; negative is better where lower is better.',
} as const;

export const OutcomesTimepointFigures = z.object({
  responders: ReportShare,
  /** One decimal; null with nobody measured. */
  meanChange: z.number().nullable(),
});
export type OutcomesTimepointFigures = z.infer<typeof OutcomesTimepointFigures>;

export const OutcomesConditionRow = z.object({
  condition: Condition,
  measure: OutcomeMeasure,
  direction: z.enum(['lower-is-better', 'higher-is-better']),
  /** Plans of the cohort with this condition and primary measure. */
  plans: z.number().int(),
  plansWithBaseline: z.number().int(),
  session4: OutcomesTimepointFigures,
  discharge: OutcomesTimepointFigures,
});
export type OutcomesConditionRow = z.infer<typeof OutcomesConditionRow>;

export const OutcomesReport = z.object({ ...reportHeader, rows: z.array(OutcomesConditionRow) });
export type OutcomesReport = z.infer<typeof OutcomesReport>;

export const OutcomesMetric = z.enum(['plans', 'plansWithBaseline', 'session4Measured', 'session4Responders', 'dischargeMeasured', 'dischargeResponders']);
export type OutcomesMetric = z.infer<typeof OutcomesMetric>;

export const OutcomesDrilldownQuery = z
  .object({ ...rangeShape, ...drilldownPaging, metric: OutcomesMetric, condition: Condition.optional(), measure: OutcomeMeasure.optional() })
  .superRefine(checkRange);
export type OutcomesDrilldownQuery = z.input<typeof OutcomesDrilldownQuery>;

// ── Attendance and waitlist: GET /api/reports/attendance ──────────────────────────────────────────────────────────

export const AttendanceReportQuery = z.object(rangeShape).superRefine(checkRange);
export type AttendanceReportQuery = z.input<typeof AttendanceReportQuery>;

export const ATTENDANCE_DEFINITIONS = {
  appointments: 'Every appointment starting in the range (its local day in its clinic), whatever its status.',
  arrivals: 'Arrived or completed appointments: the patient came.',
  cancellations: 'Cancelled appointments, by reason as written (case and surrounding spaces ignored); late ones were inside the notice period.',
  noShows: 'No-shows by local weekday (ISO, 1 = Monday) and local hour of the start.',
  waitlistWaiting: 'Entries on the list at the cut-off (added before it, not removed by then).',
  waitlistAdded: 'Entries added in the range.',
  waitlistLeft: 'Entries taken off the list in the range; the median wait is over these.',
  currentWait: 'Median days on the list so far of the entries still waiting at the cut-off.',
} as const;

export const AttendanceReport = z.object({
  ...reportHeader,
  appointments: z.number().int(),
  arrivals: ReportShare,
  cancellations: z.object({
    total: z.number().int(),
    late: z.number().int(),
    byReason: z.array(z.object({ reason: z.string().nullable(), count: z.number().int(), late: z.number().int() })),
  }),
  noShows: z.object({
    total: z.number().int(),
    byWeekday: z.array(z.object({ weekday: z.number().int().min(1).max(7), count: z.number().int() })),
    byHour: z.array(z.object({ hour: z.number().int().min(0).max(23), count: z.number().int() })),
    /** Only the weekday/hour cells with at least one no-show. */
    byWeekdayHour: z.array(z.object({ weekday: z.number().int(), hour: z.number().int(), count: z.number().int() })),
  }),
  waitlist: z.object({
    waiting: z.number().int(),
    added: z.number().int(),
    left: z.number().int(),
    /** One decimal; null when nobody left the list in the range. */
    medianWaitDays: z.number().nullable(),
    medianCurrentWaitDays: z.number().nullable(),
  }),
});
export type AttendanceReport = z.infer<typeof AttendanceReport>;

export const AttendanceMetric = z.enum(['appointments', 'arrivals', 'cancellations', 'lateCancellations', 'noShows', 'waitlistWaiting', 'waitlistAdded', 'waitlistLeft']);
export type AttendanceMetric = z.infer<typeof AttendanceMetric>;

export const AttendanceDrilldownQuery = z
  .object({
    ...rangeShape,
    ...drilldownPaging,
    metric: AttendanceMetric,
    /** cancellations: one reason as the report lists it (`reason=` alone: those without a reason). */
    reason: z.string().max(500).optional(),
    /** noShows: one ISO weekday and/or local hour. */
    weekday: z.coerce.number().int().min(1).max(7).optional(),
    hour: z.coerce.number().int().min(0).max(23).optional(),
  })
  .superRefine(checkRange);
export type AttendanceDrilldownQuery = z.input<typeof AttendanceDrilldownQuery>;
