import { createHash } from 'node:crypto';

/** Our own FHIR extensions and code systems live under this base (the same host as our problem types). */
export const IMS_FHIR_BASE = 'https://ims.clinic/fhir';
export const extensionUrl = (name: string) => `${IMS_FHIR_BASE}/StructureDefinition/${name}`;
export const codeSystemUrl = (name: string) => `${IMS_FHIR_BASE}/CodeSystem/${name}`;

/**
 * A stable id for a resource derived from another one (e.g. the Procedure of a visit note): a name-based UUID (RFC 9562
 * version 8 layout over SHA-256), so re-exports name the same resource without storing a second id.
 */
export function derivedId(kind: string, sourceId: string): string {
  const hex = createHash('sha256').update(`${kind}:${sourceId}`).digest('hex').slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** In a collection bundle every entry is named by its urn:uuid, and references use the same URN. */
export const urnOf = (id: string) => `urn:uuid:${id}`;

export const HL7 = {
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  contactRole: 'http://terminology.hl7.org/CodeSystem/v2-0131',
  observationValue: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue',
  loinc: 'http://loinc.org',
  uri: 'urn:ietf:rfc:3986',
} as const;

/** Security label on resources of an anonymised patient: consumers must not try to re-identify them. */
export const ANONYMISED_LABEL = { system: HL7.observationValue, code: 'ANONYED', display: 'anonymized' };
