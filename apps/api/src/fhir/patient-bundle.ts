import type { Bundle, Resource } from 'fhir/r4';
import type { Patient } from '@ims/prisma';
import { consentInForceOn } from '../consents/consent-in-force';
import type { ConsentRecord } from '../consents/consent-view';
import { toFhirAppointment, type AppointmentRow } from './fhir-appointment';
import { toFhirConsent } from './fhir-consent';
import { derivedId, urnOf } from './fhir-codes';
import { toFhirEncounter, toFhirProcedure, type VisitRow } from './fhir-visit';
import { toFhirOutcomeObservation, toFhirQuestionnaireResponse, type OutcomeRow } from './fhir-outcome';
import { toFhirPatient } from './fhir-patient';

export interface PatientRecord {
  patient: Patient;
  consents: ConsentRecord[];
  appointments: AppointmentRow[];
  /** Visit notes, oldest first: each an Encounter, and a signed needling visit also a Procedure. */
  visits: VisitRow[];
  /** Outcome records, oldest first: each a QuestionnaireResponse (the answers) and an Observation (the score). */
  outcomes: OutcomeRow[];
  /** Names of the users who took consents. */
  userNames: Map<string, string>;
  /** Today in the patient's home clinic's zone: decides which consent is active. */
  today: string;
  bundleId: string;
  now: Date;
}

/**
 * What the system holds about a patient as a FHIR R4 `collection` Bundle: Patient, Consents, Appointments, Encounters
 * and Procedures for visits, QuestionnaireResponses and Observations for outcome measures. An anonymised patient's bundle carries no free text.
 */
export function buildPatientBundle(record: PatientRecord): Bundle {
  const anonymised = record.patient.anonymisedAt !== null;
  const inForce = consentInForceOn(record.consents, record.today);
  const resources: Resource[] = [
    toFhirPatient(record.patient),
    ...record.consents.map((consent) =>
      toFhirConsent(consent, { inForce: consent === inForce, takenByName: record.userNames.get(consent.takenById) ?? 'Unknown user', anonymised }),
    ),
    ...record.appointments.map((appointment) => toFhirAppointment(appointment, { anonymised })),
    ...record.visits.flatMap((visit) => [
      toFhirEncounter(visit, { anonymised }),
      ...(visit.status === 'signed' && visit.needlingDone && visit.sites.length > 0 ? [toFhirProcedure(visit, derivedId('procedure', visit.id), { anonymised })] : []),
    ]),
    ...record.outcomes.flatMap((outcome) => {
      const responseId = derivedId('questionnaire-response', outcome.id);
      return [toFhirQuestionnaireResponse(outcome, responseId, { anonymised }), toFhirOutcomeObservation(outcome, responseId, { anonymised })];
    }),
  ];
  return {
    resourceType: 'Bundle',
    id: record.bundleId,
    meta: { lastUpdated: record.now.toISOString() },
    type: 'collection',
    timestamp: record.now.toISOString(),
    entry: resources.map((resource) => ({ fullUrl: urnOf(resource.id!), resource })),
  };
}
