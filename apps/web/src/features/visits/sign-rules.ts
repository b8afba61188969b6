import type { SignRule } from '@ims/contracts';

const HEADINGS: Record<SignRule, string> = {
  'needling-authorisation': 'Needling authorisation',
  consent: 'IMS consent',
  'needle-count': 'Needle count',
  'depth-range': 'Depth outside the usual range',
  'thorax-consent': 'Thoracic muscle without pneumothorax consent',
  'required-fields': 'Required fields',
};

/** A sign rule's id as a heading the clinician reads; a rule this app does not know yet still reads sensibly. */
export function signRuleHeading(rule: string): string {
  if (rule in HEADINGS) return HEADINGS[rule as SignRule];
  const words = rule.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
