import { searchTermsOf } from './search-terms';

describe('searchTermsOf', () => {
  it('reads nothing (or only punctuation) as "everyone"', () => {
    expect(searchTermsOf(undefined)).toEqual({ kind: 'all' });
    expect(searchTermsOf('   ')).toEqual({ kind: 'all' });
    expect(searchTermsOf('!!')).toEqual({ kind: 'all' });
    // Apostrophes and hyphens survive folding but are no word: still "everyone", not a name of no words.
    expect(searchTermsOf("' -")).toEqual({ kind: 'all' });
  });

  it('reads ISO dates as a date of birth, and refuses impossible ones as dates', () => {
    expect(searchTermsOf('1980-04-02')).toEqual({ kind: 'dateOfBirth', date: '1980-04-02' });
    expect(searchTermsOf('1980/04/02')).toEqual({ kind: 'dateOfBirth', date: '1980-04-02' });
    expect(searchTermsOf('1980-02-30').kind).not.toBe('dateOfBirth');
  });

  it('reads phone notation as digits once it has at least three', () => {
    expect(searchTermsOf('(604) 555-0123')).toEqual({ kind: 'digits', digits: '6045550123' });
    expect(searchTermsOf('+1 604.555')).toEqual({ kind: 'digits', digits: '1604555' });
    expect(searchTermsOf('9876 543 210')).toEqual({ kind: 'digits', digits: '9876543210' });
    expect(searchTermsOf('55').kind).toBe('name');
  });

  it("splits a name into at most six words at spaces, hyphens and apostrophes", () => {
    expect(searchTermsOf("Smyth-Jones d'Arcy")).toMatchObject({ tokens: ['smyth', 'jones', 'd', 'arcy'] });
    expect(searchTermsOf('a b c d e f g h')).toMatchObject({ tokens: ['a', 'b', 'c', 'd', 'e', 'f'] });
  });

  it('folds names as search_name is stored and keeps a health-number key for alphanumeric numbers', () => {
    expect(searchTermsOf('  Zoë  O’Brien ')).toEqual({ kind: 'name', folded: 'zoe o brien', tokens: ['zoe', 'o', 'brien'], healthKey: null });
    expect(searchTermsOf('ab-123 456')).toEqual({ kind: 'name', folded: 'ab-123 456', tokens: ['ab', '123', '456'], healthKey: 'AB123456' });
  });
});
