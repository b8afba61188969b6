import type { Muscle, VisitNote, VisitSite, VisitSummary } from '@ims/contracts';
import { CLINIC_A } from '../../../test/api-stub';
import { PATIENT_ID } from '../../../test/patient-fixtures';

export const VISIT_ID = '3c3c3c3c-1a1a-4b2b-8c3c-5d5d5d5d5d5d';
export const CLINICIAN = { id: '4d5e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f80', name: 'Priya Physio' };

const muscle = (n: number, fields: Omit<Muscle, 'id'>): Muscle => ({ id: `6a6a6a6a-0000-4000-8000-${String(n).padStart(12, '0')}`, ...fields });

/** A few catalogue muscles: a neck one, a levelled paraspinal, a thoracic one, a deep hip one. */
export const MUSCLES = {
  upperTrapezius: muscle(1, { code: 'upper_trapezius', name: 'Upper trapezius', region: 'head_neck', sided: true, levelled: false, depthMinCm: 1, depthMaxCm: 2.5, thoraxRisk: false }),
  masseter: muscle(2, { code: 'masseter', name: 'Masseter', region: 'head_neck', sided: true, levelled: false, depthMinCm: 1, depthMaxCm: 2, thoraxRisk: false }),
  lumbarMultifidus: muscle(3, { code: 'lumbar_multifidus', name: 'Lumbar multifidus', region: 'back', sided: true, levelled: true, depthMinCm: 3, depthMaxCm: 6, thoraxRisk: false }),
  intercostals: muscle(4, { code: 'intercostals', name: 'Intercostals', region: 'thorax', sided: true, levelled: false, depthMinCm: 0.5, depthMaxCm: 1.5, thoraxRisk: true }),
  gluteusMedius: muscle(5, { code: 'gluteus_medius', name: 'Gluteus medius', region: 'hip_pelvis', sided: true, levelled: false, depthMinCm: 3, depthMaxCm: 6, thoraxRisk: false }),
} as const;

export const muscleList = { items: Object.values(MUSCLES) };

/** A saved site on a catalogue muscle. */
export function siteFixture(m: Muscle, over: Partial<VisitSite> = {}): VisitSite {
  return {
    muscleId: m.id,
    muscle: { code: m.code, name: m.name, region: m.region, depthMinCm: m.depthMinCm, depthMaxCm: m.depthMaxCm, thoraxRisk: m.thoraxRisk },
    side: 'right',
    level: null,
    gauge: 0.25,
    lengthMm: 30,
    depthCm: 1.5,
    depthAck: null,
    depthOutsideRange: false,
    technique: 'pistoning',
    twitch: 'local',
    tolerance: 'good',
    ...over,
  };
}

/** A draft note of the test patient with nothing charted yet, unless told otherwise. */
export function visitFixture(over: Partial<VisitNote> = {}): VisitNote {
  return {
    id: VISIT_ID,
    version: 1,
    appointmentId: '2b2b2b2b-1a1a-4b2b-8c3c-5d5d5d5d5d5d',
    clinicId: CLINIC_A.id,
    patientId: PATIENT_ID,
    patient: { id: PATIENT_ID, name: 'Jonathan Smith' },
    clinicianId: CLINICIAN.id,
    clinician: CLINICIAN,
    planId: null,
    sessionNumber: null,
    plannedSessions: null,
    status: 'draft',
    visitedAt: '2026-03-09T17:00:00Z',
    visitDate: '2026-03-09',
    painBefore: null,
    painAfter: null,
    subjective: '',
    objective: '',
    assessment: '',
    plan: '',
    advice: '',
    screeningChanges: '',
    needlingDone: true,
    sites: [],
    adverseEvents: [],
    needleCount: { opened: 0, removed: 0, retained: 0, disposed: 0 },
    minutesSpent: null,
    signedAt: null,
    signedBy: null,
    contentHash: null,
    addenda: [],
    createdAt: '2026-03-09T17:00:00Z',
    updatedAt: '2026-03-09T17:00:00Z',
    ...over,
  };
}

/** The same note, signed. */
export function signedVisitFixture(over: Partial<VisitNote> = {}): VisitNote {
  return visitFixture({
    version: 4,
    status: 'signed',
    painBefore: 6,
    painAfter: 3,
    assessment: 'Taut bands in the right upper trapezius.',
    sites: [siteFixture(MUSCLES.upperTrapezius)],
    needleCount: { opened: 2, removed: 2, retained: 0, disposed: 2 },
    signedAt: '2026-03-09T17:50:00Z',
    signedBy: CLINICIAN,
    contentHash: 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    ...over,
  });
}

/** A row of `GET /api/visits`. */
export function summaryFixture(over: Partial<VisitSummary> = {}): VisitSummary {
  return {
    id: '5e5e5e5e-0000-4000-8000-000000000001',
    appointmentId: '2b2b2b2b-0000-4000-8000-000000000001',
    status: 'signed',
    visitedAt: '2026-03-02T17:00:00Z',
    patient: { id: PATIENT_ID, name: 'Jonathan Smith' },
    clinician: CLINICIAN,
    planId: null,
    sessionNumber: null,
    painBefore: 7,
    painAfter: 4,
    muscleCodes: ['upper_trapezius'],
    addendaCount: 0,
    signedAt: '2026-03-02T17:45:00Z',
    ...over,
  };
}
