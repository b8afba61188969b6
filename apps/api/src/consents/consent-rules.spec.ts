import { ageOn, consentGiverViolations, misplacedGiverFields } from './consent-rules';

describe('ageOn', () => {
  it('counts completed years, turning a year older on the birthday', () => {
    expect(ageOn('2007-06-15', '2026-06-14')).toBe(18);
    expect(ageOn('2007-06-15', '2026-06-15')).toBe(19);
  });

  it('counts a 29 February birthday from 1 March in common years', () => {
    expect(ageOn('2008-02-29', '2027-02-28')).toBe(18);
    expect(ageOn('2008-02-29', '2027-03-01')).toBe(19);
  });
});

describe('consentGiverViolations', () => {
  it('refuses a minor consenting as a patient, pointing to guardian or capable_minor', () => {
    const [violation] = consentGiverViolations({ givenBy: 'patient' }, 18);
    expect(violation.rule).toBe('minor-consent');
    expect(violation.message).toMatch(/guardian/);
    expect(violation.message).toMatch(/capable_minor/);
  });

  it('accepts a guardian or a capable minor for a minor', () => {
    expect(consentGiverViolations({ givenBy: 'guardian' }, 16)).toEqual([]);
    expect(consentGiverViolations({ givenBy: 'capable_minor' }, 17)).toEqual([]);
  });

  it('requires an adult to consent themself', () => {
    expect(consentGiverViolations({ givenBy: 'patient' }, 19)).toEqual([]);
    expect(consentGiverViolations({ givenBy: 'guardian' }, 19).map((v) => v.rule)).toEqual(['adult-consent']);
    expect(consentGiverViolations({ givenBy: 'capable_minor' }, 40).map((v) => v.rule)).toEqual(['adult-consent']);
  });
});

describe('misplacedGiverFields', () => {
  it('refuses guardian details on a consent not given by a guardian, and a capacity finding not for a capable minor', () => {
    expect(misplacedGiverFields({ givenBy: 'patient', guardianName: 'Rosa', capacityFinding: 'x' }).map((e) => e.path)).toEqual(['guardianName', 'capacityFinding']);
    expect(misplacedGiverFields({ givenBy: 'capable_minor', guardianRelationship: 'Mother', capacityFinding: 'x' }).map((e) => e.path)).toEqual(['guardianRelationship']);
    expect(misplacedGiverFields({ givenBy: 'guardian', guardianName: 'Rosa', guardianRelationship: 'Mother' })).toEqual([]);
  });
});
