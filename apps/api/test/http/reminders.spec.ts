import { Appointment } from '@ims/contracts';
import { openPostgres, type Database } from '@ims/prisma';
import { cloneDatabase } from '@ims/prisma/testing';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '../../src/config/app-config';
import { createApp } from '../../src/create-app';
import { JobQueue } from '../../src/jobs/job-queue.service';
import { ReminderSender } from '../../src/reminders/reminder-sender.service';
import { REMINDER_QUEUE, reminderJobId } from '../../src/reminders/reminder-job';
import { localAppointmentTime } from '../../src/reminders/reminder-email';
import { startTestApp, TEST_APP_SECRET, type TestApp } from '../support/test-app';
import { createRuntimeRole, startTestAppAsRole } from '../support/runtime-role';
import { startSmtpInbox, type SmtpInbox } from '../support/smtp-inbox';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createOrganisation, createUser } from '../support/factories';
import { createBookingSetup, upcoming } from '../support/appointment-factories';
import { randomUUID } from 'node:crypto';
import request from 'supertest';

const ZONE = 'America/Vancouver';
/** Two weeks' lead: any appointment booked 1-7 days ahead is due for its reminder at once. */
const LEAD_HOURS = 336;

type Booking = Awaited<ReturnType<typeof bookingWorld>>;

/** An organisation with a clinic (address, phone), a receptionist and a bookable clinician, room and type. */
async function bookingWorld(testApp: Pick<TestApp, 'prisma' | 'http'> & Parameters<typeof signIn>[0]) {
  const { organisation, clinic } = await createOrganisation(testApp.prisma);
  await testApp.prisma.clinic.update({ where: { id: clinic.id }, data: { address: '2100 W 4th Ave, Vancouver', phone: '+1 604 555 0100' } });
  const receptionist = await createUser(testApp.prisma, { organisationId: organisation.id, clinicIds: [clinic.id], roles: ['receptionist'] });
  const reception = await signIn(testApp, receptionist.email);
  const setup = await createBookingSetup(testApp.prisma, { organisationId: organisation.id, clinicId: clinic.id, clinicianName: 'Dr Ames' });
  return { organisationId: organisation.id, clinic, reception, ...setup };
}

/** A patient of the world's clinic with an email address, consenting to email reminders unless told otherwise. */
async function patientWithEmail(prisma: TestApp['prisma'], world: Booking, consent = true) {
  const email = `pat-${randomUUID().slice(0, 8)}@example.org`;
  const patient = await prisma.patient.create({
    data: { organisationId: world.organisationId, homeClinicId: world.clinic.id, firstName: 'Pat', lastName: 'Tremblay', dateOfBirth: new Date('1980-04-02T00:00:00Z'), email, reminderConsentEmail: consent },
  });
  return { patient, email };
}

async function book(reception: SignedInAgent, world: Booking, patientId: string, startsAt: string) {
  const body = { clinicId: world.clinic.id, patientId, clinicianId: world.clinician.id, roomId: world.room.id, appointmentTypeId: world.type.id, startsAt };
  return Appointment.parse((await reception.post('/api/appointments', body).expect(201)).body);
}

/** Retries an assertion for up to `timeoutMs`: for effects another process commits a moment later. */
async function eventually(assertion: () => Promise<void>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const mailsTo = (inbox: SmtpInbox, email: string) => inbox.messages.filter((m) => m.to.includes(email));

describe('appointment reminders (pg-boss queue, in-process SMTP server)', () => {
  let inbox: SmtpInbox;
  let testApp: TestApp;
  let world: Booking;
  const runDue = () => testApp.app.get(JobQueue).runDue(REMINDER_QUEUE.name);
  const job = (appointmentId: string, version: number) => testApp.app.get(JobQueue).getJob(REMINDER_QUEUE.name, reminderJobId({ appointmentId, version }));

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    testApp = await startTestApp({ SMTP_URL: inbox.url, APP_URL: 'https://clinic.example', JOB_WORKERS: 'off', REMINDER_LEAD_HOURS: String(LEAD_HOURS) });
    world = await bookingWorld(testApp);
  });
  afterAll(async () => {
    await testApp.close();
    await inbox.close();
  });

  it('emails the reminder with the local time on the clinic’s clock, the clinic and the clinician, nothing clinical', async () => {
    const { patient, email } = await patientWithEmail(testApp.prisma, world);
    const startsAt = upcoming(ZONE, 3, '10:00', 1);
    const appointment = await book(world.reception, world, patient.id, startsAt);

    await runDue();
    const mail = await inbox.waitFor(email);
    const when = localAppointmentTime(new Date(startsAt), ZONE);
    expect(when).toMatch(/at 10:00 AM P[SD]T$/);
    expect(mail.text).toContain(`When:  ${when}`);
    expect(mail.text).toContain('With:  Dr Ames');
    expect(mail.text).toContain('Where: 2100 W 4th Ave, Vancouver');
    expect(mail.text).toContain('+1 604 555 0100');
    expect(mail.text).toContain(world.clinic.name);
    expect(mail.text).not.toContain(world.type.name);
    expect(await testApp.prisma.appointmentReminder.findMany({ where: { appointmentId: appointment.id } })).toEqual([
      expect.objectContaining({ appointmentVersion: 1, channel: 'email', recipient: email, sentAt: expect.any(Date) }),
    ]);
  });

  it('a moved appointment is reminded once, for its new time only', async () => {
    const { patient, email } = await patientWithEmail(testApp.prisma, world);
    const first = upcoming(ZONE, 4, '09:00', 1);
    const moved = upcoming(ZONE, 4, '15:30', 1);
    const appointment = await book(world.reception, world, patient.id, first);
    const after = Appointment.parse((await world.reception.patch(`/api/appointments/${appointment.id}`, { version: 1, startsAt: moved }).expect(200)).body);
    expect(after.version).toBe(2);
    expect((await job(appointment.id, 1))?.state).toBe('cancelled');

    await runDue();
    await inbox.waitFor(email);
    expect(mailsTo(inbox, email)).toHaveLength(1);
    expect(mailsTo(inbox, email)[0].text).toContain(localAppointmentTime(new Date(moved), ZONE));
    // Had the old job run anyway (withdrawn too late), the sender finds its version stale.
    expect(await testApp.app.get(ReminderSender).send({ appointmentId: appointment.id, version: 1 })).toBe('stale-version');
    const reminders = await testApp.prisma.appointmentReminder.findMany({ where: { appointmentId: appointment.id } });
    expect(reminders.map((r) => r.appointmentVersion)).toEqual([2]);
  });

  it('a cancelled appointment sends nothing', async () => {
    const { patient, email } = await patientWithEmail(testApp.prisma, world);
    const appointment = await book(world.reception, world, patient.id, upcoming(ZONE, 5, '11:00', 1));
    await world.reception.post(`/api/appointments/${appointment.id}/cancel`, { version: 1, reason: 'Patient unwell' }).expect(200);
    expect((await job(appointment.id, 1))?.state).toBe('cancelled');

    await runDue();
    const current = await testApp.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
    expect(await testApp.app.get(ReminderSender).send({ appointmentId: appointment.id, version: current.version })).toBe('not-booked');
    expect(mailsTo(inbox, email)).toEqual([]);
    expect(await testApp.prisma.appointmentReminder.count({ where: { appointmentId: appointment.id } })).toBe(0);
  });

  it('a patient without consent to email reminders gets nothing, and no job is queued', async () => {
    const { patient, email } = await patientWithEmail(testApp.prisma, world, false);
    const appointment = await book(world.reception, world, patient.id, upcoming(ZONE, 6, '12:00', 1));
    expect(await job(appointment.id, 1)).toBeNull();
    await runDue();
    expect(await testApp.app.get(ReminderSender).send({ appointmentId: appointment.id, version: 1 })).toBe('no-consent');
    expect(mailsTo(inbox, email)).toEqual([]);
  });

  it('running the worker twice, or two at once, sends one email per version', async () => {
    const { patient, email } = await patientWithEmail(testApp.prisma, world);
    const appointment = await book(world.reception, world, patient.id, upcoming(ZONE, 7, '13:00', 1));
    const sender = testApp.app.get(ReminderSender);
    const outcomes = await Promise.all([sender.send({ appointmentId: appointment.id, version: 1 }), sender.send({ appointmentId: appointment.id, version: 1 })]);
    expect(outcomes.sort()).toEqual(['already-sent', 'sent']);
    expect(await sender.send({ appointmentId: appointment.id, version: 1 })).toBe('already-sent');
    await runDue(); // the queued job itself finds it sent
    await runDue();
    await inbox.waitFor(email);
    expect(mailsTo(inbox, email)).toHaveLength(1);
    expect((await job(appointment.id, 1))?.state).toBe('completed');
  });

  it('a reminder due later waits in the queue until REMINDER_LEAD_HOURS before the start', async () => {
    const { patient, email } = await patientWithEmail(testApp.prisma, world);
    const startsAt = upcoming(ZONE, 2, '10:00', 20);
    const appointment = await book(world.reception, world, patient.id, startsAt);
    const queued = await job(appointment.id, 1);
    expect(queued).toMatchObject({ state: 'created', singletonKey: `${appointment.id}:1`, retryBackoff: true });
    expect(queued!.startAfter.getTime()).toBe(Date.parse(startsAt) - LEAD_HOURS * 3_600_000);
    await runDue();
    expect(mailsTo(inbox, email)).toEqual([]);
  });
});

/** The real Nest app over an existing database, as a fresh process would open it after a restart. */
async function openAppOn(url: string, env: Record<string, string>): Promise<{ app: INestApplication; database: Database }> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url, APP_SECRET: TEST_APP_SECRET, MFA_REQUIRED_ROLES: '', ...env });
  const database = openPostgres({ url, poolMax: 5, applicationName: 'ims-api-test' });
  const app = await createApp(config, database);
  await app.init();
  return { app, database };
}

describe('reminders across restarts, failures and database roles', () => {
  let inbox: SmtpInbox;
  const template = () => process.env.IMS_TEST_TEMPLATE_DB as string;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
  });
  afterAll(() => inbox.close());

  it('a job queued before a restart is sent by the next process’s worker', async () => {
    const clone = await cloneDatabase(template());
    const env = { SMTP_URL: inbox.url, APP_URL: 'https://clinic.example', REMINDER_LEAD_HOURS: String(LEAD_HOURS) };
    try {
      const before = await openAppOn(clone.url, { ...env, JOB_WORKERS: 'off' });
      const http = request(before.app.getHttpServer());
      const world = await bookingWorld({ prisma: before.database.prisma, http } as TestApp);
      const { patient, email } = await patientWithEmail(before.database.prisma, world);
      const appointment = await book(world.reception, world, patient.id, upcoming(ZONE, 3, '14:00', 1));
      await before.app.close();

      const after = await openAppOn(clone.url, { ...env, JOB_WORKERS: 'on' });
      try {
        const mail = await inbox.waitFor(email, 20_000);
        expect(mail.text).toContain('With:  Dr Ames');
        // The SMTP server has the mail a moment before the worker's transaction marks it sent.
        const sent = () => after.database.prisma.appointmentReminder.count({ where: { appointmentId: appointment.id, sentAt: { not: null } } });
        await eventually(async () => expect(await sent()).toBe(1));
      } finally {
        await after.app.close();
      }
    } finally {
      await clone.drop();
    }
  }, 120_000);

  it('a failed send (mail server down) is retried with backoff and leaves no sent mark', async () => {
    const testApp = await startTestApp({ SMTP_URL: 'smtp://127.0.0.1:1', APP_URL: 'https://clinic.example', JOB_WORKERS: 'off', REMINDER_LEAD_HOURS: String(LEAD_HOURS) });
    try {
      const world = await bookingWorld(testApp);
      const { patient } = await patientWithEmail(testApp.prisma, world);
      const appointment = await book(world.reception, world, patient.id, upcoming(ZONE, 3, '16:00', 1));
      expect(await testApp.app.get(JobQueue).runDue(REMINDER_QUEUE.name)).toBe(1);
      const failed = await testApp.app.get(JobQueue).getJob(REMINDER_QUEUE.name, reminderJobId({ appointmentId: appointment.id, version: 1 }));
      expect(failed).toMatchObject({ state: 'retry', retryBackoff: true, output: { message: expect.stringMatching(/ECONNREFUSED|connect/i) } });
      // Not retried at once: the first retry waits the queue's retryDelay (60 s), later ones longer.
      expect(failed!.startAfter.getTime()).toBeGreaterThan(Date.now() + 30_000);
      expect(await testApp.prisma.appointmentReminder.count({ where: { appointmentId: appointment.id } })).toBe(0);
    } finally {
      await testApp.close();
    }
  });

  it('works when the app connects as a runtime role that owns nothing (queue schema installed by the owner)', async () => {
    const role = await createRuntimeRole();
    const testApp = await startTestAppAsRole(role, { SMTP_URL: inbox.url, APP_URL: 'https://clinic.example', APP_SECRET: TEST_APP_SECRET, MFA_REQUIRED_ROLES: '', JOB_WORKERS: 'off', REMINDER_LEAD_HOURS: String(LEAD_HOURS) });
    try {
      const world = await bookingWorld(testApp);
      const { patient, email } = await patientWithEmail(testApp.prisma, world);
      await book(world.reception, world, patient.id, upcoming(ZONE, 3, '17:00', 1));
      await testApp.app.get(JobQueue).runDue(REMINDER_QUEUE.name);
      expect((await inbox.waitFor(email)).text).toContain('With:  Dr Ames');
    } finally {
      await testApp.close();
      await role.drop();
    }
  });
});
