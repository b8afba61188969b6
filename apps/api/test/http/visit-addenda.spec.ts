import { Addendum, VisitList, VisitNote } from '@ims/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createClinic } from '../support/clinician-factories';
import { createUser } from '../support/factories';
import { consentedPatient, createVisitTenant, insertMuscle, signableDraft, visitAppointment, type VisitTenant } from '../support/visit-factories';

describe('addenda to signed visit notes', () => {
  let testApp: TestApp;
  let tenant: VisitTenant;
  let physio: SignedInAgent;
  let colleague: SignedInAgent;
  let muscleId: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    tenant = await createVisitTenant(testApp.prisma, 'addenda');
    physio = await signIn(testApp, tenant.physio.email);
    colleague = await signIn(testApp, tenant.colleague.user.email);
    await testApp.prisma.user.update({ where: { id: tenant.colleague.user.id }, data: { name: 'Colleague addenda' } });
    muscleId = (await insertMuscle(testApp.prisma)).id;
  });
  afterAll(() => testApp.close());

  /** A saved draft of a fresh arrived appointment; signed too unless `sign` is false. */
  async function note(sign = true): Promise<VisitNote> {
    const patient = await consentedPatient(testApp.prisma, tenant);
    const appointment = await visitAppointment(testApp.prisma, tenant, { patientId: patient.id });
    const started = await physio.post('/api/visits', { appointmentId: appointment.id }).expect(201);
    const saved = await physio.put(`/api/visits/${started.body.id}`, signableDraft(1, muscleId)).expect(200);
    if (!sign) return VisitNote.parse(saved.body);
    return VisitNote.parse((await physio.post(`/api/visits/${saved.body.id}/sign`, { version: saved.body.version }).expect(200)).body);
  }
  const add = (agent: SignedInAgent, noteId: string, body: object) => agent.post(`/api/visits/${noteId}/addenda`, body);

  it('adds addenda with author, time and reason, shown with the note oldest first, leaving the signed content as it was', async () => {
    const signed = await note();
    const first = await add(physio, signed.id, { reason: 'Wrong side recorded', text: 'Site 1 was the right upper trapezius, not the left.' });
    expect(first.status).toBe(201);
    const addendum = Addendum.parse(first.body);
    expect(addendum).toMatchObject({ author: { id: tenant.physio.id, name: 'Physio addenda' }, reason: 'Wrong side recorded', text: 'Site 1 was the right upper trapezius, not the left.' });
    expect(Date.now() - Date.parse(addendum.createdAt)).toBeLessThan(60_000);
    // Any physiotherapist who may see the note may add one, in their own name.
    const second = await add(colleague, signed.id, { reason: 'Follow-up call', text: 'Patient reported soreness resolved next day.' });
    expect(second.status).toBe(201);

    const shown = VisitNote.parse((await physio.get(`/api/visits/${signed.id}`).expect(200)).body);
    expect(shown.addenda.map((a) => [a.id, a.author.name, a.reason])).toEqual([
      [addendum.id, 'Physio addenda', 'Wrong side recorded'],
      [second.body.id, 'Colleague addenda', 'Follow-up call'],
    ]);
    expect([shown.version, shown.contentHash, shown.sites[0].side, shown.signedAt]).toEqual([signed.version, signed.contentHash, 'left', signed.signedAt]);
    const list = VisitList.parse((await physio.get(`/api/visits?patientId=${signed.patientId}`).expect(200)).body);
    expect(list.items[0].addendaCount).toBe(2);

    const audits = await testApp.prisma.auditEvent.findMany({ where: { entityType: 'visit-addendum', action: 'create', patientId: signed.patientId }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.entityId, a.userId, a.detail])).toEqual([
      [addendum.id, tenant.physio.id, { visitNoteId: signed.id }],
      [second.body.id, tenant.colleague.user.id, { visitNoteId: signed.id }],
    ]);
  });

  it('refuses an addendum to a draft (409: edit it instead), adding nothing', async () => {
    const draft = await note(false);
    const response = await add(physio, draft.id, { reason: 'Too early', text: 'Not signed yet' });
    expect(response.status).toBe(409);
    expect(response.body.detail).toMatch(/still a draft: edit it instead/);
    expect(response.body.conflicts).toEqual([{ entity: 'visit-note', id: draft.id, message: 'not signed yet' }]);
    expect(await testApp.prisma.visitAddendum.count({ where: { visitNoteId: draft.id } })).toBe(0);
  });

  it('requires a reason and a text (400 naming each)', async () => {
    const signed = await note();
    const response = await add(physio, signed.id, { reason: '  ', text: '' });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['reason', 'text']);
  });

  it('replays a retried addendum with the same Idempotency-Key instead of adding it twice', async () => {
    const signed = await note();
    const send = () =>
      testApp.http
        .post(`/api/visits/${signed.id}/addenda`)
        .set('Cookie', physio.cookie)
        .set('X-CSRF-Token', physio.csrfToken)
        .set('Idempotency-Key', `addendum-${signed.id}`)
        .send({ reason: 'Clarification', text: 'Advice given in writing.' });
    const [first, retry] = [await send(), await send()];
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.id).toBe(first.body.id);
    expect(await testApp.prisma.visitAddendum.count({ where: { visitNoteId: signed.id } })).toBe(1);
  });

  it('refuses the receptionist and the manager (403), and a physiotherapist of another clinic (404)', async () => {
    const signed = await note();
    for (const role of ['receptionist', 'manager'] as const) {
      const agent = await signIn(testApp, tenant[role].email);
      expect((await add(agent, signed.id, { reason: 'r', text: 't' })).status).toBe(403);
    }
    const otherClinic = await createClinic(testApp.prisma, { organisationId: tenant.organisation.id });
    const outsider = await createUser(testApp.prisma, { organisationId: tenant.organisation.id, clinicIds: [otherClinic.id], roles: ['physiotherapist'] });
    expect((await add(await signIn(testApp, outsider.email), signed.id, { reason: 'r', text: 't' })).status).toBe(404);
    expect(await testApp.prisma.visitAddendum.count({ where: { visitNoteId: signed.id } })).toBe(0);
  });
});
