import { VisitList, VisitNote } from '@ims/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createClinic } from '../support/clinician-factories';
import { createUser } from '../support/factories';
import { consentedPatient, createVisitTenant, insertMuscle, insertPlan, signableDraft, site, visitAppointment, type VisitTenant } from '../support/visit-factories';

describe('visit notes: drafts and reads', () => {
  let testApp: TestApp;
  let tenant: VisitTenant;
  let foreign: VisitTenant;
  let physio: SignedInAgent;
  let colleague: SignedInAgent;
  let muscleId: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    tenant = await createVisitTenant(testApp.prisma, 'visits');
    foreign = await createVisitTenant(testApp.prisma, 'visits-foreign');
    physio = await signIn(testApp, tenant.physio.email);
    colleague = await signIn(testApp, tenant.colleague.user.email);
    muscleId = (await insertMuscle(testApp.prisma)).id;
  });
  afterAll(() => testApp.close());

  const paths = (response: { body: { errors?: Array<{ path: string }> } }) => (response.body.errors ?? []).map((e) => e.path);
  const rules = (response: { body: { violations?: Array<{ rule: string }> } }) => (response.body.violations ?? []).map((v) => v.rule);
  const newAppointment = async (options: Partial<Parameters<typeof visitAppointment>[2]> = {}) =>
    visitAppointment(testApp.prisma, tenant, { patientId: options.patientId ?? (await consentedPatient(testApp.prisma, tenant)).id, ...options });
  /** A draft of a fresh arrived appointment, started through the API. */
  const startDraft = async (options: Partial<Parameters<typeof visitAppointment>[2]> = {}) => {
    const appointment = await newAppointment(options);
    const response = await physio.post('/api/visits', { appointmentId: appointment.id });
    expect(response.status).toBe(201);
    return { appointment, note: VisitNote.parse(response.body) };
  };

  describe('starting a note', () => {
    it('starts a draft from an arrived appointment, copying its clinic, patient, clinician, plan and time', async () => {
      const patient = await consentedPatient(testApp.prisma, tenant);
      const plan = await insertPlan(testApp.prisma, tenant, patient.id);
      // 22:30 on 9 March in Vancouver is already 10 March in UTC: the visit's day is the clinic's.
      const startsAt = new Date('2026-03-10T05:30:00Z');
      const appointment = await newAppointment({ patientId: patient.id, planId: plan.id, startsAt });
      const response = await physio.post('/api/visits', { appointmentId: appointment.id });
      expect(response.status).toBe(201);
      const note = VisitNote.parse(response.body);
      expect(note).toMatchObject({
        version: 1,
        status: 'draft',
        appointmentId: appointment.id,
        clinicId: tenant.clinic.id,
        patientId: patient.id,
        patient: { id: patient.id, name: `${patient.firstName} ${patient.lastName}` },
        clinicianId: tenant.clinician.id,
        clinician: { id: tenant.clinician.id, name: tenant.clinician.displayName },
        planId: plan.id,
        plannedSessions: 10,
        sessionNumber: null,
        visitDate: '2026-03-09',
        sites: [],
        adverseEvents: [],
        addenda: [],
        signedAt: null,
        signedBy: null,
        contentHash: null,
      });
      expect(note.visitedAt).toBe('2026-03-09T22:30:00-07:00');
      const audit = await testApp.prisma.auditEvent.findFirst({ where: { entityType: 'visit-note', entityId: note.id, action: 'create' } });
      expect(audit).toMatchObject({ userId: tenant.physio.id, patientId: patient.id, clinicId: tenant.clinic.id });
    });

    it('replays a retried start with the same Idempotency-Key instead of answering 409', async () => {
      const appointment = await newAppointment();
      const send = () => testApp.http.post('/api/visits').set('Cookie', physio.cookie).set('X-CSRF-Token', physio.csrfToken).set('Idempotency-Key', `visit-${appointment.id}`).send({ appointmentId: appointment.id });
      const first = await send();
      const retry = await send();
      expect([first.status, retry.status]).toEqual([201, 201]);
      expect(retry.body.id).toBe(first.body.id);
      expect(await testApp.prisma.visitNote.count({ where: { appointmentId: appointment.id } })).toBe(1);
    });

    it('keeps one note per appointment: a second start is 409 naming the existing note', async () => {
      const { appointment, note } = await startDraft();
      const again = await physio.post('/api/visits', { appointmentId: appointment.id });
      expect(again.status).toBe(409);
      expect(again.body.conflicts).toEqual([{ entity: 'visit-note', id: note.id, message: 'the draft note of this appointment' }]);
      // Also once the appointment is completed: the note that completed it is the one.
      await testApp.prisma.appointment.update({ where: { id: appointment.id }, data: { status: 'completed' } });
      const completed = await physio.post('/api/visits', { appointmentId: appointment.id });
      expect(completed.status).toBe(409);
      expect(completed.body.conflicts[0].id).toBe(note.id);
    });

    it.each(['booked', 'cancelled', 'no_show'] as const)('refuses a %s appointment (422 appointment-arrived), recording nothing', async (status) => {
      const appointment = await newAppointment({ status });
      const response = await physio.post('/api/visits', { appointmentId: appointment.id });
      expect(response.status).toBe(422);
      expect(rules(response)).toEqual(['appointment-arrived']);
      expect(response.body.violations[0].message).toMatch(/mark the patient's arrival/);
      expect(await testApp.prisma.visitNote.count({ where: { appointmentId: appointment.id } })).toBe(0);
    });

    it('refuses an archived patient (422 patient-archived)', async () => {
      const patient = await consentedPatient(testApp.prisma, tenant);
      await testApp.prisma.patient.update({ where: { id: patient.id }, data: { archivedAt: new Date() } });
      const appointment = await newAppointment({ patientId: patient.id });
      const response = await physio.post('/api/visits', { appointmentId: appointment.id });
      expect(response.status).toBe(422);
      expect(rules(response)).toEqual(['patient-archived']);
    });

    it("refuses another physiotherapist of the clinic (403 naming the appointment's clinician)", async () => {
      const appointment = await newAppointment();
      const response = await colleague.post('/api/visits', { appointmentId: appointment.id });
      expect(response.status).toBe(403);
      expect(response.body.detail).toBe(`Only ${tenant.clinician.displayName}, the appointment's clinician, may start the visit note of this appointment`);
    });

    it('answers 404 for an appointment of another organisation or of a clinic the physiotherapist does not work in', async () => {
      const foreignPatient = await consentedPatient(testApp.prisma, foreign);
      const foreignAppointment = await visitAppointment(testApp.prisma, foreign, { patientId: foreignPatient.id });
      expect((await physio.post('/api/visits', { appointmentId: foreignAppointment.id })).status).toBe(404);
      const otherClinic = await createClinic(testApp.prisma, { organisationId: tenant.organisation.id });
      const there = await newAppointment({ clinicId: otherClinic.id });
      expect((await physio.post('/api/visits', { appointmentId: there.id })).status).toBe(404);
    });
  });

  describe('who may read and write notes', () => {
    it.each(['receptionist', 'manager', 'admin'] as const)('refuses the %s (403) on every route', async (role) => {
      const { note } = await startDraft();
      const agent = await signIn(testApp, tenant[role].email);
      const appointment = await newAppointment();
      const responses = [
        await agent.get('/api/visits'),
        await agent.get(`/api/visits/${note.id}`),
        await agent.post('/api/visits', { appointmentId: appointment.id }),
        await agent.put(`/api/visits/${note.id}`, signableDraft(1, muscleId)),
        await agent.post(`/api/visits/${note.id}/sign`, { version: 1 }),
        await agent.post(`/api/visits/${note.id}/addenda`, { reason: 'x', text: 'y' }),
      ];
      expect(responses.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
      expect((await testApp.prisma.visitNote.findUniqueOrThrow({ where: { id: note.id } })).version).toBe(1);
    });

    it('lets a colleague of the clinic read the note, but not edit it (403 naming its clinician)', async () => {
      const { note } = await startDraft();
      expect((await colleague.get(`/api/visits/${note.id}`)).status).toBe(200);
      const edit = await colleague.put(`/api/visits/${note.id}`, signableDraft(1, muscleId));
      expect(edit.status).toBe(403);
      expect(edit.body.detail).toMatch(new RegExp(`Only ${tenant.clinician.displayName}, the appointment's clinician, may edit`));
    });

    it('answers 404 for notes of another organisation, of another clinic, and for ids that are not UUIDs', async () => {
      const foreignPatient = await consentedPatient(testApp.prisma, foreign);
      const foreignAppointment = await visitAppointment(testApp.prisma, foreign, { patientId: foreignPatient.id });
      const foreignPhysio = await signIn(testApp, foreign.physio.email);
      const foreignNote = (await foreignPhysio.post('/api/visits', { appointmentId: foreignAppointment.id }).expect(201)).body;

      const otherClinic = await createClinic(testApp.prisma, { organisationId: tenant.organisation.id });
      const elsewhere = await createUser(testApp.prisma, { organisationId: tenant.organisation.id, clinicIds: [otherClinic.id], roles: ['physiotherapist'] });
      const { note } = await startDraft();
      const outsider = await signIn(testApp, elsewhere.email);

      for (const [agent, id] of [
        [physio, foreignNote.id],
        [outsider, note.id],
        [physio, 'not-a-uuid'],
      ] as const) {
        expect((await agent.get(`/api/visits/${id}`)).status).toBe(404);
        expect((await agent.put(`/api/visits/${id}`, signableDraft(1, muscleId))).status).toBe(404);
        expect((await agent.post(`/api/visits/${id}/sign`, { version: 1 })).status).toBe(404);
        expect((await agent.post(`/api/visits/${id}/addenda`, { reason: 'r', text: 't' })).status).toBe(404);
      }
      const list = VisitList.parse((await outsider.get('/api/visits').expect(200)).body);
      expect(list.items.map((item) => item.id)).not.toContain(note.id);
    });
  });

  describe('saving the draft', () => {
    it('saves the whole draft with its sites (muscle, depth range flag) and adverse events, and bumps the version', async () => {
      const { note } = await startDraft();
      const masseter = await insertMuscle(testApp.prisma, { name: 'Masseter (test)', depthMinCm: 1, depthMaxCm: 2, region: 'shoulder' });
      const body = signableDraft(1, muscleId, {
        sites: [site(muscleId), site(masseter.id, { side: 'right', depthCm: 2.5, lengthMm: 30, depthAck: { reason: 'Hypertrophic masseter' } })],
        adverseEvents: [{ kind: 'bruising' }, { kind: 'other', detail: 'Brief dizziness' }],
        needleCount: { opened: 6, removed: 6, retained: 0, disposed: 6 },
      });
      const response = await physio.put(`/api/visits/${note.id}`, body);
      expect(response.status).toBe(200);
      const saved = VisitNote.parse(response.body);
      expect(saved).toMatchObject({
        version: 2,
        status: 'draft',
        painBefore: 7,
        painAfter: 3,
        assessment: body.assessment,
        needleCount: { opened: 6, removed: 6, retained: 0, disposed: 6 },
        adverseEvents: [
          { kind: 'bruising', detail: null },
          { kind: 'other', detail: 'Brief dizziness' },
        ],
        minutesSpent: 30,
      });
      expect(saved.sites).toEqual([
        expect.objectContaining({ muscleId, side: 'left', gauge: 0.25, lengthMm: 30, depthCm: 2, depthAck: null, depthOutsideRange: false, level: null }),
        expect.objectContaining({
          muscleId: masseter.id,
          muscle: expect.objectContaining({ name: 'Masseter (test)', depthMinCm: 1, depthMaxCm: 2, thoraxRisk: false }),
          depthCm: 2.5,
          depthAck: { reason: 'Hypertrophic masseter' },
          depthOutsideRange: true,
        }),
      ]);

      // The next save replaces the sites and events: what was removed is gone.
      const replaced = VisitNote.parse((await physio.put(`/api/visits/${note.id}`, signableDraft(2, masseter.id, { sites: [site(masseter.id, { depthCm: 1.5 })] })).expect(200)).body);
      expect(replaced.version).toBe(3);
      expect(replaced.sites.map((s) => [s.muscleId, s.depthCm])).toEqual([[masseter.id, 1.5]]);
      expect(replaced.adverseEvents).toEqual([]);
      expect(await testApp.prisma.visitSite.count({ where: { visitNoteId: note.id } })).toBe(1);
      const audits = await testApp.prisma.auditEvent.count({ where: { entityType: 'visit-note', entityId: note.id, action: 'update' } });
      expect(audits).toBe(2);
    });

    it('of two editors at the same version, refuses the second (409) and keeps the first one’s content', async () => {
      const { note } = await startDraft();
      const first = await physio.put(`/api/visits/${note.id}`, signableDraft(1, muscleId, { assessment: 'First editor' }));
      expect(first.status).toBe(200);
      const second = await physio.put(`/api/visits/${note.id}`, signableDraft(1, muscleId, { assessment: 'Second editor', sites: [] }));
      expect(second.status).toBe(409);
      expect(second.body.type).toMatch(/stale-version$/);
      const stored = VisitNote.parse((await physio.get(`/api/visits/${note.id}`)).body);
      expect(stored).toMatchObject({ version: 2, assessment: 'First editor' });
      expect(stored.sites).toHaveLength(1);
    });

    it('of two saves racing at the same version, keeps exactly one: the other is 409 and leaves no trace', async () => {
      const { note } = await startDraft();
      const twoSites = signableDraft(1, muscleId, { assessment: 'Racer A', sites: [site(muscleId), site(muscleId, { side: 'right' })] });
      const noSites = signableDraft(1, muscleId, { assessment: 'Racer B', sites: [] });
      const [a, b] = await Promise.all([physio.put(`/api/visits/${note.id}`, twoSites), physio.put(`/api/visits/${note.id}`, noSites)]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? a.body : b.body;
      const stored = VisitNote.parse((await physio.get(`/api/visits/${note.id}`)).body);
      expect([stored.version, stored.assessment, stored.sites.length]).toEqual([2, winner.assessment, winner.sites.length]);
    });

    it('refuses a version-less save (400)', async () => {
      const { note } = await startDraft();
      const { version: _, ...body } = signableDraft(1, muscleId);
      const response = await physio.put(`/api/visits/${note.id}`, body);
      expect(response.status).toBe(400);
      expect(paths(response)).toEqual(['version']);
    });

    it('refuses a depth deeper than the needle is long (400 naming sites.0.depthCm)', async () => {
      const { note } = await startDraft();
      const response = await physio.put(`/api/visits/${note.id}`, signableDraft(1, muscleId, { sites: [site(muscleId, { lengthMm: 25, depthCm: 3 })] }));
      expect(response.status).toBe(400);
      expect(paths(response)).toEqual(['sites.0.depthCm']);
      expect(response.body.errors[0].message).toBe('3 cm is deeper than the 25 mm needle');
      expect((await testApp.prisma.visitNote.findUniqueOrThrow({ where: { id: note.id } })).version).toBe(1);
    });

    it('refuses an unknown muscle, a side the muscle cannot have and a level for a muscle without one, each by path', async () => {
      const { note } = await startDraft();
      const interspinales = await insertMuscle(testApp.prisma, { name: 'Interspinales (test)', sided: false, levelled: true, region: 'back' });
      const multifidus = await insertMuscle(testApp.prisma, { name: 'Multifidus (test)', levelled: true, region: 'back' });
      const response = await physio.put(
        `/api/visits/${note.id}`,
        signableDraft(1, muscleId, {
          sites: [
            site('00000000-0000-4000-8000-000000000000'),
            site(interspinales.id, { side: 'left' }),
            site(muscleId, { side: 'midline' }),
            site(muscleId, { level: 'C5' }),
            site(interspinales.id, { side: 'midline', level: 'L4' }),
            site(multifidus.id, { side: 'bilateral', level: 'L5' }),
          ],
        }),
      );
      expect(response.status).toBe(400);
      expect(paths(response)).toEqual(['sites.0.muscleId', 'sites.1.side', 'sites.2.side', 'sites.3.level']);
      expect(response.body.errors[1].message).toBe('Interspinales (test) is a midline structure: its side is "midline"');

      const valid = await physio.put(
        `/api/visits/${note.id}`,
        signableDraft(1, muscleId, { sites: [site(interspinales.id, { side: 'midline', level: 'L4' }), site(multifidus.id, { side: 'bilateral', level: 'L5' })] }),
      );
      expect(valid.status).toBe(200);
      expect(valid.body.sites.map((s: { level: string }) => s.level)).toEqual(['L4', 'L5']);
    });

    it('refuses sites on a note that records no needling (400 sites)', async () => {
      const { note } = await startDraft();
      const response = await physio.put(`/api/visits/${note.id}`, signableDraft(1, muscleId, { needlingDone: false }));
      expect(response.status).toBe(400);
      expect(paths(response)).toEqual(['sites']);
    });

    it("links a plan of the note's patient, and refuses another patient's plan (400 naming planId)", async () => {
      const { note } = await startDraft();
      const own = await insertPlan(testApp.prisma, tenant, note.patientId);
      const otherPatient = await consentedPatient(testApp.prisma, tenant);
      const others = await insertPlan(testApp.prisma, tenant, otherPatient.id);
      const refused = await physio.put(`/api/visits/${note.id}`, signableDraft(1, muscleId, { planId: others.id }));
      expect(refused.status).toBe(400);
      expect(paths(refused)).toEqual(['planId']);
      const linked = await physio.put(`/api/visits/${note.id}`, signableDraft(1, muscleId, { planId: own.id }));
      expect(linked.status).toBe(200);
      expect(linked.body).toMatchObject({ planId: own.id, plannedSessions: 10 });
      const unlinked = await physio.put(`/api/visits/${note.id}`, signableDraft(2, muscleId, { planId: null }));
      expect(unlinked.body.planId).toBeNull();
    });
  });

  describe('reading', () => {
    it('audits each read of a note', async () => {
      const { note } = await startDraft();
      await colleague.get(`/api/visits/${note.id}`).expect(200);
      const reads = await testApp.prisma.auditEvent.findMany({ where: { entityType: 'visit-note', entityId: note.id, action: 'read' } });
      expect(reads.map((r) => [r.userId, r.patientId, r.clinicId])).toEqual([[tenant.colleague.user.id, note.patientId, tenant.clinic.id]]);
    });

    it('lists notes newest visit first with filters and pages, and audits one read per patient listed', async () => {
      const patient = await consentedPatient(testApp.prisma, tenant);
      const plan = await insertPlan(testApp.prisma, tenant, patient.id);
      const older = (await startDraft({ patientId: patient.id, planId: plan.id })).note;
      const newer = (await startDraft({ patientId: patient.id })).note;
      await physio.put(`/api/visits/${older.id}`, signableDraft(1, muscleId)).expect(200);
      const before = await testApp.prisma.auditEvent.count({ where: { entityType: 'visit-note', action: 'read', patientId: patient.id } });

      const list = VisitList.parse((await physio.get(`/api/visits?patientId=${patient.id}`).expect(200)).body);
      expect(list.total).toBe(2);
      // startDraft goes one day further back each time: the first note started is the newer visit.
      expect(list.items.map((item) => item.id)).toEqual([older.id, newer.id]);
      const muscle = await testApp.prisma.muscle.findUniqueOrThrow({ where: { id: muscleId } });
      expect(list.items[0]).toMatchObject({ status: 'draft', planId: plan.id, painBefore: 7, muscleCodes: [muscle.code], addendaCount: 0, patient: { id: patient.id } });

      const page2 = VisitList.parse((await physio.get(`/api/visits?patientId=${patient.id}&pageSize=1&page=2`).expect(200)).body);
      expect([page2.total, page2.items.map((item) => item.id)]).toEqual([2, [newer.id]]);
      const byPlan = VisitList.parse((await physio.get(`/api/visits?planId=${plan.id}&status=draft&clinicianId=${tenant.clinician.id}`).expect(200)).body);
      expect(byPlan.items.map((item) => item.id)).toEqual([older.id]);
      expect((await physio.get(`/api/visits?patientId=${patient.id}&status=signed`).expect(200)).body).toEqual({ items: [], total: 0 });

      const reads = await testApp.prisma.auditEvent.findMany({ where: { entityType: 'visit-note', action: 'read', patientId: patient.id }, orderBy: { id: 'asc' } });
      expect(reads).toHaveLength(before + 3);
      expect(reads.at(-3)!.detail).toEqual({ list: true, visitNoteIds: [older.id, newer.id] });
    });

    it('is documented in OpenAPI with the contracts’ schemas', async () => {
      const doc = (await testApp.http.get('/api/docs-json').expect(200)).body;
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/visits', '/api/visits/{id}', '/api/visits/{id}/sign', '/api/visits/{id}/addenda']));
      const ref: string = doc.paths['/api/visits/{id}'].put.requestBody.content['application/json'].schema.$ref;
      expect(doc.components.schemas[ref.split('/').pop()!].required).toEqual(expect.arrayContaining(['version']));
    });

    it('refuses a malformed filter (400)', async () => {
      const response = await physio.get('/api/visits?status=final');
      expect(response.status).toBe(400);
      expect(paths(response)).toEqual(['status']);
    });
  });
});
