import { TZDate } from '@date-fns/tz';
import { addDays, addMinutes } from 'date-fns';
import type { Faker } from '@faker-js/faker';
import { AGE_OF_MAJORITY, PRECAUTIONS, type PrecautionKey } from '@ims/contracts';
import type { Prisma } from '../generated/client/client';
import { DEMO_TIME_ZONE } from './demo-constants';
import { weightedPick } from './seed-random';

const PRECAUTION_KEYS = PRECAUTIONS.map((precaution) => precaution.key);

/** Clinically plausible notes a physiotherapist writes beside a precaution. */
const PRECAUTION_NOTES: Record<PrecautionKey, string[]> = {
  needle_phobia: ['Anxious about needles: start with one or two superficial sites, patient lying down', 'Fainted at a blood test in 2019'],
  anticoagulants: ['Apixaban 5 mg BID: firm pressure 60 s after each needle', 'Warfarin, INR 2.4 last week', 'Daily low-dose aspirin', 'Rivaroxaban 20 mg daily'],
  bleeding_disorder: ['Mild von Willebrand disease: avoid deep sites, pressure after each needle'],
  pregnancy: ['22 weeks; avoid lumbopelvic and abdominal points, side-lying', 'First trimester: defer lumbopelvic needling'],
  infection: ['Healing cellulitis left shin: no needling within 10 cm'],
  lymphoedema: ['Right arm after axillary node clearance: no needling of right upper limb'],
  implants: ['Pacemaker (2019): no electrical stimulation', 'Left total hip replacement 2021: avoid deep gluteal needling near the joint', 'Breast implants: no needling over the anterior chest wall'],
  immunocompromise: ['On methotrexate for rheumatoid arthritis: strict asepsis, watch sites'],
  metal_allergy: ['Nickel allergy: use silicone-coated stainless needles only'],
  diabetes: ['Type 2, metformin; HbA1c 7.1%', 'Type 1 on insulin pump: check feet and skin, slow healing', 'Type 2, diet controlled'],
};

export interface ClinicalPatient {
  id: string;
  lastName: string;
  dateOfBirth: Date;
  sex: 'female' | 'male';
}

/** The plans and appointments as the demo seed writes them. */
export type ClinicalPlan = Pick<Prisma.TreatmentPlanCreateManyInput, 'patientId' | 'clinicId' | 'regions' | 'status' | 'statusReason' | 'endedOn'>;
export type ClinicalAppointment = Pick<Prisma.AppointmentCreateManyInput, 'patientId' | 'clinicId' | 'startsAt'>;

export interface ScreeningAndConsentInput {
  faker: Faker;
  now: Date;
  organisationId: string;
  /** The user who screens and takes consent: physio@demo.clinic, the clinician of every demo plan. */
  clinicianUserId: string;
  patients: ClinicalPatient[];
  plans: ClinicalPlan[];
  appointments: ClinicalAppointment[];
}

/** The calendar day of an instant in the demo zone, as Prisma writes a `date` column. */
const dayColumn = (instant: Date) => {
  const local = new TZDate(instant, DEMO_TIME_ZONE);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
};
const ageOn = (dateOfBirth: Date, day: Date) => {
  const years = day.getUTCFullYear() - dateOfBirth.getUTCFullYear();
  const beforeBirthday = day.getUTCMonth() * 100 + day.getUTCDate() < dateOfBirth.getUTCMonth() * 100 + dateOfBirth.getUTCDate();
  return beforeBirthday ? years - 1 : years;
};
/** Regions whose muscles may overlie the pleura: courses there more often disclose pneumothorax. */
const THORAX_ADJACENT = new Set(['thorax', 'shoulder']);

/**
 * Screening and consent as a clinician would have recorded them: at each patient's first visit (the initial
 * assessment) when it has happened, about a quarter with a precaution; a consent for every patient with a plan on
 * that same day (so on or before the plan's first session), guardians for minors, the pneumothorax risk disclosed where
 * thoracic muscles may be needled, and a couple withdrawn when the patient chose to stop. Deterministic for a faker seed.
 */
export function buildScreeningAndConsent(input: ScreeningAndConsentInput) {
  const { faker, now, organisationId, clinicianUserId } = input;
  const screenings: Prisma.PatientScreeningCreateManyInput[] = [];
  const consents: Prisma.ImsConsentCreateManyInput[] = [];
  const today = dayColumn(now);
  const plansByPatient = new Map(input.plans.map((plan) => [plan.patientId, plan]));
  const appointmentsByPatient = new Map<string, Array<{ clinicId: string; startsAt: Date }>>();
  const appointments = input.appointments.map((a) => ({ patientId: a.patientId, clinicId: a.clinicId, startsAt: new Date(a.startsAt) }));
  for (const appointment of appointments.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
    appointmentsByPatient.set(appointment.patientId, [...(appointmentsByPatient.get(appointment.patientId) ?? []), appointment]);
  }
  let withdrawals = 0;

  for (const patient of input.patients) {
    const visits = (appointmentsByPatient.get(patient.id) ?? []).filter((a) => a.startsAt.getTime() <= now.getTime());
    const firstVisit = visits[0];
    if (firstVisit) {
      const present = pickPrecautions(faker, patient, ageOn(patient.dateOfBirth, dayColumn(firstVisit.startsAt)));
      screenings.push(screening(faker, { organisationId, clinicianUserId, patient, clinicId: firstVisit.clinicId, at: minInstant(addMinutes(firstVisit.startsAt, 10), now), present, notes: 'Initial assessment' }));
      // Some patients are re-screened mid-course, now and then because they started an anticoagulant.
      const laterVisit = visits[3];
      if (laterVisit && faker.datatype.boolean(0.12)) {
        const newMedication = !present.includes('anticoagulants') && faker.datatype.boolean(0.5);
        screenings.push(
          screening(faker, {
            organisationId, clinicianUserId, patient, clinicId: laterVisit.clinicId, at: minInstant(addMinutes(laterVisit.startsAt, 5), now),
            present: newMedication ? [...present, 'anticoagulants'] : present,
            notes: newMedication ? 'Re-screened: started an anticoagulant since the last visit' : 'Re-screened at session 4: no change',
          }),
        );
      }
    }

    const plan = plansByPatient.get(patient.id);
    if (!plan) continue;
    const withdrawn = plan.status === 'discontinued' && withdrawals < 2 && Boolean(plan.endedOn);
    if (withdrawn) withdrawals += 1;
    // Taken at the first visit; a patient not seen yet signed electronically ahead of it (today, never in the future).
    consents.push(
      consent(faker, {
        organisationId, clinicianUserId, patient, plan,
        consentedOn: firstVisit ? dayColumn(firstVisit.startsAt) : today,
        recordedAt: firstVisit ? minInstant(addMinutes(firstVisit.startsAt, 15), now) : now,
        atVisit: Boolean(firstVisit),
        withdrawnOn: withdrawn ? minDay(addDays(new Date(plan.endedOn!), 1), today) : null,
      }),
    );
  }
  return { screenings, consents };
}

function consent(
  faker: Faker,
  args: { organisationId: string; clinicianUserId: string; patient: ClinicalPatient; plan: ClinicalPlan; consentedOn: Date; recordedAt: Date; atVisit: boolean; withdrawnOn: Date | null },
): Prisma.ImsConsentCreateManyInput {
  const { patient, plan, withdrawnOn } = args;
  const regions = (Array.isArray(plan.regions) ? plan.regions : (plan.regions?.set ?? [])) as string[];
  const thoraxIncluded = faker.datatype.boolean(regions.some((region) => THORAX_ADJACENT.has(region)) ? 0.18 : 0.03);
  const minor = ageOn(patient.dateOfBirth, args.consentedOn) < AGE_OF_MAJORITY;
  return {
    id: faker.string.uuid(),
    organisationId: args.organisationId,
    clinicId: plan.clinicId,
    patientId: patient.id,
    takenById: args.clinicianUserId,
    consentedOn: args.consentedOn,
    risksDisclosed: [
      'soreness', 'bruising', 'bleeding', 'vasovagal', 'infection', 'broken_needle',
      ...(faker.datatype.boolean(0.5) ? ['nerve_irritation'] : []),
      ...(thoraxIncluded ? ['pneumothorax'] : []),
    ],
    thoraxIncluded,
    method: args.atVisit ? weightedPick(faker, [['written', 70], ['electronic', 20], ['verbal', 10]] as Array<['written' | 'electronic' | 'verbal', number]>) : 'electronic',
    givenBy: minor ? 'guardian' : 'patient',
    guardianName: minor ? `${faker.person.firstName()} ${patient.lastName}` : null,
    guardianRelationship: minor ? faker.helpers.arrayElement(['Mother', 'Father', 'Legal guardian']) : null,
    notes: thoraxIncluded
      ? 'Pneumothorax risk explained with the thoracic anatomy diagram; questions answered'
      : (faker.helpers.maybe(() => 'Signed form scanned to the chart', { probability: 0.3 }) ?? null),
    withdrawnOn,
    withdrawnById: withdrawnOn ? args.clinicianUserId : null,
    withdrawalReason: withdrawnOn ? (plan.statusReason ?? 'Patient chose to stop IMS') : null,
    createdAt: args.recordedAt,
  };
}

function pickPrecautions(faker: Faker, patient: ClinicalPatient, age: number): PrecautionKey[] {
  if (!faker.datatype.boolean(0.2)) return [];
  const options: Array<[PrecautionKey, number]> = [
    ['anticoagulants', age >= 50 ? 34 : 8],
    ['diabetes', age >= 40 ? 28 : 8],
    ['needle_phobia', 22],
    ['pregnancy', patient.sex === 'female' && age >= 19 && age <= 42 ? 16 : 0],
    ['implants', age >= 55 ? 8 : 2],
    ['immunocompromise', 3],
    ['bleeding_disorder', 2],
    ['lymphoedema', 2],
    ['metal_allergy', 2],
    ['infection', 1],
  ];
  const eligible = options.filter(([, weight]) => weight > 0);
  const first = weightedPick(faker, eligible);
  if (!faker.datatype.boolean(0.2)) return [first];
  const second = weightedPick(faker, eligible.filter(([key]) => key !== first));
  return PRECAUTION_KEYS.filter((key) => key === first || key === second);
}

function screening(
  faker: Faker,
  args: { organisationId: string; clinicianUserId: string; patient: ClinicalPatient; clinicId: string; at: Date; present: PrecautionKey[]; notes: string },
): Prisma.PatientScreeningCreateManyInput {
  const items = Object.fromEntries(
    PRECAUTION_KEYS.map((key) => [key, args.present.includes(key) ? { present: true, notes: faker.helpers.arrayElement(PRECAUTION_NOTES[key]) } : { present: false }]),
  );
  return {
    id: faker.string.uuid(),
    organisationId: args.organisationId,
    clinicId: args.clinicId,
    patientId: args.patient.id,
    recordedById: args.clinicianUserId,
    recordedAt: args.at,
    items,
    precautionsPresent: args.present.length > 0,
    notes: args.notes,
  };
}

const minDay = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);
const minInstant = minDay;
