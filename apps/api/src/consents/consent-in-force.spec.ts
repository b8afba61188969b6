import { consentInForceOn, type ConsentPeriod } from './consent-in-force';

type TestConsent = ConsentPeriod & { name: string };
const consent = (name: string, consentedOn: string, more: Partial<TestConsent> = {}): TestConsent => ({
  name,
  consentedOn,
  withdrawnOn: null,
  thoraxIncluded: false,
  createdAt: `${consentedOn}T18:00:00Z`,
  ...more,
});
const nameOf = (found: TestConsent | undefined) => found?.name;

describe('consentInForceOn', () => {
  it('finds nothing without consents, and nothing before the first one was given', () => {
    expect(consentInForceOn([], '2026-03-01')).toBeUndefined();
    expect(nameOf(consentInForceOn([consent('a', '2026-03-02')], '2026-03-01'))).toBeUndefined();
  });

  it('covers the day consent was given and every day after', () => {
    const consents = [consent('a', '2026-03-02')];
    expect(nameOf(consentInForceOn(consents, '2026-03-02'))).toBe('a');
    expect(nameOf(consentInForceOn(consents, '2030-01-01'))).toBe('a');
  });

  it('stops covering on the withdrawal day', () => {
    const consents = [consent('a', '2026-03-02', { withdrawnOn: '2026-03-10' })];
    expect(nameOf(consentInForceOn(consents, '2026-03-09'))).toBe('a');
    expect(consentInForceOn(consents, '2026-03-10')).toBeUndefined();
    expect(consentInForceOn(consents, '2026-04-01')).toBeUndefined();
  });

  it('lets the newest consent win: a renewal replaces the earlier one, whatever the order given', () => {
    const consents = [consent('renewal', '2026-06-01'), consent('first', '2026-01-01')];
    expect(nameOf(consentInForceOn(consents, '2026-05-31'))).toBe('first');
    expect(nameOf(consentInForceOn(consents, '2026-06-01'))).toBe('renewal');
  });

  it('orders two consents given the same day by when they were recorded', () => {
    const consents = [
      consent('morning', '2026-03-02', { createdAt: new Date('2026-03-02T17:00:00Z') }),
      consent('afternoon', '2026-03-02', { createdAt: new Date('2026-03-02T22:00:00Z') }),
    ];
    expect(nameOf(consentInForceOn(consents, '2026-03-02'))).toBe('afternoon');
  });

  it('does not bring an older consent back when the newest is withdrawn', () => {
    const consents = [consent('first', '2026-01-01'), consent('renewal', '2026-02-01', { withdrawnOn: '2026-03-01' })];
    expect(nameOf(consentInForceOn(consents, '2026-02-15'))).toBe('renewal');
    expect(consentInForceOn(consents, '2026-03-01')).toBeUndefined();
  });

  it('keeps a renewal in force when a superseded consent is withdrawn later', () => {
    const consents = [consent('first', '2026-01-01', { withdrawnOn: '2026-04-01' }), consent('renewal', '2026-02-01')];
    expect(nameOf(consentInForceOn(consents, '2026-04-02'))).toBe('renewal');
  });

  it('with thorax: only a consent in force that includes thoracic muscles counts', () => {
    const consents = [consent('thorax', '2026-01-01', { thoraxIncluded: true }), consent('narrower renewal', '2026-02-01')];
    expect(nameOf(consentInForceOn(consents, '2026-01-15', { thorax: true }))).toBe('thorax');
    expect(consentInForceOn(consents, '2026-02-01', { thorax: true })).toBeUndefined();
    expect(nameOf(consentInForceOn(consents, '2026-02-01'))).toBe('narrower renewal');
  });

  it('refuses anything but a calendar day', () => {
    expect(() => consentInForceOn([], '2026-03-01T10:00:00Z')).toThrow(/YYYY-MM-DD/);
  });
});
