import type { AttendanceReport, CaseloadFigures, CaseloadReport, OutcomesReport, ReportAppointmentRow, ReportDrilldown, ReportShare } from '@ims/contracts';
import { CLINIC_A } from '../../../test/api-stub';
import { PATIENT_ID } from '../../../test/patient-fixtures';
import { PLAN_ID } from '../../plans/testing/plan-fixtures';

export const FROM = '2026-03-01';
export const TO = '2026-03-31';
export const MAYA = { id: '4d5e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f80', name: 'Dr. Maya Thompson, PT' };
export const SAM = { id: '5e6f7a8b-9c0d-4e1f-8a3b-4c5d6e7f8091', name: 'Sam Okafor, PT' };

const share = (count: number, of: number): ReportShare => ({ count, of, percent: of === 0 ? null : Math.round((count / of) * 1000) / 10 });

const header = {
  from: FROM,
  to: TO,
  clinics: [{ id: CLINIC_A.id, name: CLINIC_A.name, timeZone: 'America/Vancouver' }],
  generatedAt: '2026-04-01T16:00:00Z',
};

function figures(over: Partial<CaseloadFigures>): CaseloadFigures {
  return {
    activePlans: 0,
    patientsSeen: 0,
    sessionsDelivered: 0,
    bookedHours: 0,
    availableHours: 0,
    utilisationPercent: null,
    appointmentsDue: 0,
    noShows: share(0, 0),
    lateCancellations: share(0, 0),
    completedCourses: 0,
    averageSessionsPerCompletedCourse: null,
    discontinuedCourses: 0,
    stalledCourses: 0,
    completion: share(0, 0),
    dropOut: share(0, 0),
    reviewDue: 0,
    ...over,
  };
}

/** Two clinicians and their totals, every figure different so each can be found by its number. */
export function caseloadFixture(): CaseloadReport {
  const maya = figures({
    activePlans: 9,
    patientsSeen: 7,
    sessionsDelivered: 12,
    bookedHours: 7.5,
    availableHours: 10,
    utilisationPercent: 75,
    appointmentsDue: 14,
    noShows: share(1, 14),
    lateCancellations: share(2, 14),
    completedCourses: 3,
    averageSessionsPerCompletedCourse: 8.3,
    discontinuedCourses: 1,
    stalledCourses: 2,
    completion: share(3, 6),
    dropOut: share(3, 6),
    reviewDue: 4,
  });
  const sam = figures({ activePlans: 5, patientsSeen: 6, sessionsDelivered: 8, bookedHours: 4.25, availableHours: 0, appointmentsDue: 11, noShows: share(3, 11), lateCancellations: share(0, 11) });
  return {
    ...header,
    clinicians: [
      { clinicianId: MAYA.id, clinicianName: MAYA.name, ...maya },
      { clinicianId: SAM.id, clinicianName: SAM.name, ...sam },
    ],
    totals: figures({
      activePlans: 14,
      patientsSeen: 11,
      sessionsDelivered: 20,
      bookedHours: 11.75,
      availableHours: 10,
      utilisationPercent: 117.5,
      appointmentsDue: 25,
      noShows: share(4, 25),
      lateCancellations: share(2, 25),
      completedCourses: 3,
      averageSessionsPerCompletedCourse: 8.3,
      discontinuedCourses: 1,
      stalledCourses: 2,
      completion: share(3, 6),
      dropOut: share(3, 6),
      reviewDue: 4,
    }),
  };
}

export function outcomesFixture(): OutcomesReport {
  return {
    ...header,
    rows: [
      {
        condition: 'neck_pain',
        measure: 'NDI',
        direction: 'lower-is-better',
        plans: 6,
        plansWithBaseline: 5,
        session4: { responders: share(2, 5), meanChange: -6.4 },
        discharge: { responders: share(1, 1), meanChange: -12 },
      },
      {
        condition: 'back_pain',
        measure: 'ODI',
        direction: 'lower-is-better',
        plans: 1,
        plansWithBaseline: 1,
        session4: { responders: share(0, 0), meanChange: null },
        discharge: { responders: share(0, 0), meanChange: null },
      },
    ],
  };
}

export function attendanceFixture(): AttendanceReport {
  return {
    ...header,
    appointments: 40,
    arrivals: share(30, 40),
    cancellations: {
      total: 6,
      late: 2,
      byReason: [
        { reason: 'Sick', count: 4, late: 2 },
        { reason: null, count: 2, late: 0 },
      ],
    },
    noShows: {
      total: 4,
      byWeekday: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, count: weekday === 1 ? 3 : weekday === 3 ? 1 : 0 })),
      byHour: Array.from({ length: 24 }, (_, hour) => ({ hour, count: hour === 9 ? 3 : hour === 14 ? 1 : 0 })),
      byWeekdayHour: [
        { weekday: 1, hour: 9, count: 3 },
        { weekday: 3, hour: 14, count: 1 },
      ],
    },
    waitlist: { waiting: 5, added: 3, left: 2, medianWaitDays: 12.5, medianCurrentWaitDays: 20 },
  };
}

export function appointmentRow(n: number, over: Partial<ReportAppointmentRow> = {}): ReportAppointmentRow {
  return {
    appointmentId: `6f7a8b9c-0d1e-4f2a-9b4c-00000000000${n}`,
    startsAt: `2026-03-0${n + 1}T10:00:00-08:00`,
    endsAt: `2026-03-0${n + 1}T10:30:00-08:00`,
    minutes: 30,
    clinicId: CLINIC_A.id,
    clinicName: CLINIC_A.name,
    clinicianId: MAYA.id,
    clinicianName: MAYA.name,
    patientId: PATIENT_ID,
    patientName: 'Jonathan Smith',
    planId: PLAN_ID,
    status: 'completed',
    cancelReason: null,
    lateCancellation: false,
    moves: 0,
    createdAt: '2026-02-20T18:00:00Z',
    ...over,
  };
}

/** A page of appointments as a drill-down answers it. */
export function appointmentsPage(items: ReportAppointmentRow[], total = items.length, metric = 'sessionsDelivered'): ReportDrilldown {
  return { metric, kind: 'appointments', items, total, page: 1, pageSize: 25 };
}
