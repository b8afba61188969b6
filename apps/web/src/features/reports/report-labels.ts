import type { AttendanceMetric, CaseloadMetric, OutcomesMetric } from '@ims/contracts';

/** Each caseload figure as a manager names it: headers, drill-down titles and button labels. */
export const CASELOAD_METRIC_LABELS: Record<CaseloadMetric, string> = {
  activePlans: 'Active plans',
  patientsSeen: 'Patients seen',
  sessionsDelivered: 'Sessions delivered',
  bookedHours: 'Booked hours',
  availableHours: 'Available hours',
  appointmentsDue: 'Appointments due',
  noShows: 'No-shows',
  lateCancellations: 'Late cancellations',
  completedCourses: 'Completed courses',
  discontinuedCourses: 'Discontinued courses',
  stalledCourses: 'Stalled courses',
  reviewDue: 'Review due',
};

export const OUTCOMES_METRIC_LABELS: Record<OutcomesMetric, string> = {
  plans: 'Plans',
  plansWithBaseline: 'Plans with a baseline',
  session4Measured: 'Measured at session 4',
  session4Responders: 'Responders at session 4',
  dischargeMeasured: 'Measured at discharge',
  dischargeResponders: 'Responders at discharge',
};

export const ATTENDANCE_METRIC_LABELS: Record<AttendanceMetric, string> = {
  appointments: 'Appointments',
  arrivals: 'Arrivals',
  cancellations: 'Cancellations',
  lateCancellations: 'Late cancellations',
  noShows: 'No-shows',
  waitlistWaiting: 'Waiting on the list',
  waitlistAdded: 'Added to the waitlist',
  waitlistLeft: 'Left the waitlist',
};

/** ISO weekday (1 = Monday) → "Monday". */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** "09:00" for hour 9. */
export const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
