import { anonymisedColumns, anonymisedLastName } from './anonymised-columns';
import { COLUMN_NAMES, newPatientColumns, writeData } from './patient-columns';

const ID = '0199f6a4-1234-7000-8000-00000000abcd';

describe('anonymisedColumns', () => {
  const full = newPatientColumns({
    homeClinicId: '0199f6a4-0000-7000-8000-000000000001',
    firstName: 'Zoë',
    lastName: "O'Brien",
    middleName: 'Anne',
    preferredName: 'Zo',
    dateOfBirth: '1984-07-19',
    sex: 'female',
    genderIdentity: 'woman',
    pronouns: 'she/her',
    phone: '+16045550123',
    phoneAlt: '+17785550199',
    email: 'zoe@example.com',
    address: { line1: '1 Main St', line2: 'Unit 2', city: 'Vancouver', region: 'BC', postalCode: 'V5K 0A1', country: 'CA' },
    healthNumber: '9876 543 210',
    healthNumberIssuer: 'BC MSP',
    emergencyContact: { name: 'Sam', relationship: 'partner', phone: '+16045550999' },
    referrerName: 'Dr Who',
    referralSource: 'GP',
    preferredContact: 'sms',
    reminderConsentEmail: true,
    reminderConsentSms: true,
    frontDeskNotes: 'Prefers mornings',
  });

  it('keeps home clinic, sex and the year of birth only', () => {
    const result = anonymisedColumns(ID, full);
    expect(result).toMatchObject({ homeClinicId: full.homeClinicId, sex: 'female', firstName: 'Anonymised', lastName: 'Patient-0000abcd' });
    expect(result.dateOfBirth.toISOString()).toBe('1984-01-01T00:00:00.000Z');
  });

  it('clears every other identifying column and leaves nothing searchable but the placeholder name', () => {
    const result = anonymisedColumns(ID, full);
    const kept = new Set(['homeClinicId', 'firstName', 'lastName', 'dateOfBirth', 'sex', 'preferredContact', 'reminderConsentEmail', 'reminderConsentSms']);
    for (const name of COLUMN_NAMES.filter((column) => !kept.has(column))) expect([name, result[name]]).toEqual([name, null]);
    expect(writeData(result)).toMatchObject({ searchName: 'anonymised patient-0000abcd', phoneDigits: '', healthNumberKey: null });
    expect(JSON.stringify(result)).not.toMatch(/Zo|Brien|5550|9876|example|Vancouver|Sam|Dr Who|mornings/);
  });

  it('names patients apart by their id', () => {
    expect(anonymisedLastName(ID)).not.toBe(anonymisedLastName('0199f6a4-1234-7000-8000-00000000abce'));
  });
});
