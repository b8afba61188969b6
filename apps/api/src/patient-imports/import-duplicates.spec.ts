import { duplicatesWithinFile, type RowToCheck } from './import-duplicates';
import type { ImportedPatient } from './import-row-mapping';

function row(line: number, fields: Partial<ImportedPatient>): RowToCheck {
  return { line, patient: { firstName: 'Pat', lastName: 'Lee', dateOfBirth: '1980-01-01', phone: null, phoneAlt: null, email: null, healthNumber: null, ...fields } as ImportedPatient };
}

describe('duplicatesWithinFile', () => {
  it('flags later rows that repeat an earlier one and keeps the first as the original', () => {
    const found = duplicatesWithinFile([
      row(2, { lastName: 'Lee', healthNumber: '9876 543 210' }),
      row(3, { lastName: 'Chan', dateOfBirth: '1990-05-05', phone: '+16045550123' }),
      row(4, { lastName: 'LÉE', firstName: 'Patricia' }),
      row(5, { lastName: 'Other', dateOfBirth: '1970-01-01', phoneAlt: '+16045550123', healthNumber: '9876-543-210' }),
      row(6, { lastName: 'Lee', dateOfBirth: '1981-01-01' }),
    ]);
    expect(found).toEqual([
      { line: 4, reasons: ['same_dob_similar_name'], patientId: null, patientLabel: null, duplicateOfLine: 2 },
      { line: 5, reasons: ['same_health_number'], patientId: null, patientLabel: null, duplicateOfLine: 2 },
    ]);
  });
});
