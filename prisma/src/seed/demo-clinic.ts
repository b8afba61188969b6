import { TZDate } from '@date-fns/tz';
import { addDays, addMinutes, addWeeks, differenceInCalendarDays, startOfWeek, subYears } from 'date-fns';
import type { Faker } from '@faker-js/faker';
import * as argon2 from 'argon2';
import type { Prisma, PrismaClient } from '../generated/client/client';
import type { AppointmentStatus, Condition, MuscleRegion, OutcomeMeasure, PlanStatus } from '../generated/client/enums';
import {
  DEMO_APPOINTMENT_TYPES,
  DEMO_CLINICS,
  DEMO_ORGANISATION_NAME,
  DEMO_PASSWORD,
  DEMO_TIME_ZONE,
  DEMO_USERS,
  type DemoClinicKey,
} from './demo-constants';
import { seededFaker, weightedPick } from './seed-random';
import { searchFieldsOf } from '../patients/search-fields';
import { SlotBook, atLocalTime, timeOfDay, wallClock } from './slot-book';
import { buildScreeningAndConsent } from './demo-screening-consent';
import { seedDemoOpeningHours } from './demo-opening-hours';
import { buildVisitNotes } from './demo-visit-notes';
import { buildOutcomes } from './demo-outcomes';

export interface SeedOptions {
  /** "Now" for the demo; dates count from its week in the clinic's time zone. */
  now?: Date;
  patientCount?: number;
  log?: (message: string) => void;
}

export interface SeedSummary {
  organisationId: string;
  clinics: number;
  users: number;
  patients: number;
  plans: number;
  appointments: number;
  screenings: number;
  consents: number;
  visitNotes: number;
  outcomes: number;
}

/** The primary outcome measure a clinician would usually choose for each condition (domain.md). */
const MEASURE_FOR_CONDITION: Record<Condition, OutcomeMeasure> = {
  neck_pain: 'NDI',
  back_pain: 'ODI',
  headache: 'HIT6',
  tennis_elbow: 'PRTEE',
  frozen_shoulder: 'SPADI',
  whiplash: 'NDI',
  fibromyalgia: 'FIQR',
  other: 'PSFS',
};

/** The body regions (muscle catalogue regions) a course for each condition usually covers. */
const REGIONS_FOR_CONDITION: Record<Condition, MuscleRegion[]> = {
  neck_pain: ['head_neck', 'shoulder'],
  back_pain: ['back', 'hip_pelvis'],
  headache: ['head_neck'],
  tennis_elbow: ['upper_limb', 'head_neck'],
  frozen_shoulder: ['shoulder'],
  whiplash: ['head_neck', 'thorax'],
  fibromyalgia: ['head_neck', 'back', 'shoulder'],
  other: ['lower_limb'],
};

/** True when the database already holds an organisation: seeding twice would duplicate the demo. */
export async function hasAnyOrganisation(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.organisation.count()) > 0;
}

/**
 * Seeds the demo clinic: one organisation, two clinics, rooms, appointment types, the documented logins, ~200
 * patients, treatment plans and weeks of past and upcoming appointments. Deterministic for a given day.
 */
export async function seedDemoClinic(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedSummary> {
  const log = options.log ?? (() => undefined);
  const now = new TZDate(options.now ?? new Date(), DEMO_TIME_ZONE);
  const weekStart = startOfWeek(now, { weekStartsOn: 1 });
  const seed = Number(wallClock(weekStart).getTime() / 86_400_000) + differenceInCalendarDays(now, weekStart);
  const faker = seededFaker(seed);
  const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });

  const organisation = await prisma.organisation.create({ data: { name: DEMO_ORGANISATION_NAME } });
  const organisationId = organisation.id;

  const clinicIds = {} as Record<DemoClinicKey, string>;
  const roomIds = {} as Record<DemoClinicKey, string[]>;
  const typeIds = {} as Record<DemoClinicKey, Record<string, { id: string; durationMinutes: number }>>;
  for (const clinic of DEMO_CLINICS) {
    const created = await prisma.clinic.create({
      data: { organisationId, name: clinic.name, timeZone: DEMO_TIME_ZONE, address: clinic.address, phone: clinic.phone },
    });
    clinicIds[clinic.key] = created.id;
    roomIds[clinic.key] = [];
    for (const name of clinic.rooms) {
      const room = await prisma.room.create({ data: { organisationId, clinicId: created.id, name } });
      roomIds[clinic.key].push(room.id);
    }
    typeIds[clinic.key] = {};
    for (const type of DEMO_APPOINTMENT_TYPES) {
      const row = await prisma.appointmentType.create({ data: { organisationId, clinicId: created.id, ...type } });
      typeIds[clinic.key][type.kind] = { id: row.id, durationMinutes: row.durationMinutes };
    }
  }

  const clinicians: Array<{ id: string; userId: string; email: string; hours: NonNullable<(typeof DEMO_USERS)[number]['clinician']>['hours'] }> = [];
  for (const demoUser of DEMO_USERS) {
    const user = await prisma.user.create({
      data: {
        organisationId,
        email: demoUser.email,
        name: demoUser.name,
        passwordHash,
        roles: demoUser.roles,
        clinics: { create: demoUser.clinics.map((key) => ({ organisationId, clinicId: clinicIds[key] })) },
      },
    });
    if (!demoUser.clinician) continue;
    const { registrationNumber, imsAuthorisation, hours } = demoUser.clinician;
    const clinician = await prisma.clinician.create({
      data: {
        organisationId,
        userId: user.id,
        displayName: demoUser.name,
        registrationNumber,
        authorisations: imsAuthorisation
          ? {
              create: {
                organisationId,
                kind: 'ims',
                issuingBody: imsAuthorisation.issuingBody,
                number: imsAuthorisation.number,
                validFrom: wallClock(new TZDate(subYears(weekStart, 3), DEMO_TIME_ZONE)),
                validTo: wallClock(new TZDate(addWeeks(weekStart, 104), DEMO_TIME_ZONE)),
              },
            }
          : undefined,
        workingHours: {
          create: Object.entries(hours).flatMap(([clinicKey, days]) =>
            (days ?? []).map((day) => ({
              organisationId,
              clinicId: clinicIds[clinicKey as DemoClinicKey],
              weekday: day.weekday,
              startTime: timeOfDay(day.start),
              endTime: timeOfDay(day.end),
            })),
          ),
        },
      },
    });
    clinicians.push({ id: clinician.id, userId: user.id, email: demoUser.email, hours });
  }
  await seedDemoOpeningHours(prisma, organisationId, Object.values(clinicIds));
  log(`seeded organisation, ${DEMO_CLINICS.length} clinics and ${DEMO_USERS.length} users`);

  const patients = makePatients(faker, options.patientCount ?? 200, clinicIds, now);
  await prisma.patient.createMany({ data: patients.map((p) => ({ ...p, ...searchFieldsOf(p), organisationId })) });

  const schedule = new ScheduleBuilder({ faker, now, weekStart, organisationId, clinicIds, roomIds, typeIds });
  const imsPhysio = clinicians.find((c) => c.email === 'physio@demo.clinic')!;
  const assessor = clinicians.find((c) => c.email === 'physio2@demo.clinic')!;
  const plans = schedule.planCourses(patients, imsPhysio, assessor);
  await prisma.treatmentPlan.createMany({ data: plans });
  await prisma.appointment.createMany({ data: schedule.appointments });
  log(`seeded ${patients.length} patients, ${plans.length} plans, ${schedule.appointments.length} appointments`);

  // Its own generator, so adding clinical safety data leaves the patients and schedule above exactly as they were.
  const safety = buildScreeningAndConsent({
    faker: seededFaker(seed + 7_919),
    now,
    organisationId,
    clinicianUserId: imsPhysio.userId,
    patients,
    plans,
    appointments: schedule.appointments,
  });
  await prisma.patientScreening.createMany({ data: safety.screenings });
  await prisma.imsConsent.createMany({ data: safety.consents });
  log(`seeded ${safety.screenings.length} screenings and ${safety.consents.length} IMS consents`);

  // Its own generator too, for the same reason. Needs the muscle catalogue (a migration) and the consents above.
  const charting = buildVisitNotes({
    faker: seededFaker(seed + 15_485),
    now,
    organisationId,
    appointments: schedule.appointments,
    typeKinds: new Map(Object.values(typeIds).flatMap((byKind) => Object.entries(byKind).map(([kind, type]) => [type.id, kind]))),
    plans: plans.map((plan) => ({ id: plan.id!, condition: plan.condition })),
    consents: safety.consents.map((consent) => ({ ...consent, consentedOn: new Date(consent.consentedOn), withdrawnOn: consent.withdrawnOn ? new Date(consent.withdrawnOn) : null })),
    muscles: await prisma.muscle.findMany(),
    clinicianUsers: new Map(clinicians.map((clinician) => [clinician.id, clinician.userId])),
  });
  await prisma.visitNote.createMany({ data: charting.notes });
  await prisma.visitSite.createMany({ data: charting.sites });
  await prisma.visitAdverseEvent.createMany({ data: charting.adverseEvents });
  // Signed last, in one statement: the database refuses sites and events of a note that is already signed.
  await prisma.$executeRawUnsafe(
    `UPDATE "visit_note" AS note
        SET "status" = 'signed', "signed_at" = signed."signed_at", "signed_by_id" = signed."signed_by_id",
            "content_hash" = signed."content_hash", "session_number" = signed."session_number"
       FROM unnest($1::uuid[], $2::timestamptz[], $3::uuid[], $4::text[], $5::int[])
            AS signed("id", "signed_at", "signed_by_id", "content_hash", "session_number")
      WHERE note."id" = signed."id"`,
    charting.signatures.map((s) => s.id),
    charting.signatures.map((s) => s.signedAt.toISOString()),
    charting.signatures.map((s) => s.signedById),
    charting.signatures.map((s) => s.contentHash),
    charting.signatures.map((s) => s.sessionNumber),
  );
  log(`seeded ${charting.notes.length} visit notes (${charting.signatures.length} signed) with ${charting.sites.length} needling sites`);

  const sessions = new Map<string, Array<{ sessionNumber: number; visitedAt: Date }>>();
  const visitedAt = new Map(charting.notes.map((note) => [note.id!, new Date(note.visitedAt)]));
  for (const signature of charting.signatures) {
    const planId = charting.notes.find((note) => note.id === signature.id)?.planId;
    if (!planId || signature.sessionNumber === null) continue;
    sessions.set(planId, [...(sessions.get(planId) ?? []), { sessionNumber: signature.sessionNumber, visitedAt: visitedAt.get(signature.id)! }]);
  }
  const outcomes = buildOutcomes({
    faker: seededFaker(seed + 32_452),
    organisationId,
    plans: plans.map((plan) => ({ id: plan.id!, patientId: plan.patientId, primaryMeasure: plan.primaryMeasure, status: plan.status!, plannedSessions: plan.plannedSessions! })),
    sessions,
    responders: charting.responders,
    recordedById: imsPhysio.userId,
  });
  await prisma.outcomeRecord.createMany({ data: outcomes });
  log(`seeded ${outcomes.length} outcome records`);

  // A short waitlist: patients without a course yet waiting for a first slot, some since weeks, two already placed.
  const planned = new Set(plans.map((plan) => plan.patientId));
  const waiting = patients.filter((patient) => !planned.has(patient.id)).slice(0, 14);
  const reception = (await prisma.user.findFirstOrThrow({ where: { organisationId, email: 'reception@demo.clinic' } })).id;
  await prisma.waitlistEntry.createMany({
    data: waiting.map((patient, index) => ({
      organisationId,
      clinicId: patient.homeClinicId,
      patientId: patient.id,
      appointmentTypeId: typeIds[patient.homeClinicId === clinicIds.kitsilano ? 'kitsilano' : 'burnaby'].initial_assessment.id,
      preferredWeekdays: index % 3 === 0 ? [1, 3, 5] : [],
      priority: 1 + (index % 5),
      notes: index % 4 === 0 ? 'Prefers mornings; can come at short notice' : null,
      createdById: reception,
      createdAt: new Date(now.getTime() - (3 + index * 4) * 86_400_000),
      removedAt: index >= 12 ? new Date(now.getTime() - index * 86_400_000) : null,
      removedReason: index >= 12 ? 'Booked' : null,
    })),
  });
  log(`seeded ${waiting.length} waitlist entries`);

  return {
    organisationId,
    clinics: DEMO_CLINICS.length,
    users: DEMO_USERS.length,
    patients: patients.length,
    plans: plans.length,
    appointments: schedule.appointments.length,
    screenings: safety.screenings.length,
    consents: safety.consents.length,
    visitNotes: charting.notes.length,
    outcomes: outcomes.length,
  };
}

type PatientRow = {
  id: string;
  homeClinicId: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  dateOfBirth: Date;
  sex: 'female' | 'male';
  phone: string;
  email: string | null;
  reminderConsentEmail?: boolean;
  reminderConsentSms?: boolean;
  preferredContact?: 'email' | 'phone';
};

function makePatients(faker: Faker, count: number, clinicIds: Record<DemoClinicKey, string>, now: Date): PatientRow[] {
  return Array.from({ length: count }, (_, index) => {
    const sex = faker.person.sexType();
    const firstName = faker.person.firstName(sex);
    const lastName = faker.person.lastName();
    // Mostly adults of working age; a few minors (consent comes from a guardian in BC under 19).
    const age = weightedPick(faker, [
      [faker.number.int({ min: 16, max: 18 }), 3],
      [faker.number.int({ min: 19, max: 44 }), 40],
      [faker.number.int({ min: 45, max: 64 }), 42],
      [faker.number.int({ min: 65, max: 86 }), 15],
    ]);
    const birth = faker.date.birthdate({ mode: 'age', min: age, max: age, refDate: now });
    return {
      id: faker.string.uuid(),
      homeClinicId: index % 10 < 7 ? clinicIds.kitsilano : clinicIds.burnaby,
      firstName,
      lastName,
      preferredName: faker.datatype.boolean(0.08) ? faker.person.firstName(sex) : null,
      dateOfBirth: new Date(Date.UTC(birth.getFullYear(), birth.getMonth(), birth.getDate())),
      sex,
      // 555-01xx numbers are reserved for fiction in North America.
      phone: `+1${['604', '778', '236'][Math.floor(index / 100) % 3]}5550${100 + (index % 100)}`,
      email: faker.datatype.boolean(0.85) ? faker.internet.email({ firstName, lastName }).toLowerCase() : null,
    };
  }).map((patient, index) => ({
    ...patient,
    // Most patients with an email agree to email reminders; SMS consent is recorded but SMS is not sent (README).
    reminderConsentEmail: patient.email !== null && index % 6 !== 0,
    reminderConsentSms: index % 4 === 0,
    preferredContact: patient.email ? ('email' as const) : ('phone' as const),
  }));
}

interface ScheduleContext {
  faker: Faker;
  now: TZDate;
  weekStart: Date;
  organisationId: string;
  clinicIds: Record<DemoClinicKey, string>;
  roomIds: Record<DemoClinicKey, string[]>;
  typeIds: Record<DemoClinicKey, Record<string, { id: string; durationMinutes: number }>>;
}

type ClinicianHours = { id: string; hours: Partial<Record<DemoClinicKey, Array<{ weekday: number; start: string; end: string }>>> };

/** Builds plans and their appointments in memory, slotting each session into free clinician/room/patient time. */
class ScheduleBuilder {
  readonly appointments: Prisma.AppointmentCreateManyInput[] = [];
  private readonly book = new SlotBook();

  constructor(private readonly ctx: ScheduleContext) {}

  planCourses(patients: PatientRow[], imsPhysio: ClinicianHours, assessor: ClinicianHours) {
    const { faker, organisationId } = this.ctx;
    const plans: Prisma.TreatmentPlanCreateManyInput[] = [];
    patients.forEach((patient, index) => {
      const clinicKey = this.clinicKeyOf(patient.homeClinicId);
      // About 60% of patients have had a course; some new ones only have an assessment booked.
      const shape = weightedPick<'active' | 'completed' | 'discontinued' | 'draft' | 'assessment_only' | 'none'>(faker, [
        ['active', 28],
        ['completed', 16],
        ['discontinued', 5],
        ['draft', 5],
        ['assessment_only', 8],
        ['none', 38],
      ]);
      if (shape === 'none') return;
      const assessorFor = index % 3 === 0 && clinicKey === 'kitsilano' ? assessor : imsPhysio;
      if (shape === 'assessment_only') {
        this.placeSession({ patient, clinician: assessorFor, clinicKey, kind: 'initial_assessment', week: faker.number.int({ min: 0, max: 2 }) });
        return;
      }
      const condition = weightedPick<Condition>(faker, [
        ['neck_pain', 24],
        ['back_pain', 24],
        ['headache', 12],
        ['tennis_elbow', 10],
        ['frozen_shoulder', 9],
        ['whiplash', 9],
        ['fibromyalgia', 6],
        ['other', 6],
      ]);
      const plannedSessions = weightedPick(faker, [[8, 3], [10, 6], [9, 1]]);
      const firstWeek = {
        active: faker.number.int({ min: -7, max: 0 }),
        completed: faker.number.int({ min: -22, max: -11 }),
        discontinued: faker.number.int({ min: -12, max: -6 }),
        draft: faker.number.int({ min: 0, max: 1 }),
      }[shape];
      const planId = faker.string.uuid();
      const status: PlanStatus = shape;
      const sessionsToBook = shape === 'discontinued' ? faker.number.int({ min: 2, max: 4 }) : shape === 'draft' ? 0 : plannedSessions;
      this.placeSession({ patient, clinician: assessorFor, clinicKey, kind: 'initial_assessment', week: firstWeek - 1 });
      const preferredDay = faker.number.int({ min: 0, max: 4 });
      const preferredMinute = faker.number.int({ min: 0, max: 14 }) * 30;
      let lastSession: Date | undefined;
      for (let n = 0; n < sessionsToBook; n += 1) {
        const placed = this.placeSession({
          patient,
          clinician: imsPhysio,
          clinicKey,
          kind: 'treatment',
          week: firstWeek + n,
          planId,
          preferredDay,
          preferredMinute,
        });
        if (placed) lastSession = placed;
      }
      plans.push({
        id: planId,
        organisationId,
        clinicId: this.ctx.clinicIds[clinicKey],
        patientId: patient.id,
        clinicianId: imsPhysio.id,
        condition,
        regions: REGIONS_FOR_CONDITION[condition],
        goals: faker.helpers.arrayElement([
          'Return to full work days without pain flare-ups',
          'Sleep through the night without waking from pain',
          'Resume recreational running 3x per week',
          'Lift grandchildren and carry groceries comfortably',
          'Reduce headache days to fewer than 4 per month',
          'Turn head fully when driving',
        ]),
        plannedSessions,
        primaryMeasure: MEASURE_FOR_CONDITION[condition],
        status,
        statusReason: shape === 'discontinued' ? faker.helpers.arrayElement(['Patient moved away', 'No meaningful change by session 4: referred to physician', 'Patient chose to stop']) : null,
        startedOn: shape === 'draft' ? null : this.dateOnly(addWeeks(this.ctx.weekStart, firstWeek)),
        endedOn: (shape === 'completed' || shape === 'discontinued') && lastSession ? this.dateOnly(lastSession) : null,
      });
    });
    return plans;
  }

  private clinicKeyOf(clinicId: string): DemoClinicKey {
    return (Object.entries(this.ctx.clinicIds).find(([, id]) => id === clinicId)![0]) as DemoClinicKey;
  }

  private dateOnly(date: Date): Date {
    const local = new TZDate(date, DEMO_TIME_ZONE);
    return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
  }

  /** Places one session in the given week, preferring a weekday and time; returns its start, or undefined if full. */
  private placeSession(args: {
    patient: PatientRow;
    clinician: ClinicianHours;
    clinicKey: DemoClinicKey;
    kind: 'initial_assessment' | 'treatment';
    week: number;
    planId?: string;
    preferredDay?: number;
    preferredMinute?: number;
  }): Date | undefined {
    const { faker, now, organisationId, clinicIds, roomIds, typeIds } = this.ctx;
    const hours = args.clinician.hours[args.clinicKey] ?? [];
    if (hours.length === 0) return undefined;
    const type = typeIds[args.clinicKey][args.kind];
    const weekStart = new TZDate(addWeeks(this.ctx.weekStart, args.week), DEMO_TIME_ZONE);
    const dayOrder = rotate(hours, (args.preferredDay ?? faker.number.int({ min: 0, max: 4 })) % hours.length);
    for (const day of dayOrder) {
      const date = new TZDate(addDays(weekStart, day.weekday - 1), DEMO_TIME_ZONE);
      const open = atLocalTime(date, day.start, DEMO_TIME_ZONE);
      const close = atLocalTime(date, day.end, DEMO_TIME_ZONE);
      const slots: TZDate[] = [];
      for (let s = open; addMinutes(s, type.durationMinutes) <= close; s = new TZDate(addMinutes(s, 30), DEMO_TIME_ZONE)) slots.push(s);
      const start = (args.preferredMinute ?? faker.number.int({ min: 0, max: 15 }) * 30) % (slots.length * 30);
      for (const slot of rotate(slots, Math.floor(start / 30))) {
        const endsAt = addMinutes(slot, type.durationMinutes);
        const room = roomIds[args.clinicKey].find((roomId) => this.book.isFree([`r:${roomId}`], slot, endsAt));
        if (!room || !this.book.isFree([`c:${args.clinician.id}`, `p:${args.patient.id}`], slot, endsAt)) continue;
        this.book.take([`c:${args.clinician.id}`, `p:${args.patient.id}`, `r:${room}`], slot, endsAt);
        const status = this.statusFor(slot, endsAt, now);
        this.appointments.push({
          id: faker.string.uuid(),
          organisationId,
          clinicId: clinicIds[args.clinicKey],
          patientId: args.patient.id,
          clinicianId: args.clinician.id,
          roomId: room,
          appointmentTypeId: type.id,
          planId: args.planId ?? null,
          startsAt: new Date(slot.getTime()),
          endsAt: new Date(endsAt.getTime()),
          localStart: wallClock(slot),
          timeZone: DEMO_TIME_ZONE,
          status,
          statusChangedAt: status === 'booked' ? null : new Date(Math.min(endsAt.getTime(), now.getTime())),
          cancelReason: status === 'cancelled' ? faker.helpers.arrayElement(['Unwell', 'Work conflict', 'Transport problem']) : null,
          lateCancellation: status === 'cancelled' && faker.datatype.boolean(0.3),
          // Booked ahead, as a clinic does: two weeks before the session (or today for the ones this week).
          createdAt: new Date(Math.min(slot.getTime() - 14 * 86_400_000, now.getTime())),
        });
        return slot;
      }
    }
    return undefined;
  }

  private statusFor(startsAt: Date, endsAt: Date, now: Date): AppointmentStatus {
    if (startsAt.getTime() > now.getTime()) return 'booked';
    if (endsAt.getTime() > now.getTime()) return 'arrived';
    return weightedPick<AppointmentStatus>(this.ctx.faker, [
      ['completed', 90],
      ['no_show', 4],
      ['cancelled', 6],
    ]);
  }
}

function rotate<T>(items: T[], by: number): T[] {
  const shift = ((by % items.length) + items.length) % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
