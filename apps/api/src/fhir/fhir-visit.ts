import type { Annotation, CodeableConcept, Encounter, Procedure } from 'fhir/r4';
import { ADVERSE_EVENT_KINDS, CONDITIONS } from '@ims/contracts';
import type { VisitNote } from '@ims/prisma';
import { ANONYMISED_LABEL, HL7, codeSystemUrl, urnOf } from './fhir-codes';

/** What the export needs of a visit note (the row may carry more). */
export type VisitRow = Pick<
  VisitNote,
  'id' | 'appointmentId' | 'patientId' | 'status' | 'visitedAt' | 'sessionNumber' | 'painBefore' | 'painAfter' | 'subjective' | 'objective' | 'assessment' | 'plan' | 'advice' | 'needlingDone' | 'signedAt' | 'contentHash'
> & {
  appointment: { endsAt: Date };
  clinician: { displayName: string };
  treatmentPlan: { condition: string; conditionDetail: string | null } | null;
  sites: Array<{ side: string; level: string | null; depthCm: { toString(): string }; lengthMm: number; gaugeMm: { toString(): string }; muscle: { code: string; name: string } }>;
  adverseEvents: Array<{ kind: string; detail: string | null }>;
  addenda: Array<{ reason: string; text: string; createdAt: Date; authorName: string }>;
};

const CONDITION_LABEL = new Map<string, string>(CONDITIONS.map((c) => [c.key, c.label]));
const EVENT_LABEL = new Map<string, string>(ADVERSE_EVENT_KINDS.map((k) => [k.key, k.label]));

/** The procedure every needling visit records; no standard code is specific to Gunn IMS, so it is our own code. */
const IMS_PROCEDURE: CodeableConcept = {
  coding: [{ system: codeSystemUrl('procedure'), code: 'ims', display: 'Intramuscular stimulation (IMS) needling' }],
  text: 'Intramuscular stimulation (IMS) needling',
};

function sideText(side: string, level: string | null): string {
  const where = side === 'midline' ? 'midline' : side;
  return level ? `${where}, ${level}` : where;
}

/**
 * A visit note as a FHIR Encounter (finished once signed, in progress while a draft). The SOAP text is clinical free
 * text: it goes into the Procedure's notes, never for an anonymised patient.
 */
export function toFhirEncounter(visit: VisitRow, options: { anonymised: boolean }): Encounter {
  const condition = visit.treatmentPlan ? CONDITION_LABEL.get(visit.treatmentPlan.condition) ?? visit.treatmentPlan.condition : null;
  return {
    resourceType: 'Encounter',
    id: visit.id,
    ...(options.anonymised ? { meta: { security: [ANONYMISED_LABEL] } } : {}),
    status: visit.status === 'signed' ? 'finished' : 'in-progress',
    class: { system: HL7.actCode, code: 'AMB', display: 'ambulatory' },
    type: [{ text: visit.sessionNumber ? `IMS treatment, session ${visit.sessionNumber}` : 'Physiotherapy visit' }],
    subject: { reference: urnOf(visit.patientId), type: 'Patient' },
    participant: [{ individual: { display: visit.clinician.displayName } }],
    appointment: [{ reference: urnOf(visit.appointmentId), type: 'Appointment' }],
    period: { start: visit.visitedAt.toISOString(), end: visit.appointment.endsAt.toISOString() },
    ...(condition ? { reasonCode: [{ text: condition }] } : {}),
  };
}

/**
 * The needling of a signed visit as a FHIR Procedure: one bodySite per muscle and side needled, one complication
 * per adverse event. Needle sizes and depths have no core element; they are in the notes with the SOAP text and the
 * addenda (author, time, reason), all left out for an anonymised patient.
 */
export function toFhirProcedure(visit: VisitRow, procedureId: string, options: { anonymised: boolean }): Procedure {
  const freeText = !options.anonymised;
  const bodySite: CodeableConcept[] = [];
  const seen = new Set<string>();
  for (const site of visit.sites) {
    const key = `${site.muscle.code}|${site.side}|${site.level ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    bodySite.push({
      coding: [{ system: codeSystemUrl('muscle'), code: site.muscle.code, display: site.muscle.name }],
      text: `${site.muscle.name} (${sideText(site.side, site.level)})`,
    });
  }
  const complication: CodeableConcept[] = visit.adverseEvents.map((event) => ({
    coding: [{ system: codeSystemUrl('adverse-event'), code: event.kind, display: EVENT_LABEL.get(event.kind) ?? event.kind }],
    text: freeText && event.detail ? `${EVENT_LABEL.get(event.kind) ?? event.kind}: ${event.detail}` : EVENT_LABEL.get(event.kind) ?? event.kind,
  }));
  const note: Annotation[] = [];
  if (freeText) {
    const soap = [
      ['Subjective', visit.subjective],
      ['Objective', visit.objective],
      ['Assessment', visit.assessment],
      ['Plan', visit.plan],
      ['Advice', visit.advice],
    ].filter(([, text]) => text.trim() !== '');
    if (soap.length > 0) note.push({ text: soap.map(([label, text]) => `${label}: ${text}`).join('\n') });
    if (visit.sites.length > 0) {
      note.push({
        text: visit.sites.map((site) => `${site.muscle.name} (${sideText(site.side, site.level)}): ${site.depthCm.toString()} cm with a ${site.gaugeMm.toString()} x ${site.lengthMm} mm needle`).join('\n'),
      });
    }
    for (const addendum of visit.addenda) {
      note.push({ authorString: addendum.authorName, time: addendum.createdAt.toISOString(), text: `Addendum (${addendum.reason}): ${addendum.text}` });
    }
  }
  if (visit.painBefore !== null && visit.painAfter !== null) note.push({ text: `NPRS pain before ${visit.painBefore}/10, after ${visit.painAfter}/10` });
  return {
    resourceType: 'Procedure',
    id: procedureId,
    ...(options.anonymised ? { meta: { security: [ANONYMISED_LABEL] } } : {}),
    status: 'completed',
    code: IMS_PROCEDURE,
    subject: { reference: urnOf(visit.patientId), type: 'Patient' },
    encounter: { reference: urnOf(visit.id), type: 'Encounter' },
    performedDateTime: visit.visitedAt.toISOString(),
    performer: [{ actor: { display: visit.clinician.displayName } }],
    ...(bodySite.length > 0 ? { bodySite } : {}),
    ...(complication.length > 0 ? { complication } : {}),
    ...(note.length > 0 ? { note } : {}),
  };
}
