import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import type { PrismaClient } from '@ims/prisma';
import { createClinician, createPatient } from './clinician-factories';
import { createAppointmentType, createRoom } from './clinic-setup-factories';

type WeeklyRange = { weekday: number; start: string; end: string };

/** Every weekday 07:00-21:00: a clinician bookable whenever a test needs, unless it tests the hours themselves. */
export const ALL_WEEK: WeeklyRange[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '07:00', end: '21:00' }));

const time = (hhmm: string) => new Date(`1970-01-01T${hhmm}:00Z`);

/** A clinician of `clinicId` with weekly working hours there (default ALL_WEEK). */
export async function createBookableClinician(
  prisma: PrismaClient,
  options: { organisationId: string; clinicId: string; name?: string; email?: string; hours?: WeeklyRange[] },
) {
  const { user, clinician } = await createClinician(prisma, { organisationId: options.organisationId, clinicIds: [options.clinicId], name: options.name, email: options.email });
  await prisma.workingHours.createMany({
    data: (options.hours ?? ALL_WEEK).map((h) => ({
      organisationId: options.organisationId,
      clinicId: options.clinicId,
      clinicianId: clinician.id,
      weekday: h.weekday,
      startTime: time(h.start),
      endTime: time(h.end),
    })),
  });
  return { user, clinician };
}

/** What one booking needs at a clinic: a bookable clinician, a room, a 30-minute type and a patient. */
export async function createBookingSetup(prisma: PrismaClient, options: { organisationId: string; clinicId: string; clinicianName?: string }) {
  const { clinician, user: clinicianUser } = await createBookableClinician(prisma, { ...options, name: options.clinicianName });
  const room = await createRoom(prisma, options);
  const type = await createAppointmentType(prisma, { ...options, durationMinutes: 30 });
  const patient = await createPatient(prisma, { organisationId: options.organisationId, homeClinicId: options.clinicId });
  return { clinician, clinicianUser, room, type, patient };
}

/**
 * The instant of wall-clock `hhmm` on the `weekday` (ISO, 1 = Monday) at least `minDaysAhead` days from today in
 * `timeZone`, as ISO 8601 with that zone's offset: future slots that do not depend on the day the tests run.
 */
export function upcoming(timeZone: string, weekday: number, hhmm: string, minDaysAhead = 7): string {
  let day = addDays(new TZDate(Date.now(), timeZone), minDaysAhead);
  while (Number(format(day, 'i')) !== weekday) day = addDays(day, 1);
  const [hours, minutes] = hhmm.split(':').map(Number);
  const local = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes, 0, timeZone);
  return format(local, "yyyy-MM-dd'T'HH:mm:ssxxx");
}

/** The same wall-clock time `days` calendar days later in `timeZone` (ISO with offset; DST-safe). */
export function addLocalDays(iso: string, days: number, timeZone: string, hhmm?: string): string {
  const day = addDays(new TZDate(Date.parse(iso), timeZone), days);
  const [hours, minutes] = (hhmm ?? format(day, 'HH:mm')).split(':').map(Number);
  return format(new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes, 0, timeZone), "yyyy-MM-dd'T'HH:mm:ssxxx");
}

/**
 * An appointment written straight to the table, bypassing the booking rules: for lifecycle tests that need one at
 * a given moment (in the past, in an hour, across midnight). The exclusion constraints still apply.
 */
export async function insertAppointment(
  prisma: PrismaClient,
  options: {
    organisationId: string;
    clinicId: string;
    patientId: string;
    clinicianId: string;
    appointmentTypeId: string;
    roomId?: string | null;
    startsAt: Date;
    minutes?: number;
    status?: 'booked' | 'arrived' | 'completed' | 'cancelled' | 'no_show';
    timeZone?: string;
  },
) {
  const timeZone = options.timeZone ?? 'America/Vancouver';
  const local = new TZDate(options.startsAt.getTime(), timeZone);
  return prisma.appointment.create({
    data: {
      organisationId: options.organisationId,
      clinicId: options.clinicId,
      patientId: options.patientId,
      clinicianId: options.clinicianId,
      appointmentTypeId: options.appointmentTypeId,
      roomId: options.roomId ?? null,
      startsAt: options.startsAt,
      endsAt: new Date(options.startsAt.getTime() + (options.minutes ?? 30) * 60_000),
      localStart: new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes())),
      timeZone,
      status: options.status ?? 'booked',
    },
  });
}

export { createRoom, createAppointmentType, createPatient };
