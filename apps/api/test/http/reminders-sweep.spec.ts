import { Appointment } from '@ims/contracts';
import { openPostgres, type Database } from '@ims/prisma';
import { cloneDatabase } from '@ims/prisma/testing';
import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { loadConfig } from '../../src/config/app-config';
import { createApp } from '../../src/create-app';
import { JobQueue } from '../../src/jobs/job-queue.service';
import { REMINDER_QUEUE, REMINDER_SWEEP_QUEUE, reminderJobId } from '../../src/reminders/reminder-job';
import { ReminderSender } from '../../src/reminders/reminder-sender.service';
import { REMINDER_SWEEP_CRON, ReminderSweep } from '../../src/reminders/reminder-sweep.service';
import { createBookingSetup, insertAppointment, upcoming } from '../support/appointment-factories';
import { createOrganisation, createUser } from '../support/factories';
import { signIn } from '../support/sign-in';
import { startSmtpInbox, type SmtpInbox } from '../support/smtp-inbox';
import { startTestApp, TEST_APP_SECRET, type TestApp } from '../support/test-app';

const ZONE = 'America/Vancouver';
/** Two weeks' lead: the sweep looks LEAD_HOURS + 1 h ahead, so every appointment here is in its window and due at once. */
const LEAD_HOURS = 336;
const HOUR = 3_600_000;

type World = Awaited<ReturnType<typeof sweepWorld>>;

/** An organisation with a clinic, a receptionist and a bookable clinician, room and type. */
async function sweepWorld(testApp: Pick<TestApp, 'prisma' | 'http'> & Parameters<typeof signIn>[0]) {
  const { organisation, clinic } = await createOrganisation(testApp.prisma);
  const receptionist = await createUser(testApp.prisma, { organisationId: organisation.id, clinicIds: [clinic.id], roles: ['receptionist'] });
  const reception = await signIn(testApp, receptionist.email);
  const setup = await createBookingSetup(testApp.prisma, { organisationId: organisation.id, clinicId: clinic.id, clinicianName: 'Dr Ames' });
  return { organisationId: organisation.id, clinic, reception, ...setup };
}

async function patientWithEmail(prisma: TestApp['prisma'], world: World, consent: boolean) {
  const email = `pat-${randomUUID().slice(0, 8)}@example.org`;
  const patient = await prisma.patient.create({
    data: { organisationId: world.organisationId, homeClinicId: world.clinic.id, firstName: 'Pat', lastName: 'Tremblay', dateOfBirth: new Date('1980-04-02T00:00:00Z'), email, reminderConsentEmail: consent },
  });
  return { patient, email };
}

/** Whole hours 30+ hours ahead, one per call, so the clinician's 30-minute appointments never overlap. */
let nextSlot = 0;
const slot = () => new Date(Math.ceil(Date.now() / HOUR) * HOUR + (30 + nextSlot++) * HOUR);

/** An appointment written straight to the table, as the seed or an import would: no appointment event fires. */
function insertBooked(prisma: TestApp['prisma'], world: World, patientId: string, status: 'booked' | 'cancelled' = 'booked') {
  return insertAppointment(prisma, {
    organisationId: world.organisationId,
    clinicId: world.clinic.id,
    patientId,
    clinicianId: world.clinician.id,
    appointmentTypeId: world.type.id,
    startsAt: slot(),
    status,
  });
}

const mailsTo = (inbox: SmtpInbox, email: string) => inbox.messages.filter((m) => m.to.includes(email));

describe('reminder sweep (appointments the booking events never saw)', () => {
  let inbox: SmtpInbox;
  let testApp: TestApp;
  let world: World;
  const sweep = () => testApp.app.get(ReminderSweep).sweep();
  const runDue = () => testApp.app.get(JobQueue).runDue(REMINDER_QUEUE.name);
  const job = (appointmentId: string, version = 1) => testApp.app.get(JobQueue).getJob(REMINDER_QUEUE.name, reminderJobId({ appointmentId, version }));

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    testApp = await startTestApp({ SMTP_URL: inbox.url, APP_URL: 'https://clinic.example', JOB_WORKERS: 'off', REMINDER_LEAD_HOURS: String(LEAD_HOURS) });
    world = await sweepWorld(testApp);
  });
  afterAll(async () => {
    await testApp.close();
    await inbox.close();
  });

  it('registers the sweep with pg-boss’s scheduler, every 15 minutes', async () => {
    const rows = await testApp.prisma.$queryRaw<Array<{ cron: string; timezone: string }>>`
      SELECT cron, timezone FROM pgboss.schedule WHERE name = ${REMINDER_SWEEP_QUEUE.name}`;
    expect(rows).toEqual([{ cron: REMINDER_SWEEP_CRON, timezone: 'UTC' }]);
    expect(REMINDER_SWEEP_CRON).toBe('*/15 * * * *');
  });

  it('an appointment inserted straight into the database gets its reminder after a sweep, and only one however often it runs', async () => {
    const { patient, email } = await patientWithEmail(testApp.prisma, world, true);
    const appointment = await insertBooked(testApp.prisma, world, patient.id);
    expect(await job(appointment.id)).toBeNull();

    await sweep();
    await sweep();
    expect(await job(appointment.id)).toMatchObject({ state: 'created', singletonKey: `${appointment.id}:1` });
    await runDue();
    await inbox.waitFor(email);
    // Once sent, the appointment_reminder row takes it out of the sweep's query; a sweep job run through the queue
    // (as the cron tick runs it) finds nothing more to do for it.
    await sweep();
    await testApp.prisma.$transaction((tx) => testApp.app.get(JobQueue).send(REMINDER_SWEEP_QUEUE.name, {}, {}, tx));
    expect(await testApp.app.get(JobQueue).runDue(REMINDER_SWEEP_QUEUE.name)).toBe(1);
    await runDue();
    expect(mailsTo(inbox, email)).toHaveLength(1);
    expect(await testApp.prisma.appointmentReminder.findMany({ where: { appointmentId: appointment.id } })).toEqual([
      expect.objectContaining({ appointmentVersion: 1, recipient: email, sentAt: expect.any(Date) }),
    ]);
  });

  it('a patient who gives email-reminder consent after booking gets the reminder at the next sweep', async () => {
    const { patient, email } = await patientWithEmail(testApp.prisma, world, false);
    const booked = await world.reception
      .post('/api/appointments', { clinicId: world.clinic.id, patientId: patient.id, clinicianId: world.clinician.id, roomId: world.room.id, appointmentTypeId: world.type.id, startsAt: upcoming(ZONE, 3, '10:30', 1) })
      .expect(201);
    const appointment = Appointment.parse(booked.body);
    expect(await job(appointment.id)).toBeNull();
    await sweep();
    expect(await job(appointment.id)).toBeNull();

    await world.reception.patch(`/api/patients/${patient.id}`, { version: 1, reminderConsentEmail: true }).expect(200);
    await sweep();
    await runDue();
    expect((await inbox.waitFor(email)).text).toContain('With:  Dr Ames');
  });

  it('a patient who withdraws consent after the reminder was queued gets nothing: the worker re-checks', async () => {
    const { patient, email } = await patientWithEmail(testApp.prisma, world, true);
    const appointment = await insertBooked(testApp.prisma, world, patient.id);
    await sweep();
    expect(await job(appointment.id)).toMatchObject({ state: 'created' });

    await world.reception.patch(`/api/patients/${patient.id}`, { version: 1, reminderConsentEmail: false }).expect(200);
    await sweep();
    await runDue();
    expect((await job(appointment.id))?.state).toBe('completed');
    expect(await testApp.app.get(ReminderSender).send({ appointmentId: appointment.id, version: 1 })).toBe('no-consent');
    expect(mailsTo(inbox, email)).toEqual([]);
    expect(await testApp.prisma.appointmentReminder.count({ where: { appointmentId: appointment.id } })).toBe(0);
  });

  it('leaves cancelled appointments, and appointments beyond the lead time, alone', async () => {
    const { patient, email } = await patientWithEmail(testApp.prisma, world, true);
    const cancelled = await insertBooked(testApp.prisma, world, patient.id, 'cancelled');
    const later = await insertAppointment(testApp.prisma, {
      organisationId: world.organisationId,
      clinicId: world.clinic.id,
      patientId: patient.id,
      clinicianId: world.clinician.id,
      appointmentTypeId: world.type.id,
      startsAt: new Date(Date.now() + (LEAD_HOURS + 3) * HOUR),
    });
    await sweep();
    expect(await job(cancelled.id)).toBeNull();
    expect(await job(later.id)).toBeNull();
    await runDue();
    expect(mailsTo(inbox, email)).toEqual([]);
  });
});

describe('reminder sweep at start-up', () => {
  it('a worker process sweeps once when it starts: a seeded appointment gets its reminder without any booking event', async () => {
    const inbox = await startSmtpInbox();
    const clone = await cloneDatabase(process.env.IMS_TEST_TEMPLATE_DB as string);
    const env = { SMTP_URL: inbox.url, APP_URL: 'https://clinic.example', REMINDER_LEAD_HOURS: String(LEAD_HOURS) };
    try {
      const before = await openAppOn(clone.url, { ...env, JOB_WORKERS: 'off' });
      const world = await sweepWorld({ prisma: before.database.prisma, http: request(before.app.getHttpServer()) } as TestApp);
      const { patient, email } = await patientWithEmail(before.database.prisma, world, true);
      await insertBooked(before.database.prisma, world, patient.id);
      await before.app.close();

      const after = await openAppOn(clone.url, { ...env, JOB_WORKERS: 'on' });
      try {
        expect((await inbox.waitFor(email, 20_000)).text).toContain('With:  Dr Ames');
      } finally {
        await after.app.close();
      }
    } finally {
      await clone.drop();
      await inbox.close();
    }
  }, 120_000);
});

/** The real Nest app over an existing database, as a fresh process would open it. */
async function openAppOn(url: string, env: Record<string, string>): Promise<{ app: INestApplication; database: Database }> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url, APP_SECRET: TEST_APP_SECRET, MFA_REQUIRED_ROLES: '', ...env });
  const database = openPostgres({ url, poolMax: 5, applicationName: 'ims-api-test' });
  const app = await createApp(config, database);
  await app.init();
  return { app, database };
}
