import type { NeedleCount, SignRule } from '@ims/contracts';

/** One needling site as the sign rules judge it: where, how deep, and what the catalogue says about the muscle. */
export interface SignSite {
  muscleName: string;
  depthCm: number;
  depthMinCm: number;
  depthMaxCm: number;
  /** The clinician's reason for a depth outside the usual range; null when not acknowledged. */
  depthAckReason: string | null;
  thoraxRisk: boolean;
}

/** Everything signing decides on, gathered by the signing service inside its transaction. */
export interface SignFacts {
  /** The visit's calendar day in the clinic's zone (`YYYY-MM-DD`): authorisation and consent are judged on it. */
  visitDate: string;
  clinicianName: string;
  /** The note's clinician (who signs it) holds an `ims` authorisation valid on the visit date. */
  imsAuthorised: boolean;
  /** An IMS consent is in force on the visit date. */
  consentInForce: boolean;
  /** The consent in force on the visit date covers thoracic muscles (pneumothorax disclosed). */
  thoraxConsentInForce: boolean;
  needlingDone: boolean;
  painBefore: number | null;
  painAfter: number | null;
  assessment: string;
  sites: SignSite[];
  adverseEventKinds: string[];
  needleCount: NeedleCount;
}

export interface SignViolation {
  rule: SignRule;
  message: string;
}

const tenths = (cm: number) => Math.round(cm * 10);

/** Outside the muscle's usual range [min, max] (inclusive), compared in tenths of a cm so 2.0 is never "above" 2. */
export function depthOutsideRange(site: Pick<SignSite, 'depthCm' | 'depthMinCm' | 'depthMaxCm'>): boolean {
  return tenths(site.depthCm) < tenths(site.depthMinCm) || tenths(site.depthCm) > tenths(site.depthMaxCm);
}

const siteLabel = (index: number, site: SignSite) => `site ${index + 1} (${site.muscleName})`;
const needles = (n: number) => `${n} needle${n === 1 ? '' : 's'}`;

function needleCountProblems({ opened, removed, retained, disposed }: NeedleCount, adverseEventKinds: string[]): string[] {
  const problems: string[] = [];
  if (opened !== removed + retained) problems.push(`${opened} opened but ${removed} removed + ${retained} retained = ${removed + retained}`);
  if (disposed !== removed) problems.push(`${needles(removed)} removed but ${disposed} disposed`);
  if (retained > 0 && !adverseEventKinds.includes('retained-needle')) {
    problems.push(`${needles(retained)} retained but no "retained-needle" adverse event recorded`);
  }
  return problems;
}

function missingFields(facts: SignFacts): string[] {
  const missing: string[] = [];
  if (facts.painBefore === null) missing.push('pain before (NPRS)');
  if (facts.painAfter === null) missing.push('pain after (NPRS)');
  if (facts.assessment.trim() === '') missing.push('assessment');
  if (facts.needlingDone && facts.sites.length === 0) missing.push('at least one needling site (or record that no needling was done)');
  return missing;
}

/**
 * Every sign rule the note fails, one violation per rule in the order of SIGN_RULES, each message naming what to fix.
 * Pure: the caller gathers the facts (authorisation, consent) in its transaction. An empty list means it may be signed.
 */
export function signViolations(facts: SignFacts): SignViolation[] {
  const violations: SignViolation[] = [];
  // An IMS note is one where needling was done: an assessment without needling needs no needling authorisation.
  if (facts.needlingDone && !facts.imsAuthorised) {
    violations.push({
      rule: 'needling-authorisation',
      message: `${facts.clinicianName} has no IMS authorisation valid on ${facts.visitDate}: only an authorised practitioner may sign an IMS note`,
    });
  }
  if (facts.needlingDone && !facts.consentInForce) {
    violations.push({ rule: 'consent', message: `No IMS consent is in force on ${facts.visitDate}: record the patient's consent before signing` });
  }
  const countProblems = needleCountProblems(facts.needleCount, facts.adverseEventKinds);
  if (countProblems.length > 0) {
    violations.push({ rule: 'needle-count', message: `The needle count does not balance: ${countProblems.join('; ')}` });
  }
  const unacknowledged = facts.sites
    .map((site, index) => ({ site, index }))
    .filter(({ site }) => depthOutsideRange(site) && !site.depthAckReason?.trim());
  if (unacknowledged.length > 0) {
    const details = unacknowledged.map(({ site, index }) => `${siteLabel(index, site)} at ${site.depthCm} cm is outside its usual ${site.depthMinCm}-${site.depthMaxCm} cm`);
    violations.push({ rule: 'depth-range', message: `${details.join('; ')}: acknowledge the depth with a reason, or correct it` });
  }
  const thoracic = facts.sites.map((site, index) => ({ site, index })).filter(({ site }) => site.thoraxRisk);
  if (thoracic.length > 0 && !facts.thoraxConsentInForce) {
    const which = thoracic.map(({ site, index }) => siteLabel(index, site)).join(', ');
    violations.push({
      rule: 'thorax-consent',
      message: `${which} risks a pneumothorax, but no consent in force on ${facts.visitDate} discloses that risk (thoracic muscles)`,
    });
  }
  const missing = missingFields(facts);
  if (missing.length > 0) violations.push({ rule: 'required-fields', message: `Missing: ${missing.join(', ')}` });
  return violations;
}
