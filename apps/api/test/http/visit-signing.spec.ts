import { createHash } from 'node:crypto';
import { SIGN_RULES, VisitNote, type SaveVisitRequest } from '@ims/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createClinician } from '../support/clinician-factories';
import {
  authorise,
  consentedPatient,
  createVisitTenant,
  insertMuscle,
  insertPlan,
  signableDraft,
  site,
  visitAppointment,
  type VisitTenant,
} from '../support/visit-factories';
import { canonicalJson, signedContentOf } from '@ims/prisma';
import { VISIT_INCLUDE } from '../../src/visits/visit-view';

type Consent = 'plain' | 'thorax' | 'none';

describe('signing a visit note', () => {
  let testApp: TestApp;
  let tenant: VisitTenant;
  let physio: SignedInAgent;
  let muscleId: string;
  let thoracicId: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    tenant = await createVisitTenant(testApp.prisma, 'signing');
    physio = await signIn(testApp, tenant.physio.email);
    muscleId = (await insertMuscle(testApp.prisma, { name: 'Upper trapezius (test)', depthMinCm: 1, depthMaxCm: 3 })).id;
    thoracicId = (await insertMuscle(testApp.prisma, { name: 'Serratus anterior (test)', region: 'thorax', depthMinCm: 0.5, depthMaxCm: 1.5, thoraxRisk: true })).id;
  });
  afterAll(() => testApp.close());

  const rules = (response: { body: { violations?: Array<{ rule: string }> } }) => (response.body.violations ?? []).map((v) => v.rule);

  /**
   * A draft saved with `draft` (default: signable) for a fresh patient with `consent`, charted by `agent`'s clinician
   * (default: the tenant's authorised physio). Returns the saved note and its appointment.
   */
  async function savedDraft(options: { draft?: (version: number) => SaveVisitRequest; consent?: Consent; planId?: string; patientId?: string; agent?: SignedInAgent; clinicianId?: string } = {}) {
    const patientId = options.patientId ?? (await consentedPatient(testApp.prisma, tenant, options.consent ?? 'plain')).id;
    const appointment = await visitAppointment(testApp.prisma, tenant, { patientId, planId: options.planId, clinicianId: options.clinicianId });
    const agent = options.agent ?? physio;
    const started = await agent.post('/api/visits', { appointmentId: appointment.id }).expect(201);
    const saved = await agent.put(`/api/visits/${started.body.id}`, (options.draft ?? ((v) => signableDraft(v, muscleId)))(1));
    expect(saved.status).toBe(200);
    return { note: VisitNote.parse(saved.body), appointment };
  }
  const sign = (note: { id: string; version: number }, agent = physio) => agent.post(`/api/visits/${note.id}/sign`, { version: note.version });

  /** The rule fails alone (422 with exactly that violation) and the note and its appointment stay as they were. */
  async function expectRefusedFor(rule: string, note: VisitNote, agent = physio) {
    const response = await sign(note, agent);
    expect(response.status).toBe(422);
    expect(rules(response)).toEqual([rule]);
    const stored = await testApp.prisma.visitNote.findUniqueOrThrow({ where: { id: note.id }, include: { appointment: true } });
    expect([stored.status, stored.version, stored.signedAt, stored.contentHash, stored.appointment.status]).toEqual(['draft', note.version, null, null, 'arrived']);
    return response.body.violations[0].message as string;
  }

  describe('needling-authorisation', () => {
    it('refuses a clinician whose IMS authorisation ended before the visit, or who holds only dry needling', async () => {
      const expired = await createClinician(testApp.prisma, { organisationId: tenant.organisation.id, clinicIds: [tenant.clinic.id], name: 'Expired Physio', authorisations: [{ validFrom: '2020-01-01', validTo: '2021-12-31' }] });
      await authorise(testApp.prisma, expired.clinician, { kind: 'dry_needling' });
      const agent = await signIn(testApp, expired.user.email);
      const { note } = await savedDraft({ agent, clinicianId: expired.clinician.id });
      const message = await expectRefusedFor('needling-authorisation', note, agent);
      expect(message).toBe(`Expired Physio has no IMS authorisation valid on ${note.visitDate}: only an authorised practitioner may sign an IMS note`);
    });

    it('passes with an IMS authorisation covering the visit date: signed, locked, hashed, appointment completed, audited', async () => {
      const { note, appointment } = await savedDraft();
      const response = await sign(note);
      expect(response.status).toBe(200);
      const signed = VisitNote.parse(response.body);
      expect(signed).toMatchObject({ status: 'signed', version: note.version + 1, signedBy: { id: tenant.physio.id, name: 'Physio signing' }, sessionNumber: null });
      expect(Date.now() - Date.parse(signed.signedAt!)).toBeLessThan(60_000);

      // The hash is SHA-256 of the canonical JSON of what was charted, recomputable from the stored record.
      const row = await testApp.prisma.visitNote.findUniqueOrThrow({ where: { id: note.id }, include: VISIT_INCLUDE });
      expect(signed.contentHash).toBe(createHash('sha256').update(canonicalJson(signedContentOf(row))).digest('hex'));
      expect(canonicalJson(signedContentOf(row))).toContain('"depthCm":"2.0"');

      const completed = await testApp.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
      expect([completed.status, completed.version, completed.statusChangedById]).toEqual(['completed', appointment.version + 1, tenant.physio.id]);
      const audit = await testApp.prisma.auditEvent.findFirst({ where: { entityType: 'visit-note', entityId: note.id, action: 'sign' } });
      expect(audit).toMatchObject({ userId: tenant.physio.id, patientId: note.patientId, detail: expect.objectContaining({ contentHash: signed.contentHash }) });
      expect(await testApp.prisma.auditEvent.count({ where: { entityType: 'appointment', entityId: appointment.id, action: 'complete' } })).toBe(1);
    });
  });

  describe('consent', () => {
    it('refuses needling without an IMS consent in force on the visit date', async () => {
      const { note } = await savedDraft({ consent: 'none' });
      expect(await expectRefusedFor('consent', note)).toBe(`No IMS consent is in force on ${note.visitDate}: record the patient's consent before signing`);
    });

    it('refuses when the consent was withdrawn before the visit', async () => {
      const patient = await consentedPatient(testApp.prisma, tenant, 'plain');
      await testApp.prisma.imsConsent.updateMany({ where: { patientId: patient.id }, data: { withdrawnOn: new Date('2021-01-01T00:00:00Z'), withdrawnById: tenant.physio.id } });
      const { note } = await savedDraft({ patientId: patient.id });
      await expectRefusedFor('consent', note);
    });

    it('passes a visit without needling when there is no consent (an assessment)', async () => {
      const { note } = await savedDraft({ consent: 'none', draft: (v) => signableDraft(v, muscleId, { needlingDone: false, sites: [], needleCount: { opened: 0, removed: 0, retained: 0, disposed: 0 } }) });
      expect((await sign(note)).status).toBe(200);
    });
  });

  describe('needle-count', () => {
    it('refuses an unbalanced count; once fixed the note signs', async () => {
      const { note } = await savedDraft({ draft: (v) => signableDraft(v, muscleId, { needleCount: { opened: 4, removed: 3, retained: 0, disposed: 3 } }) });
      expect(await expectRefusedFor('needle-count', note)).toBe('The needle count does not balance: 4 opened but 3 removed + 0 retained = 3');
      const fixed = await physio.put(`/api/visits/${note.id}`, signableDraft(note.version, muscleId, { needleCount: { opened: 4, removed: 4, retained: 0, disposed: 4 } }));
      expect(fixed.status).toBe(200);
      expect((await sign(fixed.body)).status).toBe(200);
    });

    it('refuses a retained needle without the retained-needle adverse event, and signs with it', async () => {
      const count = { opened: 3, removed: 2, retained: 1, disposed: 2 };
      const { note } = await savedDraft({ draft: (v) => signableDraft(v, muscleId, { needleCount: count }) });
      expect(await expectRefusedFor('needle-count', note)).toMatch(/1 needle retained but no "retained-needle" adverse event recorded/);
      const fixed = await physio.put(`/api/visits/${note.id}`, signableDraft(note.version, muscleId, { needleCount: count, adverseEvents: [{ kind: 'retained-needle', detail: 'Tip broke off, referred' }] }));
      expect((await sign(fixed.body)).status).toBe(200);
    });
  });

  describe('depth-range', () => {
    it('refuses a depth outside the usual range without acknowledgement, naming the site and the muscle', async () => {
      const { note } = await savedDraft({ draft: (v) => signableDraft(v, muscleId, { sites: [site(muscleId), site(muscleId, { depthCm: 4.5, lengthMm: 50 })] }) });
      expect(note.sites.map((s) => s.depthOutsideRange)).toEqual([false, true]);
      expect(await expectRefusedFor('depth-range', note)).toBe(
        'site 2 (Upper trapezius (test)) at 4.5 cm is outside its usual 1-3 cm: acknowledge the depth with a reason, or correct it',
      );
    });

    it('passes with the depth acknowledged with a reason', async () => {
      const { note } = await savedDraft({ draft: (v) => signableDraft(v, muscleId, { sites: [site(muscleId, { depthCm: 4.5, lengthMm: 50, depthAck: { reason: 'Large build, band felt deep' } })] }) });
      const signed = await sign(note);
      expect(signed.status).toBe(200);
      expect(signed.body.sites[0]).toMatchObject({ depthOutsideRange: true, depthAck: { reason: 'Large build, band felt deep' } });
    });
  });

  describe('thorax-consent', () => {
    const thoracicDraft = (v: number) => signableDraft(v, muscleId, { sites: [site(muscleId), site(thoracicId, { depthCm: 1 })], needleCount: { opened: 2, removed: 2, retained: 0, disposed: 2 } });

    it('refuses a thoracic muscle needled when the consent in force leaves the thorax out', async () => {
      const { note } = await savedDraft({ consent: 'plain', draft: thoracicDraft });
      expect(await expectRefusedFor('thorax-consent', note)).toMatch(/^site 2 \(Serratus anterior \(test\)\) risks a pneumothorax/);
    });

    it('passes when the consent in force includes the thorax', async () => {
      const { note } = await savedDraft({ consent: 'thorax', draft: thoracicDraft });
      expect((await sign(note)).status).toBe(200);
    });
  });

  describe('required-fields', () => {
    it('refuses missing pain scores and assessment', async () => {
      const { note } = await savedDraft({ draft: (v) => signableDraft(v, muscleId, { painAfter: null, assessment: '' }) });
      expect(await expectRefusedFor('required-fields', note)).toBe('Missing: pain after (NPRS), assessment');
    });

    it('refuses needling with no site recorded', async () => {
      const { note } = await savedDraft({ draft: (v) => signableDraft(v, muscleId, { sites: [], needleCount: { opened: 0, removed: 0, retained: 0, disposed: 0 } }) });
      expect(await expectRefusedFor('required-fields', note)).toMatch(/at least one needling site/);
    });

    it('passes with pains of 0 recorded', async () => {
      const { note } = await savedDraft({ draft: (v) => signableDraft(v, muscleId, { painBefore: 0, painAfter: 0 }) });
      expect((await sign(note)).status).toBe(200);
    });
  });

  it('lists every failed rule at once', async () => {
    const unauthorised = await createClinician(testApp.prisma, { organisationId: tenant.organisation.id, clinicIds: [tenant.clinic.id], name: 'Unauthorised Physio' });
    const agent = await signIn(testApp, unauthorised.user.email);
    const { note } = await savedDraft({
      agent,
      clinicianId: unauthorised.clinician.id,
      consent: 'none',
      draft: (v) => signableDraft(v, muscleId, { painBefore: null, sites: [site(thoracicId, { depthCm: 2.5 })], needleCount: { opened: 2, removed: 1, retained: 0, disposed: 1 } }),
    });
    const response = await sign(note, agent);
    expect(response.status).toBe(422);
    expect(rules(response)).toEqual([...SIGN_RULES]);
    expect(response.body.detail).toBe(`The note cannot be signed yet: ${SIGN_RULES.join(', ')}`);
  });

  describe('once signed', () => {
    it('refuses signing again, saving and a stale signature with 409, changing nothing', async () => {
      const { note } = await savedDraft();
      const signed = VisitNote.parse((await sign(note).expect(200)).body);
      const again = await sign(signed);
      expect(again.status).toBe(409);
      expect(again.body.detail).toMatch(/already signed/);
      const save = await physio.put(`/api/visits/${note.id}`, signableDraft(signed.version, muscleId, { assessment: 'Changed afterwards' }));
      expect(save.status).toBe(409);
      expect(save.body.conflicts).toEqual([{ entity: 'visit-note', id: note.id, message: 'already signed' }]);
      const stored = VisitNote.parse((await physio.get(`/api/visits/${note.id}`)).body);
      expect([stored.assessment, stored.contentHash, stored.version]).toEqual([signed.assessment, signed.contentHash, signed.version]);
    });

    it('refuses a signature at a stale version (409)', async () => {
      const { note } = await savedDraft();
      const response = await sign({ id: note.id, version: note.version - 1 });
      expect(response.status).toBe(409);
      expect(response.body.type).toMatch(/stale-version$/);
    });

    it("refuses another physiotherapist's signature (403), even one authorised", async () => {
      const { note } = await savedDraft();
      const colleague = await signIn(testApp, tenant.colleague.user.email);
      const response = await sign(note, colleague);
      expect(response.status).toBe(403);
      expect(response.body.detail).toMatch(/may sign the visit note of this appointment/);
    });
  });

  describe('session numbers', () => {
    it('numbers the signed notes of a plan 1, 2, ... (drafts and notes without a plan get none)', async () => {
      const patient = await consentedPatient(testApp.prisma, tenant);
      const plan = await insertPlan(testApp.prisma, tenant, patient.id, { plannedSessions: 8 });
      const first = await savedDraft({ patientId: patient.id, planId: plan.id });
      const second = await savedDraft({ patientId: patient.id, planId: plan.id });
      const unplanned = await savedDraft({ patientId: patient.id });
      expect(first.note).toMatchObject({ planId: plan.id, sessionNumber: null, plannedSessions: 8 });

      // Session order is signing order: the n-th signed note of the plan is session n.
      expect((await sign(second.note).expect(200)).body).toMatchObject({ sessionNumber: 1, plannedSessions: 8 });
      expect((await sign(first.note).expect(200)).body).toMatchObject({ sessionNumber: 2 });
      expect((await sign(unplanned.note).expect(200)).body).toMatchObject({ planId: null, sessionNumber: null });
    });

    it('answers 409 when the next session number is already taken, signing nothing', async () => {
      const patient = await consentedPatient(testApp.prisma, tenant);
      const plan = await insertPlan(testApp.prisma, tenant, patient.id);
      // One signed note of the plan, written straight to the table holding session 2: as if signed concurrently.
      const taken = await visitAppointment(testApp.prisma, tenant, { patientId: patient.id, planId: plan.id, status: 'completed' });
      await testApp.prisma.visitNote.create({
        data: {
          organisationId: tenant.organisation.id,
          clinicId: tenant.clinic.id,
          patientId: patient.id,
          clinicianId: tenant.clinician.id,
          appointmentId: taken.id,
          planId: plan.id,
          status: 'signed',
          sessionNumber: 2,
          visitedAt: taken.startsAt,
          visitDate: new Date(taken.startsAt.toISOString().slice(0, 10)),
          signedAt: new Date(),
          signedById: tenant.physio.id,
          contentHash: 'f'.repeat(64),
          createdById: tenant.physio.id,
        },
      });

      const { note, appointment } = await savedDraft({ patientId: patient.id, planId: plan.id });
      const response = await sign(note);
      expect(response.status).toBe(409);
      expect(response.body.detail).toMatch(/signed at the same moment; sign again/);
      expect((await testApp.prisma.visitNote.findUniqueOrThrow({ where: { id: note.id } })).status).toBe('draft');
      expect((await testApp.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe('arrived');
    });
  });
});
