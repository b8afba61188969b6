import type { Consent as FhirConsent, Extension, Reference } from 'fhir/r4';
import { CONSENT_RISKS } from '@ims/contracts';
import type { ConsentRecord } from '../consents/consent-view';
import { ANONYMISED_LABEL, HL7, codeSystemUrl, extensionUrl, urnOf } from './fhir-codes';

export interface ConsentContext {
  /** Whether this consent is the one in force today (FHIR `active`); withdrawn or replaced ones are `inactive`. */
  inForce: boolean;
  takenByName: string;
  anonymised: boolean;
}

const RISK_LABEL = new Map<string, string>(CONSENT_RISKS.map((risk) => [risk.key, risk.label]));

/**
 * An IMS consent as a FHIR Consent (scope treatment). Who agreed is the performer: the patient, or the guardian by
 * name; the clinician who took it is the provision's actor. The disclosure details have no core element, so they are
 * coded extensions. Free text (notes, capacity finding, withdrawal reason, the guardian's name) is left out for an
 * anonymised patient.
 */
export function toFhirConsent(consent: ConsentRecord, context: ConsentContext): FhirConsent {
  const patient: Reference = { reference: urnOf(consent.patientId), type: 'Patient' };
  const extension: Extension[] = [
    ...consent.risksDisclosed.map((risk) => ({
      url: extensionUrl('consent-risk-disclosed'),
      valueCoding: { system: codeSystemUrl('consent-risk'), code: risk, display: RISK_LABEL.get(risk) ?? risk },
    })),
    { url: extensionUrl('consent-thorax-included'), valueBoolean: consent.thoraxIncluded },
    { url: extensionUrl('consent-method'), valueCode: consent.method },
    { url: extensionUrl('consent-given-by'), valueCode: consent.givenBy },
  ];
  if (!context.anonymised) {
    if (consent.capacityFinding) extension.push({ url: extensionUrl('consent-capacity-finding'), valueString: consent.capacityFinding });
    if (consent.notes) extension.push({ url: extensionUrl('consent-note'), valueString: consent.notes });
    if (consent.withdrawalReason) extension.push({ url: extensionUrl('consent-withdrawal-reason'), valueString: consent.withdrawalReason });
  }
  return {
    resourceType: 'Consent',
    id: consent.id,
    ...(context.anonymised ? { meta: { security: [ANONYMISED_LABEL] } } : {}),
    extension,
    status: context.inForce ? 'active' : 'inactive',
    scope: { coding: [{ system: HL7.consentScope, code: 'treatment', display: 'Treatment' }] },
    category: [{ coding: [{ system: HL7.loinc, code: '59284-0', display: 'Patient Consent' }], text: 'Informed consent to intramuscular stimulation (IMS)' }],
    patient,
    dateTime: consent.consentedOn,
    performer: [performerOf(consent, patient, context.anonymised)],
    policyRule: { coding: [{ system: HL7.actCode, code: 'OPTIN', display: 'opt-in' }] },
    provision: {
      type: 'permit',
      period: { start: consent.consentedOn, ...(consent.withdrawnOn ? { end: consent.withdrawnOn } : {}) },
      actor: [
        {
          role: { coding: [{ system: HL7.participationType, code: 'PRF', display: 'performer' }] },
          reference: { display: context.takenByName },
        },
      ],
      code: [{ text: consent.thoraxIncluded ? 'Intramuscular stimulation (IMS), thoracic muscles included' : 'Intramuscular stimulation (IMS)' }],
    },
  };
}

function performerOf(consent: ConsentRecord, patient: Reference, anonymised: boolean): Reference {
  if (consent.givenBy !== 'guardian') return patient;
  if (anonymised || !consent.guardianName) return { type: 'RelatedPerson', display: 'Parent or guardian' };
  const relationship = consent.guardianRelationship ? ` (${consent.guardianRelationship})` : '';
  return { type: 'RelatedPerson', display: `${consent.guardianName}${relationship}` };
}
