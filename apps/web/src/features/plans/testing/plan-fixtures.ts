import type { Plan, VisitSummary } from '@ims/contracts';
import { CLINIC_A } from '../../../test/api-stub';
import { PATIENT_ID } from '../../../test/patient-fixtures';

export const PLAN_ID = '8a8a8a8a-1b1b-4c2c-8d3d-4e4e4e4e4e4e';
export const CLINICIAN = { id: '4d5e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f80', name: 'Priya Physio' };

/** An active neck-pain plan of the test patient, 4 of 10 sessions signed and its review due, unless told otherwise. */
export function planFixture(over: Partial<Plan> = {}): Plan {
  return {
    id: PLAN_ID,
    version: 5,
    clinicId: CLINIC_A.id,
    patientId: PATIENT_ID,
    patient: { id: PATIENT_ID, name: 'Jonathan Smith' },
    clinicianId: CLINICIAN.id,
    clinician: CLINICIAN,
    condition: 'neck_pain',
    conditionDetail: null,
    regions: ['head_neck', 'shoulder'],
    goals: 'Shoulder check when driving without pain',
    plannedSessions: 10,
    completedSessions: 4,
    primaryMeasure: 'NDI',
    status: 'active',
    statusReason: null,
    startedOn: '2026-02-02',
    endedOn: null,
    reviewDue: true,
    reviewedAt: null,
    reviewedBy: null,
    reviewNote: null,
    createdAt: '2026-02-01T18:00:00Z',
    updatedAt: '2026-03-02T18:00:00Z',
    ...over,
  };
}

/** A signed visit of the plan, session `n`. */
export function visitSummary(n: number, over: Partial<VisitSummary> = {}): VisitSummary {
  return {
    id: `9c9c9c9c-0000-4000-8000-${String(n).padStart(12, '0')}`,
    appointmentId: `7d7d7d7d-0000-4000-8000-${String(n).padStart(12, '0')}`,
    status: 'signed',
    visitedAt: `2026-02-${String(n * 7).padStart(2, '0')}T17:00:00Z`,
    patient: { id: PATIENT_ID, name: 'Jonathan Smith' },
    clinician: CLINICIAN,
    planId: PLAN_ID,
    sessionNumber: n,
    painBefore: 7,
    painAfter: 4,
    muscleCodes: ['upper-trapezius'],
    addendaCount: 0,
    signedAt: `2026-02-${String(n * 7).padStart(2, '0')}T17:45:00Z`,
    ...over,
  };
}
