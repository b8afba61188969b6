import type { Patient } from '@ims/prisma';
import { fhirSchemaErrors } from '../../test/support/fhir-schema';
import type { ConsentRecord } from '../consents/consent-view';
import type { AppointmentRow } from './fhir-appointment';
import type { VisitRow } from './fhir-visit';
import { buildPatientBundle, type PatientRecord } from './patient-bundle';

const PATIENT_ID = '01900000-0000-7000-8000-000000000001';
const USER_ID = '01900000-0000-7000-8000-0000000000aa';

function patient(overrides: Partial<Patient> = {}): Patient {
  return {
    id: PATIENT_ID, organisationId: 'o', homeClinicId: 'c', version: 1,
    firstName: 'Ana', lastName: 'Silva', middleName: 'Maria', preferredName: 'Annie',
    dateOfBirth: new Date('1990-05-06T00:00:00Z'), sex: 'intersex', genderIdentity: 'Non-binary', pronouns: 'they/them',
    phone: '+16045550101', phoneAlt: null, email: 'ana@example.com',
    addressLine1: '1 Main St', addressLine2: null, city: 'Vancouver', region: 'BC', postalCode: 'V6K 1N6', country: 'CA',
    healthNumber: '9123 456 789', healthNumberIssuer: 'BC MSP',
    emergencyContactName: 'Rui Silva', emergencyContactRelationship: 'Brother', emergencyContactPhone: '+16045550102',
    referrerName: 'Dr Lee', referralSource: null, preferredContact: 'email', reminderConsentEmail: true, reminderConsentSms: false,
    frontDeskNotes: 'Prefers mornings', searchName: '', phoneDigits: '', healthNumberKey: null,
    archivedAt: null, archivedById: null, anonymisedAt: null, anonymisedById: null,
    createdAt: new Date('2026-01-01T00:00:00Z'), updatedAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}

const consent = (overrides: Partial<ConsentRecord>): ConsentRecord => ({
  id: '01900000-0000-7000-8000-0000000000c1', organisationId: 'o', clinicId: 'c', patientId: PATIENT_ID, takenById: USER_ID,
  consentedOn: '2026-01-10', risksDisclosed: ['soreness', 'bruising', 'pneumothorax'], thoraxIncluded: true,
  method: 'written', givenBy: 'guardian', guardianName: 'Rosa Silva', guardianRelationship: 'Mother',
  capacityFinding: null, notes: 'Discussed at length', withdrawnOn: null, withdrawnById: null, withdrawalReason: null,
  createdAt: new Date('2026-01-10T18:00:00Z'),
  ...overrides,
});

const appointment = (status: AppointmentRow['status']): AppointmentRow => ({
  id: `01900000-0000-7000-8000-00000000a${status.length}`, patientId: PATIENT_ID, status,
  startsAt: new Date('2026-01-12T17:00:00Z'), endsAt: new Date('2026-01-12T17:30:00Z'), createdAt: new Date('2026-01-01T00:00:00Z'),
  cancelReason: status === 'cancelled' ? 'Car broke down' : null, notes: 'Bring shorts',
  clinic: { name: 'Kitsilano' }, clinician: { displayName: 'Maya Thompson' }, appointmentType: { name: 'IMS treatment' }, room: { name: 'Room 1' },
});

const visit = (status: VisitRow['status'], overrides: Partial<VisitRow> = {}): VisitRow => ({
  id: `01900000-0000-7000-8000-0000000000d${status === 'signed' ? 1 : 2}`, appointmentId: '01900000-0000-7000-8000-00000000a9', patientId: PATIENT_ID,
  status, visitedAt: new Date('2026-01-12T17:00:00Z'), sessionNumber: status === 'signed' ? 3 : null, painBefore: 6, painAfter: 3,
  subjective: 'Neck stiff after driving', objective: 'Taut band L upper trapezius', assessment: 'Improving', plan: 'Continue weekly', advice: 'Heat tonight',
  needlingDone: true, signedAt: status === 'signed' ? new Date('2026-01-12T18:00:00Z') : null, contentHash: status === 'signed' ? 'ab'.repeat(32) : null,
  appointment: { endsAt: new Date('2026-01-12T17:30:00Z') }, clinician: { displayName: 'Maya Thompson' },
  treatmentPlan: { condition: 'neck_pain', conditionDetail: null },
  sites: [
    { side: 'left', level: null, depthCm: 1.5, lengthMm: 30, gaugeMm: 0.25, muscle: { code: 'upper_trapezius', name: 'Upper trapezius' } },
    { side: 'left', level: null, depthCm: 2, lengthMm: 30, gaugeMm: 0.25, muscle: { code: 'upper_trapezius', name: 'Upper trapezius' } },
    { side: 'right', level: 'C5', depthCm: 2.5, lengthMm: 40, gaugeMm: 0.3, muscle: { code: 'cervical_multifidus', name: 'Cervical multifidus' } },
  ],
  adverseEvents: [{ kind: 'bruising', detail: 'Small bruise left neck' }],
  addenda: [{ reason: 'Late entry', text: 'Patient phoned: soreness settled', createdAt: new Date('2026-01-13T17:00:00Z'), authorName: 'Maya Thompson' }],
  ...overrides,
});

function record(overrides: Partial<PatientRecord> = {}): PatientRecord {
  return {
    patient: patient(),
    consents: [consent({ id: '01900000-0000-7000-8000-0000000000c2', consentedOn: '2026-02-01', givenBy: 'capable_minor', guardianName: null, guardianRelationship: null, capacityFinding: 'Understands risks', withdrawnOn: '2026-02-10', withdrawnById: USER_ID, withdrawalReason: 'Moved away' }), consent({})],
    appointments: (['booked', 'arrived', 'completed', 'cancelled', 'no_show'] as const).map(appointment),
    visits: [visit('signed'), visit('draft', { sites: [], adverseEvents: [], addenda: [] })],
    outcomes: [
      { id: '01900000-0000-7000-8000-0000000000e1', patientId: PATIENT_ID, measure: 'SPADI', timepoint: 'session', sessionNumber: 4, answers: [5, 5, 5, 5, 5, null, 2, 2, 2, 2, 2, 2, 2], score: 35, subscores: { pain: 50, disability: 20 }, takenAt: new Date('2026-01-12T17:05:00Z') },
      { id: '01900000-0000-7000-8000-0000000000e2', patientId: PATIENT_ID, measure: 'PSFS', timepoint: 'baseline', sessionNumber: 1, answers: [{ activity: 'Lifting my granddaughter', value: 3 }, { activity: 'Gardening', value: null }, { activity: 'Swimming', value: 4 }], score: 3.5, subscores: null, takenAt: new Date('2026-01-05T17:05:00Z') },
    ],
    userNames: new Map([[USER_ID, 'Maya Thompson']]),
    today: '2026-03-01',
    bundleId: '01900000-0000-7000-8000-0000000000b0',
    now: new Date('2026-03-01T12:00:00Z'),
    ...overrides,
  };
}

describe('the FHIR schema helper', () => {
  it('rejects resources the R4 schema forbids, so a passing bundle means something', () => {
    expect(fhirSchemaErrors({ resourceType: 'Patient', gender: 'woman' } as object)).not.toEqual([]);
    expect(fhirSchemaErrors({ resourceType: 'Consent', status: 'active' } as object).join()).toMatch(/scope|category/);
    expect(fhirSchemaErrors({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Patient', birthDate: '6 May 1990' } }] } as object)).not.toEqual([]);
    expect(fhirSchemaErrors({ resourceType: 'Patient', gender: 'female', birthDate: '1990-05-06' } as object)).toEqual([]);
  });
});

describe('buildPatientBundle', () => {
  it('builds a collection Bundle that validates against the FHIR R4 schema', () => {
    const bundle = buildPatientBundle(record());
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    expect(bundle.type).toBe('collection');
    expect(bundle.entry!.map((e) => e.resource!.resourceType)).toEqual(['Patient', 'Consent', 'Consent', 'Appointment', 'Appointment', 'Appointment', 'Appointment', 'Appointment', 'Encounter', 'Procedure', 'Encounter', 'QuestionnaireResponse', 'Observation', 'QuestionnaireResponse', 'Observation']);
    for (const entry of bundle.entry!) expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource!.id}`);
  });

  it('maps the patient: official and usual names, health number with its issuer, gender, emergency contact', () => {
    const fhirPatient = buildPatientBundle(record()).entry![0].resource as import('fhir/r4').Patient;
    expect(fhirPatient.name).toEqual([
      { use: 'official', family: 'Silva', given: ['Ana', 'Maria'] },
      { use: 'usual', family: 'Silva', given: ['Annie'] },
    ]);
    expect(fhirPatient.gender).toBe('other');
    expect(fhirPatient.identifier).toContainEqual(expect.objectContaining({ value: '9123 456 789', assigner: { display: 'BC MSP' } }));
    expect(fhirPatient.contact![0].name).toEqual({ text: 'Rui Silva' });
    expect(fhirPatient.telecom).toContainEqual({ system: 'email', value: 'ana@example.com', rank: 1 });
    const withUri = buildPatientBundle(record({ patient: patient({ healthNumberIssuer: 'https://fhir.infoway-inforoute.ca/NamingSystem/ca-bc-patient-healthcare-id' }) }));
    expect((withUri.entry![0].resource as import('fhir/r4').Patient).identifier![1].system).toBe('https://fhir.infoway-inforoute.ca/NamingSystem/ca-bc-patient-healthcare-id');
  });

  it('marks only the consent in force active and maps appointment statuses', () => {
    const bundle = buildPatientBundle(record());
    const consents = bundle.entry!.filter((e) => e.resource!.resourceType === 'Consent').map((e) => e.resource as import('fhir/r4').Consent);
    expect(consents.map((c) => [c.dateTime, c.status])).toEqual([['2026-02-01', 'inactive'], ['2026-01-10', 'inactive']]);
    const inForce = buildPatientBundle(record({ consents: [consent({})] }));
    expect((inForce.entry![1].resource as import('fhir/r4').Consent).status).toBe('active');
    const statuses = bundle.entry!.filter((e) => e.resource!.resourceType === 'Appointment').map((e) => (e.resource as import('fhir/r4').Appointment).status);
    expect(statuses).toEqual(['booked', 'arrived', 'fulfilled', 'cancelled', 'noshow']);
  });

  it('exports visits as Encounters and a signed needling visit as a Procedure with body sites and complications', () => {
    const bundle = buildPatientBundle(record());
    const encounters = bundle.entry!.filter((e) => e.resource!.resourceType === 'Encounter').map((e) => e.resource as import('fhir/r4').Encounter);
    expect(encounters.map((e) => e.status)).toEqual(['finished', 'in-progress']);
    expect(encounters[0]).toMatchObject({ appointment: [{ reference: 'urn:uuid:01900000-0000-7000-8000-00000000a9' }], reasonCode: [{ text: 'Neck pain' }], type: [{ text: 'IMS treatment, session 3' }] });
    const [procedure] = bundle.entry!.filter((e) => e.resource!.resourceType === 'Procedure').map((e) => e.resource as import('fhir/r4').Procedure);
    expect(procedure.encounter).toEqual({ reference: `urn:uuid:${encounters[0].id}`, type: 'Encounter' });
    // Two needlings of the same muscle and side are one body site.
    expect(procedure.bodySite!.map((site) => site.text)).toEqual(['Upper trapezius (left)', 'Cervical multifidus (right, C5)']);
    expect(procedure.complication).toEqual([{ coding: [{ system: 'https://ims.clinic/fhir/CodeSystem/adverse-event', code: 'bruising', display: 'Bruising' }], text: 'Bruising: Small bruise left neck' }]);
    expect(procedure.note!.map((n) => n.text).join('\n')).toContain('Addendum (Late entry): Patient phoned: soreness settled');
    // The Procedure's id is derived from the note's, so a second export names the same resource.
    expect(buildPatientBundle(record()).entry!.find((e) => e.resource!.resourceType === 'Procedure')!.resource!.id).toBe(procedure.id);
    expect(procedure.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('exports outcomes as the answers given (QuestionnaireResponse) and the score they give (Observation)', () => {
    const bundle = buildPatientBundle(record());
    const responses = bundle.entry!.filter((e) => e.resource!.resourceType === 'QuestionnaireResponse').map((e) => e.resource as import('fhir/r4').QuestionnaireResponse);
    const observations = bundle.entry!.filter((e) => e.resource!.resourceType === 'Observation').map((e) => e.resource as import('fhir/r4').Observation);
    expect(responses[0].questionnaire).toBe('https://ims.clinic/fhir/Questionnaire/spadi');
    expect(responses[0].item).toHaveLength(13);
    expect(responses[0].item![5]).toEqual({ linkId: '6', text: expect.any(String) }); // unanswered: no answer
    expect(responses[0].item![0].answer).toEqual([{ valueInteger: 5 }]);
    expect(observations[0]).toMatchObject({
      status: 'final',
      valueQuantity: { value: 35 },
      derivedFrom: [{ reference: `urn:uuid:${responses[0].id}` }],
      component: [expect.objectContaining({ valueQuantity: { value: 50 } }), expect.objectContaining({ valueQuantity: { value: 20 } })],
    });
    expect(observations[0].code.text).toBe('SPADI (session 4)');
    expect(responses[1].item!.map((item) => item.text)).toEqual(['Lifting my granddaughter', 'Gardening', 'Swimming']);
  });

  it('leaves every free text out for an anonymised patient', () => {
    const anonymised = buildPatientBundle(record({ patient: patient({ anonymisedAt: new Date('2026-02-20T00:00:00Z') }) }));
    expect(fhirSchemaErrors(anonymised)).toEqual([]);
    const json = JSON.stringify(anonymised);
    for (const text of ['Ana', 'Silva', 'Annie', 'Non-binary', '9123', 'Rui', 'Brother', 'Rosa', 'Mother', 'Discussed', 'Understands', 'Moved away', 'Car broke', 'Bring shorts', '555', 'Neck stiff', 'Taut band', 'Heat tonight', 'Small bruise', 'soreness settled', 'granddaughter', 'Gardening']) {
      expect(json).not.toContain(text);
    }
    expect(json).toContain('ANONYED');
  });
});
