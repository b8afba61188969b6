import { closeKeys, oneLetterLeftOut, prefixKey, soundsAlike } from './name-search-keys';

describe('name search keys (typed side)', () => {
  it('reduces spellings that sound alike to one form', () => {
    expect(soundsAlike('john')).toBe(soundsAlike('jon'));
    expect(soundsAlike('smyth')).toBe(soundsAlike('smith'));
    expect(soundsAlike('philip')).toBe(soundsAlike('filip'));
    expect(soundsAlike('catherine')).toBe(soundsAlike('katherine'));
    expect(soundsAlike('gurpreet')).toBe('gurpret');
    expect(soundsAlike('zoe')).toBe('soe');
    expect(soundsAlike('hannah')).toBe('hana');
    expect(soundsAlike('thompson')).not.toBe(soundsAlike('thomson'));
  });

  it('leaves out each letter once, without repeats', () => {
    expect(oneLetterLeftOut('anna')).toEqual(['nna', 'ana', 'ann']);
    expect(oneLetterLeftOut('zoë')).toEqual(['oë', 'zë', 'zo']);
  });

  it('looks a word up as itself or a prefix, by sound, and by one typo', () => {
    expect(prefixKey('thom')).toBe('p:thom');
    const keys = closeKeys('thopmson');
    expect(keys).toEqual(expect.arrayContaining(['p:thopmson', 's:topmson', 'd:thopmson', 'd:thopson', 'p:thopson']));
    // thompson less its m is thopson, and so is thopmson less its m: two swapped letters meet at a d: key.
    expect(keys).toContain('d:thopson');
  });

  it('gives short words fewer fuzzy keys, as one letter there changes more', () => {
    expect(closeKeys('jo').sort()).toEqual(['p:jo', 's:jo']);
    expect(closeKeys('jon').sort()).toEqual(['d:jon', 'p:jon', 's:jon']);
    // Four letters: a wrong or swapped letter (d:), but no "one letter too many" (p: of three letters is too broad).
    expect(closeKeys('thom').filter((key) => key.startsWith('p:'))).toEqual(['p:thom']);
    expect(closeKeys('thom')).toContain('d:tom');
    expect(closeKeys('smithh')).toContain('p:smith');
  });
});
