import { SIGN_RULES } from '@ims/contracts';
import { depthOutsideRange, signViolations, type SignFacts, type SignSite } from './sign-rules';

const site = (more: Partial<SignSite> = {}): SignSite => ({
  muscleName: 'Upper trapezius',
  depthCm: 2,
  depthMinCm: 1,
  depthMaxCm: 3,
  depthAckReason: null,
  thoraxRisk: false,
  ...more,
});

/** A note every rule passes: authorised, consented, balanced, in range, complete. */
const signable = (more: Partial<SignFacts> = {}): SignFacts => ({
  visitDate: '2026-03-10',
  clinicianName: 'Dr Lee',
  imsAuthorised: true,
  consentInForce: true,
  thoraxConsentInForce: false,
  needlingDone: true,
  painBefore: 6,
  painAfter: 3,
  assessment: 'Taut band in the upper trapezius; local twitch',
  sites: [site()],
  adverseEventKinds: [],
  needleCount: { opened: 4, removed: 4, retained: 0, disposed: 4 },
  ...more,
});

const rules = (facts: SignFacts) => signViolations(facts).map((v) => v.rule);
const messageOf = (facts: SignFacts, rule: string) => signViolations(facts).find((v) => v.rule === rule)?.message;

describe('signViolations', () => {
  it('passes a complete, balanced, authorised and consented note', () => {
    expect(signViolations(signable())).toEqual([]);
  });

  it('needling-authorisation: refuses a clinician without IMS authorisation on the visit date, naming them and the day', () => {
    const facts = signable({ imsAuthorised: false });
    expect(rules(facts)).toEqual(['needling-authorisation']);
    expect(messageOf(facts, 'needling-authorisation')).toMatch(/Dr Lee.*2026-03-10/);
    // An assessment without needling is not an IMS note: an unauthorised physiotherapist may sign it.
    expect(rules(signable({ imsAuthorised: false, needlingDone: false, sites: [], needleCount: { opened: 0, removed: 0, retained: 0, disposed: 0 } }))).toEqual([]);
  });

  it('consent: refuses needling without consent in force, but not a visit without needling', () => {
    expect(rules(signable({ consentInForce: false }))).toEqual(['consent']);
    expect(rules(signable({ consentInForce: false, needlingDone: false, sites: [], needleCount: { opened: 0, removed: 0, retained: 0, disposed: 0 } }))).toEqual([]);
  });

  describe('needle-count', () => {
    it('refuses opened ≠ removed + retained', () => {
      const facts = signable({ needleCount: { opened: 5, removed: 4, retained: 0, disposed: 4 } });
      expect(rules(facts)).toEqual(['needle-count']);
      expect(messageOf(facts, 'needle-count')).toMatch(/5 opened but 4 removed \+ 0 retained = 4/);
    });

    it('refuses disposed ≠ removed', () => {
      const facts = signable({ needleCount: { opened: 4, removed: 4, retained: 0, disposed: 3 } });
      expect(messageOf(facts, 'needle-count')).toMatch(/4 needles removed but 3 disposed/);
    });

    it('refuses a retained needle without a retained-needle adverse event, and accepts it with one', () => {
      const count = { opened: 4, removed: 3, retained: 1, disposed: 3 };
      expect(messageOf(signable({ needleCount: count }), 'needle-count')).toMatch(/1 needle retained but no "retained-needle"/);
      expect(rules(signable({ needleCount: count, adverseEventKinds: ['bleeding', 'retained-needle'] }))).toEqual([]);
    });

    it('lists every imbalance in one violation', () => {
      const violations = signViolations(signable({ needleCount: { opened: 9, removed: 3, retained: 2, disposed: 1 } }));
      expect(violations).toHaveLength(1);
      expect(violations[0].message.split('; ')).toHaveLength(3);
    });
  });

  describe('depth-range', () => {
    it('refuses a depth outside the usual range without acknowledgement, naming the site and the muscle', () => {
      const facts = signable({ sites: [site(), site({ muscleName: 'Masseter', depthCm: 6, depthMinCm: 1, depthMaxCm: 2 })] });
      expect(rules(facts)).toEqual(['depth-range']);
      expect(messageOf(facts, 'depth-range')).toMatch(/site 2 \(Masseter\) at 6 cm is outside its usual 1-2 cm/);
    });

    it('accepts it with the reason acknowledged, and refuses a blank reason', () => {
      expect(rules(signable({ sites: [site({ depthCm: 0.5, depthAckReason: 'Thin patient, superficial band' })] }))).toEqual([]);
      expect(rules(signable({ sites: [site({ depthCm: 0.5, depthAckReason: '  ' })] }))).toEqual(['depth-range']);
    });

    it('treats the range as inclusive, exactly at its ends', () => {
      expect(depthOutsideRange({ depthCm: 1, depthMinCm: 1, depthMaxCm: 3 })).toBe(false);
      expect(depthOutsideRange({ depthCm: 3, depthMinCm: 1, depthMaxCm: 3 })).toBe(false);
      expect(depthOutsideRange({ depthCm: 3.1, depthMinCm: 1, depthMaxCm: 3 })).toBe(true);
      expect(depthOutsideRange({ depthCm: 0.9, depthMinCm: 1, depthMaxCm: 3 })).toBe(true);
      // 0.1 + 0.2 is not 0.3 in floating point; tenths of a cm are.
      expect(depthOutsideRange({ depthCm: 0.1 + 0.2, depthMinCm: 0.3, depthMaxCm: 0.3 })).toBe(false);
    });
  });

  it('thorax-consent: refuses a thoracic muscle needled without thoracic consent, and accepts it with', () => {
    const thoracic = [site(), site({ muscleName: 'Serratus anterior', thoraxRisk: true })];
    const facts = signable({ sites: thoracic });
    expect(rules(facts)).toEqual(['thorax-consent']);
    expect(messageOf(facts, 'thorax-consent')).toMatch(/site 2 \(Serratus anterior\) risks a pneumothorax/);
    expect(rules(signable({ sites: thoracic, thoraxConsentInForce: true }))).toEqual([]);
  });

  describe('required-fields', () => {
    it('names each missing field in one violation', () => {
      const facts = signable({ painBefore: null, painAfter: null, assessment: '   ', sites: [] });
      expect(rules(facts)).toEqual(['required-fields']);
      expect(messageOf(facts, 'required-fields')).toBe(
        'Missing: pain before (NPRS), pain after (NPRS), assessment, at least one needling site (or record that no needling was done)',
      );
    });

    it('needs no site when no needling was done, and accepts a pain of 0', () => {
      expect(rules(signable({ needlingDone: false, sites: [], painBefore: 0, painAfter: 0 }))).toEqual([]);
    });
  });

  it('lists every failed rule at once, in the order of SIGN_RULES', () => {
    const facts = signable({
      imsAuthorised: false,
      consentInForce: false,
      needleCount: { opened: 2, removed: 1, retained: 0, disposed: 1 },
      sites: [site({ depthCm: 9, thoraxRisk: true })],
      painBefore: null,
    });
    expect(rules(facts)).toEqual([...SIGN_RULES]);
  });
});
