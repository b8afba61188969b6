import { InvalidInputError } from '../common/problem/domain-errors';
import { mapRow, planColumns } from './import-row-mapping';

const CLINIC = '0199f6a4-0000-7000-8000-000000000001';
const HEADERS = ['First Name', 'Last Name', 'DOB', 'Phone', 'Email', 'Sex', 'SMS ok', 'Country'];
const plan = planColumns(HEADERS, {
  firstName: 'first name',
  lastName: 'Last Name',
  dateOfBirth: 'DOB',
  phone: 'Phone',
  email: 'Email',
  sex: 'Sex',
  reminderConsentSms: 'SMS ok',
  country: 'Country',
});
const options = { clinicId: CLINIC, headerCount: HEADERS.length, dateFormat: 'DD/MM/YYYY' as const };

describe('planColumns', () => {
  it('names every mapped column missing from the header row', () => {
    try {
      planColumns(['A', 'B', 'B'], { firstName: 'A', lastName: 'Surname', dateOfBirth: 'B' });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).errors).toEqual([
        { path: 'mapping.lastName', message: 'column "Surname" is not in the file\'s header row' },
        { path: 'mapping.dateOfBirth', message: 'column "B" appears 2 times in the header row' },
      ]);
    }
  });
});

describe('mapRow', () => {
  it('normalises a good row as registration would: E.164 phone, ISO date, lower-case email, read-out booleans', () => {
    const result = mapRow({ line: 2, cells: [' Ada ', 'Lovelace', '2/4/1980', '(604) 555-0123', 'Ada@Example.COM', 'F', 'yes', 'ca'] }, plan, options);
    expect(result.errors).toBeUndefined();
    expect(result.patient).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      dateOfBirth: '1980-04-02',
      phone: '+16045550123',
      email: 'ada@example.com',
      sex: 'female',
      reminderConsentSms: true,
      reminderConsentEmail: false,
      preferredContact: 'email',
      country: 'CA',
      middleName: null,
    });
  });

  it('reports every problem of a row with its line, field and column', () => {
    const result = mapRow({ line: 7, cells: ['Ada', '', '31/12/2999', '12', 'not-an-email', 'Q', 'maybe', 'Canada'] }, plan, options);
    expect(result.patient).toBeUndefined();
    expect(result.errors).toEqual([
      { line: 7, field: 'lastName', column: 'Last Name', message: 'is required' },
      { line: 7, field: 'dateOfBirth', column: 'DOB', message: 'cannot be in the future' },
      { line: 7, field: 'phone', column: 'Phone', message: 'is not a valid phone number' },
      { line: 7, field: 'email', column: 'Email', message: 'is not a valid email address' },
      { line: 7, field: 'sex', column: 'Sex', message: 'must be one of female, male, intersex, unknown (or F, M, I, U)' },
      { line: 7, field: 'reminderConsentSms', column: 'SMS ok', message: 'must be yes or no' },
      { line: 7, field: 'country', column: 'Country', message: 'must be a two-letter country code, e.g. CA' },
    ]);
  });

  it('refuses dates that are not real or not in the declared format', () => {
    expect(mapRow({ line: 3, cells: ['A', 'B', '30/02/1980', '', '', '', '', ''] }, plan, options).errors?.[0]).toMatchObject({ field: 'dateOfBirth' });
    expect(mapRow({ line: 3, cells: ['A', 'B', '1980-02-03', '', '', '', '', ''] }, plan, options).errors).toEqual([
      { line: 3, field: 'dateOfBirth', column: 'DOB', message: 'is not a date written as DD/MM/YYYY' },
    ]);
  });

  it('refuses a misaligned row as a whole', () => {
    expect(mapRow({ line: 4, cells: ['A', 'B'] }, plan, options).errors).toEqual([
      { line: 4, field: 'row', column: null, message: 'has 2 cells; the header row has 8' },
    ]);
  });
});
