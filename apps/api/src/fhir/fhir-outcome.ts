import type { Observation, QuestionnaireResponse, QuestionnaireResponseItem } from 'fhir/r4';
import { outcomeInstrument, type OutcomeMeasure } from '@ims/contracts';
import { ANONYMISED_LABEL, codeSystemUrl, IMS_FHIR_BASE, urnOf } from './fhir-codes';

/** What the export needs of an outcome record. */
export interface OutcomeRow {
  id: string;
  patientId: string;
  measure: OutcomeMeasure;
  timepoint: string;
  sessionNumber: number | null;
  answers: unknown;
  score: { toString(): string };
  subscores: unknown;
  takenAt: Date;
}

const questionnaireUrl = (measure: OutcomeMeasure) => `${IMS_FHIR_BASE}/Questionnaire/${measure.toLowerCase()}`;
const HL7_OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

/**
 * The answers as given, one item per question in the instrument's order (unanswered items have no answer). PSFS
 * activities are the patient's own words: free text, so an anonymised patient's export keeps only their ratings.
 */
export function toFhirQuestionnaireResponse(row: OutcomeRow, id: string, options: { anonymised: boolean }): QuestionnaireResponse {
  const instrument = outcomeInstrument(row.measure);
  const answers = Array.isArray(row.answers) ? row.answers : [];
  const item: QuestionnaireResponseItem[] =
    row.measure === 'PSFS'
      ? answers.map((entry, index) => {
          const { activity, value } = entry as { activity: string; value: number | null };
          return {
            linkId: `activity-${index + 1}`,
            text: options.anonymised ? `Activity ${index + 1}` : activity,
            ...(value === null ? {} : { answer: [{ valueInteger: value }] }),
          };
        })
      : instrument.items.map((question, index) => {
          const value = answers[index] as number | null | undefined;
          return { linkId: String(question.number), text: question.label, ...(value === null || value === undefined ? {} : { answer: [{ valueInteger: value }] }) };
        });
  return {
    resourceType: 'QuestionnaireResponse',
    id,
    ...(options.anonymised ? { meta: { security: [ANONYMISED_LABEL] } } : {}),
    questionnaire: questionnaireUrl(row.measure),
    status: 'completed',
    subject: { reference: urnOf(row.patientId), type: 'Patient' },
    authored: row.takenAt.toISOString(),
    item,
  };
}

/** The score by the instrument's published rules, derived from its QuestionnaireResponse; subscales as components. */
export function toFhirOutcomeObservation(row: OutcomeRow, responseId: string, options: { anonymised: boolean }): Observation {
  const instrument = outcomeInstrument(row.measure);
  const unit = instrument.unit === '%' ? { unit: '%', system: 'http://unitsofmeasure.org', code: '%' } : { unit: 'score' };
  const subscores = row.subscores && typeof row.subscores === 'object' ? Object.entries(row.subscores as Record<string, number>) : [];
  const timepoint = row.timepoint === 'session' && row.sessionNumber ? `session ${row.sessionNumber}` : row.timepoint;
  return {
    resourceType: 'Observation',
    id: row.id,
    ...(options.anonymised ? { meta: { security: [ANONYMISED_LABEL] } } : {}),
    status: 'final',
    category: [{ coding: [{ system: HL7_OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] }],
    code: { coding: [{ system: codeSystemUrl('outcome-measure'), code: row.measure, display: instrument.fullName }], text: `${instrument.name} (${timepoint})` },
    subject: { reference: urnOf(row.patientId), type: 'Patient' },
    effectiveDateTime: row.takenAt.toISOString(),
    valueQuantity: { value: Number(row.score.toString()), ...unit },
    derivedFrom: [{ reference: urnOf(responseId), type: 'QuestionnaireResponse' }],
    ...(subscores.length > 0
      ? { component: subscores.map(([key, value]) => ({ code: { coding: [{ system: codeSystemUrl('outcome-subscale'), code: `${row.measure}-${key}` }], text: key }, valueQuantity: { value } })) }
      : {}),
  };
}
