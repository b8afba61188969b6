import { createHash } from 'node:crypto';
import { Appointment, CalendarFeedLink } from '@ims/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createOrganisation, createUser } from '../support/factories';
import { createBookableClinician, createBookingSetup, upcoming } from '../support/appointment-factories';
import { parseCalendar } from '../support/ical-feed';

const ZONE = 'America/Vancouver';

describe('calendar feed (iCalendar per clinician, secret revocable URL)', () => {
  let testApp: TestApp;
  let logged: string[];
  let stdoutSpy: jest.SpyInstance;
  let orgId: string;
  let clinicId: string;
  let reception: SignedInAgent;
  let admin: SignedInAgent;
  let setup: Awaited<ReturnType<typeof createBookingSetup>>;
  let clinicianAgent: SignedInAgent;

  const feedPath = (clinicianId: string) => `/api/clinicians/${clinicianId}/calendar-feed`;
  const pathOf = (url: string) => url.replace('https://clinic.example', '');
  const tokenOf = (url: string) => new URL(url).searchParams.get('token') as string;
  const book = async (startsAt: string, clinicianId = setup.clinician.id) =>
    Appointment.parse(
      (await reception.post('/api/appointments', { clinicId, patientId: setup.patient.id, clinicianId, roomId: setup.room.id, appointmentTypeId: setup.type.id, startsAt }).expect(201)).body,
    );

  beforeAll(async () => {
    // Captures the JSON log lines: pino writes through process.stdout when its write has been replaced at start.
    logged = [];
    stdoutSpy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logged.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    });
    testApp = await startTestApp({ LOG_LEVEL: 'info', APP_URL: 'https://clinic.example' });
    const { organisation, clinic } = await createOrganisation(testApp.prisma);
    orgId = organisation.id;
    clinicId = clinic.id;
    reception = await signIn(testApp, (await createUser(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId], roles: ['receptionist'] })).email);
    admin = await signIn(testApp, (await createUser(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId], roles: ['admin'] })).email);
    setup = await createBookingSetup(testApp.prisma, { organisationId: orgId, clinicId, clinicianName: 'Dr Ames' });
    await testApp.prisma.patient.update({ where: { id: setup.patient.id }, data: { firstName: 'Patricia', preferredName: 'Pat', lastName: 'Tremblay' } });
    clinicianAgent = await signIn(testApp, setup.clinicianUser.email);
  });
  afterAll(async () => {
    await testApp.close();
    stdoutSpy.mockRestore();
  });

  it('serves the clinician’s appointments as RFC 5545 with TZID, VTIMEZONE, stable UIDs, SEQUENCE and STATUS', async () => {
    const link = CalendarFeedLink.parse((await clinicianAgent.post(feedPath(setup.clinician.id)).expect(201)).body);
    expect(link.url).toMatch(new RegExp(`^https://clinic\\.example/api/clinicians/${setup.clinician.id}/calendar\\.ics\\?token=[A-Za-z0-9_-]{43}$`));

    const kept = await book(upcoming(ZONE, 2, '10:00', 1));
    const moved = await book(upcoming(ZONE, 3, '10:00', 1));
    const movedTo = upcoming(ZONE, 3, '14:00', 1);
    await reception.patch(`/api/appointments/${moved.id}`, { version: 1, startsAt: movedTo }).expect(200);
    const cancelled = await book(upcoming(ZONE, 4, '10:00', 1));
    await reception.post(`/api/appointments/${cancelled.id}/cancel`, { version: 1, reason: 'Unwell' }).expect(200);
    const colleague = await createBookableClinician(testApp.prisma, { organisationId: orgId, clinicId, name: 'Dr Other' });
    const notMine = await book(upcoming(ZONE, 5, '10:00', 1), colleague.clinician.id);

    const response = await testApp.http.get(pathOf(link.url)).expect(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const calendar = parseCalendar(response.text);
    expect(calendar.timezones).toEqual([ZONE]);
    const byUid = new Map(calendar.events.map((event) => [event.uid, event]));
    expect(calendar.events).toHaveLength(3);
    expect(byUid.get(`${notMine.id}@ims.clinic`)).toBeUndefined();
    expect(byUid.get(`${kept.id}@ims.clinic`)).toMatchObject({ sequence: 0, status: 'CONFIRMED', tzid: ZONE, start: new Date(kept.startsAt), end: new Date(kept.endsAt) });
    expect(byUid.get(`${moved.id}@ims.clinic`)).toMatchObject({ sequence: 1, status: 'CONFIRMED', tzid: ZONE, start: new Date(movedTo) });
    expect(byUid.get(`${cancelled.id}@ims.clinic`)).toMatchObject({ sequence: 1, status: 'CANCELLED' });
    expect(response.text).toContain(`DTSTART;TZID=${ZONE}:${kept.localStart.replace(/[-:]/g, '')}00`);
    for (const event of calendar.events) expect(event.summary).toBe(`${setup.type.name} — Pat T.`);
    expect(response.text).not.toContain('Tremblay');
    expect(response.text).not.toContain('Patricia');
  });

  it('stores only the token’s hash; a new link revokes the old one, and DELETE revokes the current one', async () => {
    const first = CalendarFeedLink.parse((await clinicianAgent.post(feedPath(setup.clinician.id)).expect(201)).body);
    const second = CalendarFeedLink.parse((await clinicianAgent.post(feedPath(setup.clinician.id)).expect(201)).body);
    const rows = await testApp.prisma.calendarFeedToken.findMany({ where: { clinicianId: setup.clinician.id } });
    expect(rows.filter((row) => row.revokedAt === null).map((row) => row.tokenHash)).toEqual([createHash('sha256').update(tokenOf(second.url)).digest('hex')]);
    expect(JSON.stringify(rows)).not.toContain(tokenOf(first.url));

    await testApp.http.get(pathOf(first.url)).expect(404);
    await testApp.http.get(pathOf(second.url)).expect(200);
    await clinicianAgent.delete(feedPath(setup.clinician.id)).expect(204);
    await testApp.http.get(pathOf(second.url)).expect(404);
    expect(await testApp.prisma.auditEvent.count({ where: { entityType: 'calendar_feed', action: { in: ['create', 'revoke'] } } })).toBeGreaterThanOrEqual(3);
  });

  it('answers 404 for a wrong token, or a token used on another clinician’s URL, and 400 without a token', async () => {
    const link = CalendarFeedLink.parse((await clinicianAgent.post(feedPath(setup.clinician.id)).expect(201)).body);
    const colleague = await createBookableClinician(testApp.prisma, { organisationId: orgId, clinicId });
    await testApp.http.get(`/api/clinicians/${setup.clinician.id}/calendar.ics?token=${'x'.repeat(43)}`).expect(404);
    await testApp.http.get(`/api/clinicians/${colleague.clinician.id}/calendar.ics?token=${tokenOf(link.url)}`).expect(404);
    await testApp.http.get(`/api/clinicians/not-a-uuid/calendar.ics?token=${tokenOf(link.url)}`).expect(404);
    const missing = await testApp.http.get(`/api/clinicians/${setup.clinician.id}/calendar.ics`).expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'token' })]);
  });

  it('lets a clinician manage only their own feed, an admin anyone’s, a receptionist none', async () => {
    const colleague = await createBookableClinician(testApp.prisma, { organisationId: orgId, clinicId });
    await clinicianAgent.post(feedPath(colleague.clinician.id)).expect(404);
    await clinicianAgent.delete(feedPath(colleague.clinician.id)).expect(404);
    const byAdmin = CalendarFeedLink.parse((await admin.post(feedPath(colleague.clinician.id)).expect(201)).body);
    await testApp.http.get(pathOf(byAdmin.url)).expect(200);
    await reception.post(feedPath(setup.clinician.id)).expect(403);
  });

  it('never writes the token to the logs', async () => {
    const link = CalendarFeedLink.parse((await clinicianAgent.post(feedPath(setup.clinician.id)).expect(201)).body);
    await testApp.http.get(pathOf(link.url)).expect(200);
    await testApp.http.get(`/api/clinicians/${setup.clinician.id}/calendar.ics?token=${tokenOf(link.url)}x`).expect(404);
    const urls = logged
      .join('')
      .split('\n')
      .filter((line) => line.includes('calendar.ics?token='))
      .map((line) => (JSON.parse(line) as { req: { url: string } }).req.url);
    expect(urls.length).toBeGreaterThanOrEqual(2);
    expect(urls).toEqual(urls.map(() => expect.stringMatching(/calendar\.ics\?token=\[redacted\]$/)));
    expect(logged.join('')).not.toContain(tokenOf(link.url));
  });
});
