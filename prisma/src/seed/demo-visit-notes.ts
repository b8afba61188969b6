import { TZDate } from '@date-fns/tz';
import type { Faker } from '@faker-js/faker';
import type { Prisma } from '../generated/client/client';
import type { Condition } from '../generated/client/enums';
import { visitContentHash } from '../visits/visit-content-hash';
import { DEMO_TIME_ZONE } from './demo-constants';
import { weightedPick } from './seed-random';

/** The muscles a physiotherapist would usually needle for each condition (catalogue codes). */
const MUSCLES_FOR_CONDITION: Record<Condition, string[]> = {
  neck_pain: ['upper_trapezius', 'levator_scapulae', 'splenius_capitis', 'cervical_multifidus', 'semispinalis_capitis', 'middle_scalene', 'rhomboid_major'],
  back_pain: ['lumbar_multifidus', 'iliocostalis_lumborum', 'quadratus_lumborum', 'gluteus_medius', 'gluteus_maximus', 'piriformis', 'longissimus_lumborum'],
  headache: ['suboccipitals', 'temporalis', 'upper_trapezius', 'splenius_capitis', 'semispinalis_capitis', 'masseter', 'sternocleidomastoid'],
  tennis_elbow: ['extensor_carpi_radialis_brevis', 'extensor_carpi_radialis_longus', 'extensor_digitorum', 'supinator', 'brachioradialis', 'cervical_multifidus', 'anconeus'],
  frozen_shoulder: ['supraspinatus', 'infraspinatus', 'teres_minor', 'subscapularis', 'posterior_deltoid', 'middle_deltoid', 'pectoralis_major'],
  whiplash: ['upper_trapezius', 'levator_scapulae', 'cervical_multifidus', 'splenius_capitis', 'rhomboid_major', 'middle_trapezius', 'sternocleidomastoid'],
  fibromyalgia: ['upper_trapezius', 'gluteus_medius', 'infraspinatus', 'lumbar_multifidus', 'levator_scapulae', 'quadratus_lumborum'],
  other: ['vastus_lateralis', 'tibialis_anterior', 'medial_gastrocnemius', 'soleus', 'biceps_femoris', 'gluteus_medius'],
};

const LEVELS: Record<string, string[]> = {
  head_neck: ['C3-C4', 'C4-C5', 'C5-C6', 'C6-C7'],
  thorax: ['T2-T3', 'T4-T5', 'T6-T7'],
  back: ['L3-L4', 'L4-L5', 'L5-S1'],
};
const NEEDLE_LENGTHS_MM = [15, 25, 30, 40, 50, 60, 75, 100];

const SUBJECTIVE = [
  'Pain eased for two days after last session, then returned at about half the intensity.',
  'Slept better this week. Still stiff first thing in the morning.',
  'Flare-up after a long day at the computer; settled with heat.',
  'Managed a full work week; aching by Friday afternoon.',
  'No change since last visit. Pain worse when driving.',
];
const OBJECTIVE = [
  'Taut bands palpable with local twitch on needling; range improved after treatment.',
  'Tender points reproduce familiar pain; segmental tenderness at the levels needled.',
  'Active range limited by pain at end range; guarding reduced after needling.',
];
const ASSESSMENT = [
  'Responding to IMS: shortened muscles releasing, pain settling.',
  'Slow progress; neuropathic features persist. Continue course and review at session 4.',
  'Good twitch responses; tolerance good. Expect further gains.',
];
const PLAN = ['Continue weekly IMS.', 'Next session: add paraspinals at the segment above.', 'Review outcome measures at session 4.'];
const ADVICE = ['Heat and gentle movement tonight; expect soreness for 24-48 h.', 'Keep active; walk daily.', 'Posture breaks every 30 minutes at work.'];

interface MuscleRow {
  id: string;
  code: string;
  region: string;
  sided: boolean;
  levelled: boolean;
  depthMinCm: { toNumber(): number };
  depthMaxCm: { toNumber(): number };
  thoraxRisk: boolean;
}

export interface VisitNotesInput {
  faker: Faker;
  now: Date;
  organisationId: string;
  appointments: Prisma.AppointmentCreateManyInput[];
  /** appointmentTypeId → kind */
  typeKinds: Map<string, string>;
  plans: Array<{ id: string; condition: Condition }>;
  consents: Array<{ patientId: string; consentedOn: Date; withdrawnOn?: Date | null; thoraxIncluded?: boolean }>;
  muscles: MuscleRow[];
  /** clinicianId → the clinician's user id (the signer). */
  clinicianUsers: Map<string, string>;
}

export interface SeededVisitNotes {
  notes: Prisma.VisitNoteCreateManyInput[];
  sites: Prisma.VisitSiteCreateManyInput[];
  adverseEvents: Prisma.VisitAdverseEventCreateManyInput[];
  /** Applied after the children are written: a trigger refuses children of an already signed note. */
  signatures: Array<{ id: string; signedAt: Date; signedById: string; contentHash: string; sessionNumber: number | null }>;
  /** Whether each plan's course responds (pain falls session by session): the outcome measures follow the same story. */
  responders: Map<string, boolean>;
}

const dayColumn = (instant: Date) => {
  const local = new TZDate(instant, DEMO_TIME_ZONE);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
};
const half = (value: number) => Math.round(value * 2) / 2;

/**
 * Visit notes as the demo clinic's physiotherapists would have charted them: every completed appointment has a signed
 * note (signing is what completes it), an initial assessment without needling, a treatment with 2-5 needled sites at
 * depths in each muscle's usual range, thoracic muscles only where the consent disclosed pneumothorax, balanced needle
 * counts and the adverse events the literature reports (bruising 7.6%, bleeding 4.7%: Brady 2014). About two in three
 * courses respond: pain falls session by session. Half of the visits in progress have a draft. Deterministic.
 */
export function buildVisitNotes(input: VisitNotesInput): SeededVisitNotes {
  const { faker, now, organisationId } = input;
  const responder = new Map(input.plans.map((plan) => [plan.id, faker.datatype.boolean(0.65)]));
  const result: SeededVisitNotes = { notes: [], sites: [], adverseEvents: [], signatures: [], responders: responder };
  const muscleByCode = new Map(input.muscles.map((muscle) => [muscle.code, muscle]));
  const planById = new Map(input.plans.map((plan) => [plan.id, plan]));
  const consentsByPatient = new Map<string, VisitNotesInput['consents']>();
  for (const consent of input.consents) consentsByPatient.set(consent.patientId, [...(consentsByPatient.get(consent.patientId) ?? []), consent]);
  const sessions = new Map<string, number>();

  const charted = input.appointments
    .filter((appointment) => appointment.status === 'completed' || appointment.status === 'arrived')
    .sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
  let arrivedIndex = 0;
  for (const appointment of charted) {
    const signed = appointment.status === 'completed';
    if (!signed && arrivedIndex++ % 2 === 1) continue;
    const visitedAt = new Date(appointment.startsAt);
    const visitDate = dayColumn(visitedAt);
    const plan = appointment.planId ? planById.get(appointment.planId) : undefined;
    const consent = (consentsByPatient.get(appointment.patientId) ?? []).find(
      (c) => c.consentedOn.getTime() <= visitDate.getTime() && (!c.withdrawnOn || c.withdrawnOn.getTime() > visitDate.getTime()),
    );
    const needling = input.typeKinds.get(appointment.appointmentTypeId) === 'treatment' && Boolean(plan) && Boolean(consent);
    const session = plan && signed ? (sessions.get(plan.id) ?? 0) + 1 : null;
    if (plan && session) sessions.set(plan.id, session);
    const progress = plan && responder.get(plan.id) ? (session ?? 1) - 1 : 0;
    const painBefore = Math.max(1, Math.min(10, faker.number.int({ min: 5, max: 8 }) - Math.round(progress * 0.6)));
    const painAfter = Math.max(0, painBefore - (needling ? faker.number.int({ min: 1, max: 3 }) : 0));
    const id = faker.string.uuid();

    const sites: Prisma.VisitSiteCreateManyInput[] = [];
    if (needling && plan) {
      const pool = MUSCLES_FOR_CONDITION[plan.condition]
        .map((code) => muscleByCode.get(code))
        .filter((muscle): muscle is MuscleRow => Boolean(muscle) && (!muscle!.thoraxRisk || Boolean(consent?.thoraxIncluded)));
      for (const [position, muscle] of faker.helpers.arrayElements(pool, { min: Math.min(2, pool.length), max: Math.min(5, pool.length) }).entries()) {
        const depthCm = half(faker.number.float({ min: muscle.depthMinCm.toNumber(), max: muscle.depthMaxCm.toNumber() }));
        const inRange = Math.min(muscle.depthMaxCm.toNumber(), Math.max(muscle.depthMinCm.toNumber(), depthCm));
        const lengthMm = NEEDLE_LENGTHS_MM.find((length) => length >= inRange * 10 + 5) ?? 100;
        sites.push({
          visitNoteId: id,
          position,
          muscleId: muscle.id,
          side: muscle.sided ? faker.helpers.arrayElement(['left', 'right', 'bilateral'] as const) : 'midline',
          level: muscle.levelled ? faker.helpers.arrayElement(LEVELS[muscle.region] ?? LEVELS.back) : null,
          gaugeMm: faker.helpers.arrayElement([0.25, 0.3]),
          lengthMm,
          depthCm: inRange,
          technique: weightedPick(faker, [['pistoning', 8], ['rotation', 2]] as const),
          twitch: weightedPick(faker, [['local', 5], ['strong', 3], ['none', 2]] as const),
          tolerance: weightedPick(faker, [['good', 8], ['fair', 2]] as const),
        });
      }
    }
    const events: Prisma.VisitAdverseEventCreateManyInput[] = [];
    if (sites.length > 0) {
      for (const [kind, chance] of [['bruising', 0.076], ['bleeding', 0.047], ['soreness', 0.1], ['vasovagal', 0.005]] as const) {
        if (faker.datatype.boolean(chance)) events.push({ visitNoteId: id, position: events.length, kind, detail: kind === 'bruising' ? 'Small bruise at one site; pressure applied' : null });
      }
    }
    const needles = sites.length;
    const note: Prisma.VisitNoteCreateManyInput = {
      id,
      organisationId,
      clinicId: appointment.clinicId,
      patientId: appointment.patientId,
      clinicianId: appointment.clinicianId,
      appointmentId: appointment.id!,
      planId: appointment.planId ?? null,
      visitedAt,
      visitDate,
      painBefore,
      painAfter: signed ? painAfter : null,
      subjective: faker.helpers.arrayElement(SUBJECTIVE),
      objective: signed ? faker.helpers.arrayElement(OBJECTIVE) : '',
      assessment: signed ? (needling ? faker.helpers.arrayElement(ASSESSMENT) : 'Initial assessment: chronic neuropathic pain with myofascial shortening; suitable for IMS.') : '',
      plan: signed ? faker.helpers.arrayElement(PLAN) : '',
      advice: signed && needling ? faker.helpers.arrayElement(ADVICE) : '',
      needlingDone: needling,
      needlesOpened: signed ? needles : 0,
      needlesRemoved: signed ? needles : 0,
      needlesDisposed: signed ? needles : 0,
      minutesSpent: signed ? faker.number.int({ min: 25, max: 45 }) : null,
      createdById: input.clinicianUsers.get(appointment.clinicianId)!,
      createdAt: visitedAt,
      updatedAt: signed ? new Date(Math.min(visitedAt.getTime() + 40 * 60_000, now.getTime())) : now,
    };
    result.notes.push(note);
    result.sites.push(...sites);
    result.adverseEvents.push(...events);
    if (signed) {
      const contentHash = visitContentHash({
        ...(note as Required<typeof note>),
        planId: note.planId ?? null,
        painBefore: note.painBefore ?? null,
        painAfter: note.painAfter ?? null,
        screeningChanges: '',
        minutesSpent: note.minutesSpent ?? null,
        needlesRetained: 0,
        visitedAt,
        visitDate,
        sites: sites.map((site) => ({
          ...site,
          muscle: { code: input.muscles.find((muscle) => muscle.id === site.muscleId)!.code },
          level: site.level ?? null,
          depthAckReason: null,
          gaugeMm: { toFixed: (digits: number) => Number(site.gaugeMm).toFixed(digits) },
          depthCm: { toFixed: (digits: number) => Number(site.depthCm).toFixed(digits) },
        })),
        adverseEvents: events.map((event) => ({ kind: event.kind, detail: event.detail ?? null })),
      } as Parameters<typeof visitContentHash>[0]);
      result.signatures.push({
        id,
        signedAt: new Date(Math.min(visitedAt.getTime() + 40 * 60_000, now.getTime())),
        signedById: input.clinicianUsers.get(appointment.clinicianId)!,
        contentHash,
        sessionNumber: session,
      });
    }
  }
  return result;
}
