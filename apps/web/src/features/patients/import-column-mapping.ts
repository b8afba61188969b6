import { PATIENT_IMPORT_FIELDS, type PatientImportField } from '@ims/contracts';

/** "First Name", "first_name", "FIRST-NAME" → "firstname": headers compared without case, spaces or punctuation. */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * What other systems call each field (normalised), besides the field's own name. Order matters only within a
 * field; each header fills at most one field.
 */
const SYNONYMS: Record<PatientImportField, string[]> = {
  firstName: ['first', 'givenname', 'given', 'forename', 'fname', 'patientfirstname'],
  lastName: ['last', 'surname', 'familyname', 'lname', 'patientlastname'],
  middleName: ['middle', 'middleinitial', 'secondname'],
  preferredName: ['preferred', 'nickname', 'knownas', 'goesby'],
  dateOfBirth: ['dob', 'birthdate', 'birthday', 'dateofbirthyyyymmdd', 'born'],
  sex: ['gender', 'sexatbirth'],
  genderIdentity: ['genderidentity'],
  pronouns: ['pronoun'],
  phone: ['phonenumber', 'mobile', 'mobilephone', 'cell', 'cellphone', 'telephone', 'tel', 'primaryphone'],
  phoneAlt: ['altphone', 'alternatephone', 'otherphone', 'phone2', 'secondaryphone', 'homephone', 'workphone'],
  email: ['emailaddress', 'mail'],
  addressLine1: ['address', 'address1', 'street', 'streetaddress'],
  addressLine2: ['address2', 'unit', 'suite', 'apartment'],
  city: ['town', 'municipality'],
  region: ['province', 'state', 'provincestate', 'stateprovince'],
  postalCode: ['postcode', 'postal', 'zip', 'zipcode'],
  country: ['countrycode'],
  healthNumber: ['phn', 'personalhealthnumber', 'healthcard', 'healthcardnumber', 'carecardnumber', 'mspnumber', 'insurancenumber'],
  healthNumberIssuer: ['issuer', 'healthcardissuer', 'insurer', 'healthnumberprovince'],
  emergencyContactName: ['emergencycontact', 'emergencyname', 'nextofkin'],
  emergencyContactRelationship: ['emergencyrelationship', 'emergencycontactrelation', 'relationship'],
  emergencyContactPhone: ['emergencyphone', 'emergencycontactnumber', 'nextofkinphone'],
  referrerName: ['referrer', 'referredby', 'referringphysician', 'referringdoctor'],
  referralSource: ['source', 'howdidyouhear', 'leadsource'],
  preferredContact: ['contactpreference', 'preferredcontactmethod', 'contactmethod'],
  reminderConsentEmail: ['emailreminders', 'emailconsent', 'emailremindersok'],
  reminderConsentSms: ['smsreminders', 'smsconsent', 'textreminders', 'smsremindersok'],
  frontDeskNotes: ['notes', 'comments', 'note'],
};

export type ColumnMapping = Partial<Record<PatientImportField, string>>;

/**
 * Guesses which CSV header fills which patient field from the header names ("First Name", "first_name", "DOB"),
 * the field's own name first, then common synonyms. Unrecognised headers stay unmapped for the user to choose.
 */
export function autoMapColumns(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  const normalised = headers.map((header) => ({ header, key: normaliseHeader(header) }));
  // Two passes: exact field names claim their headers before any synonym can ("Phone 2" must not steal "Phone").
  for (const pass of ['name', 'synonym'] as const) {
    for (const field of PATIENT_IMPORT_FIELDS) {
      if (mapping[field]) continue;
      const wanted = pass === 'name' ? [field.toLowerCase()] : SYNONYMS[field];
      const match = normalised.find(({ header, key }) => key !== '' && !used.has(header) && wanted.includes(key));
      if (match) {
        mapping[field] = match.header;
        used.add(match.header);
      }
    }
  }
  return mapping;
}
