import type { Patient as FhirPatient, ContactPoint, HumanName, Identifier, Address } from 'fhir/r4';
import type { Patient } from '@ims/prisma';
import { isoDay } from '../clinicians/clinician-view';
import { ANONYMISED_LABEL, HL7 } from './fhir-codes';

const GENDER: Record<string, FhirPatient['gender']> = { female: 'female', male: 'male', intersex: 'other', unknown: 'unknown' };
const URI_LIKE = /^(https?:\/\/|urn:|oid:)/i;

/**
 * The Patient resource. For an anonymised patient only what survives anonymisation as structured data is kept (sex,
 * the stored birth date, whether the record is active): no names, contact details, identifiers or any free text.
 */
export function toFhirPatient(patient: Patient): FhirPatient {
  const base: FhirPatient = {
    resourceType: 'Patient',
    id: patient.id,
    identifier: [{ system: HL7.uri, value: `urn:uuid:${patient.id}` }],
    active: patient.archivedAt === null,
    gender: GENDER[patient.sex ?? 'unknown'],
    birthDate: isoDay(patient.dateOfBirth),
  };
  if (patient.anonymisedAt) return { ...base, meta: { security: [ANONYMISED_LABEL] } };
  const address = addressOf(patient);
  const contact = emergencyContactOf(patient);
  return {
    ...base,
    identifier: [...base.identifier!, ...healthNumberOf(patient)],
    name: namesOf(patient),
    telecom: telecomOf(patient),
    ...(address ? { address: [address] } : {}),
    ...(contact ? { contact: [contact] } : {}),
    ...(patient.genderIdentity
      ? { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/patient-genderIdentity', valueCodeableConcept: { text: patient.genderIdentity } }] }
      : {}),
  };
}

/** The health card number; its issuer becomes the identifier system when it is a URI, else the assigner's name. */
function healthNumberOf(patient: Patient): Identifier[] {
  if (!patient.healthNumber) return [];
  const issuer = patient.healthNumberIssuer?.trim();
  return [
    {
      use: 'official',
      type: { coding: [{ system: HL7.identifierType, code: 'JHN', display: 'Jurisdictional health number (Canada)' }], text: 'Health number' },
      ...(issuer && URI_LIKE.test(issuer) ? { system: issuer } : {}),
      value: patient.healthNumber,
      ...(issuer && !URI_LIKE.test(issuer) ? { assigner: { display: issuer } } : {}),
    },
  ];
}

function namesOf(patient: Patient): HumanName[] {
  const official: HumanName = { use: 'official', family: patient.lastName, given: [patient.firstName, ...(patient.middleName ? [patient.middleName] : [])] };
  return patient.preferredName ? [official, { use: 'usual', family: patient.lastName, given: [patient.preferredName] }] : [official];
}

function telecomOf(patient: Patient): ContactPoint[] {
  const preferredPhone = patient.preferredContact === 'phone' || patient.preferredContact === 'sms';
  const telecom: ContactPoint[] = [];
  if (patient.phone) telecom.push({ system: 'phone', value: patient.phone, ...(preferredPhone ? { rank: 1 } : {}) });
  if (patient.phoneAlt) telecom.push({ system: 'phone', value: patient.phoneAlt });
  if (patient.email) telecom.push({ system: 'email', value: patient.email, ...(patient.preferredContact === 'email' ? { rank: 1 } : {}) });
  return telecom;
}

function addressOf(patient: Patient): Address | undefined {
  const line = [patient.addressLine1, patient.addressLine2].filter((part): part is string => Boolean(part));
  const address: Address = {
    ...(line.length > 0 ? { line } : {}),
    ...(patient.city ? { city: patient.city } : {}),
    ...(patient.region ? { state: patient.region } : {}),
    ...(patient.postalCode ? { postalCode: patient.postalCode } : {}),
    ...(patient.country ? { country: patient.country } : {}),
  };
  return Object.keys(address).length > 0 ? address : undefined;
}

function emergencyContactOf(patient: Patient): NonNullable<FhirPatient['contact']>[number] | undefined {
  if (!patient.emergencyContactName && !patient.emergencyContactPhone) return undefined;
  return {
    relationship: [
      { coding: [{ system: HL7.contactRole, code: 'C', display: 'Emergency Contact' }] },
      ...(patient.emergencyContactRelationship ? [{ text: patient.emergencyContactRelationship }] : []),
    ],
    ...(patient.emergencyContactName ? { name: { text: patient.emergencyContactName } } : {}),
    ...(patient.emergencyContactPhone ? { telecom: [{ system: 'phone' as const, value: patient.emergencyContactPhone }] } : {}),
  };
}
