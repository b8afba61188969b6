import { PatientImportProgress, PatientImportReport } from '@ims/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { createOrganisation, createUser } from '../support/factories';
import { signIn } from '../support/sign-in';
import { csvOf, importTenant, MAPPING, registeredPatient } from '../support/patient-import-csv';

/** The dry run: per-row problems with line and field, duplicates, who may import, and organisation isolation. */
describe('patient import dry run (/api/patient-imports)', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('reports each bad row with its line, field and column, and imports nothing', async () => {
    const { organisationId, clinicId, receptionist } = await importTenant(testApp, 'errors');
    const csv = csvOf([
      ['Ada', 'Lovelace', '1980-04-02', '604 555 0101', 'ada@example.org', ''], // line 2
      ['Bad', 'Phone', '1981-05-06', '555-12', '', ''], // line 3: impossible phone
      ['Alan', 'Turing', '1979-06-23', '', '', '9876 543 210'], // line 4
      ['Future', 'Born', '2999-01-01', '', '', ''], // line 5: DOB in the future
      ['Nolast', '', '1970-01-01', '', 'nolast@example', ''], // line 6: no last name, malformed email
    ]);
    const response = await receptionist.post('/api/patient-imports', { clinicId, fileName: 'old-system.csv', csv, mapping: MAPPING }).expect(201);
    const report = PatientImportReport.parse(response.body);
    expect(report).toMatchObject({ status: 'validated', totalRows: 5, validRows: 2, invalidRows: 3, duplicateRows: 0, processedRows: 0, fileName: 'old-system.csv', truncated: false });
    expect(report.errorRows).toEqual([
      { line: 3, field: 'phone', column: 'Phone', message: 'is not a valid phone number' },
      { line: 5, field: 'dateOfBirth', column: 'Date of Birth', message: 'cannot be in the future' },
      { line: 6, field: 'lastName', column: 'Last Name', message: 'is required' },
      { line: 6, field: 'email', column: 'Email', message: 'is not a valid email address' },
    ]);
    expect(await testApp.prisma.patient.count({ where: { organisationId } })).toBe(0);

    // The stored import keeps only the valid rows, normalised for the commit.
    const stored = await testApp.prisma.patientImport.findUniqueOrThrow({ where: { id: report.importId } });
    expect((stored.rows as Array<{ line: number; patient: { phone: string | null } }>).map((row) => [row.line, row.patient.phone])).toEqual([
      [2, '+16045550101'],
      [4, null],
    ]);
    const again = await receptionist.get(`/api/patient-imports/${report.importId}/report`).expect(200);
    expect(PatientImportReport.parse(again.body)).toEqual(report);
  });

  it('finds duplicates of registered patients (misspelt name with the same birth date, phone, health number) and within the file', async () => {
    const { organisationId, clinicId, receptionist } = await importTenant(testApp, 'duplicates');
    const margaret = await registeredPatient(testApp.prisma, { organisationId, homeClinicId: clinicId, firstName: 'Margaret', lastName: 'Thompson', dateOfBirth: '1975-03-14' });
    const byPhone = await registeredPatient(testApp.prisma, { organisationId, homeClinicId: clinicId, firstName: 'Kai', lastName: 'Ito', dateOfBirth: '1990-01-01', phone: '+16045550188' });
    const byCard = await registeredPatient(testApp.prisma, { organisationId, homeClinicId: clinicId, firstName: 'Ren', lastName: 'Ode', dateOfBirth: '1960-02-02', healthNumber: '9123 456 789' });
    // Same name and birth date, but in another organisation: never a match.
    const foreign = await createOrganisation(testApp.prisma);
    await registeredPatient(testApp.prisma, { organisationId: foreign.organisation.id, homeClinicId: foreign.clinic.id, firstName: 'Fresh', lastName: 'Person', dateOfBirth: '1999-09-09' });

    const csv = csvOf([
      ['Margret', 'Thomson', '1975-03-14', '', '', ''], // line 2: Margaret Thompson misspelt
      ['Someone', 'Else', '1985-08-08', '(604) 555-0188', '', ''], // line 3: Kai Ito's phone
      ['Other', 'Name', '1955-05-05', '', '', '9123-456-789'], // line 4: Ren Ode's health number
      ['Fresh', 'Person', '1999-09-09', '', '', ''], // line 5: new
      ['Fresh', 'Person', '1999-09-09', '', '', ''], // line 6: repeats line 5
      ['Margaret', 'Thompson', '1975-03-15', '', '', ''], // line 7: a day apart: not the same person
    ]);
    const response = await receptionist.post('/api/patient-imports', { clinicId, fileName: 'dups.csv', csv, mapping: MAPPING }).expect(201);
    const report = PatientImportReport.parse(response.body);
    expect(report).toMatchObject({ totalRows: 6, validRows: 6, invalidRows: 0, duplicateRows: 4 });
    expect(report.duplicates).toEqual([
      { line: 2, reasons: ['same_dob_similar_name'], patientId: margaret.id, patientLabel: 'Margaret Thompson (1975-03-14)', duplicateOfLine: null },
      { line: 3, reasons: ['same_phone'], patientId: byPhone.id, patientLabel: 'Kai Ito (1990-01-01)', duplicateOfLine: null },
      { line: 4, reasons: ['same_health_number'], patientId: byCard.id, patientLabel: 'Ren Ode (1960-02-02)', duplicateOfLine: null },
      { line: 6, reasons: ['same_dob_similar_name'], patientId: null, patientLabel: null, duplicateOfLine: 5 },
    ]);
  });

  it('reads dates in the declared format and refuses a mapping that names a column the file lacks (400 naming it)', async () => {
    const { clinicId, receptionist } = await importTenant(testApp, 'mapping');
    const csv = csvOf([['Ada', 'Lovelace', '02/04/1980', '', '', '']]);
    const dayFirst = await receptionist.post('/api/patient-imports', { clinicId, fileName: 'a.csv', csv, mapping: MAPPING, dateFormat: 'DD/MM/YYYY' }).expect(201);
    expect(PatientImportReport.parse(dayFirst.body)).toMatchObject({ validRows: 1, invalidRows: 0 });
    const stored = await testApp.prisma.patientImport.findUniqueOrThrow({ where: { id: dayFirst.body.importId } });
    expect((stored.rows as Array<{ patient: { dateOfBirth: string } }>)[0].patient.dateOfBirth).toBe('1980-04-02');

    const missing = await receptionist.post('/api/patient-imports', { clinicId, fileName: 'a.csv', csv, mapping: { ...MAPPING, referrerName: 'Referred By' } }).expect(400);
    expect(missing.body.errors).toEqual([{ path: 'mapping.referrerName', message: 'column "Referred By" is not in the file\'s header row' }]);
    const unknownTarget = await receptionist.post('/api/patient-imports', { clinicId, fileName: 'a.csv', csv, mapping: { ...MAPPING, shoeSize: 'Phone' } }).expect(400);
    expect(JSON.stringify(unknownTarget.body.errors)).toContain('shoeSize');
    const noName = await receptionist.post('/api/patient-imports', { clinicId, fileName: 'a.csv', csv, mapping: { ...MAPPING, lastName: undefined } }).expect(400);
    expect(noName.body.errors.map((e: { path: string }) => e.path)).toEqual(['mapping.lastName']);
    const unreadable = await receptionist.post('/api/patient-imports', { clinicId, fileName: 'a.csv', csv: 'First Name,Last Name\n"Ada,Lovelace\n', mapping: MAPPING }).expect(400);
    expect(unreadable.body.errors[0].path).toBe('csv');
  });

  it("refuses another organisation's clinic as home clinic (400), and answers 404 for another organisation's import", async () => {
    const alpha = await importTenant(testApp, 'alpha');
    const beta = await importTenant(testApp, 'beta');
    const csv = csvOf([['Ada', 'Lovelace', '1980-04-02', '', '', '']]);
    const foreignClinic = await alpha.receptionist.post('/api/patient-imports', { clinicId: beta.clinicId, fileName: 'a.csv', csv, mapping: MAPPING }).expect(400);
    expect(foreignClinic.body.errors).toEqual([{ path: 'clinicId', message: 'is not a clinic of your organisation' }]);

    const created = await beta.receptionist.post('/api/patient-imports', { clinicId: beta.clinicId, fileName: 'beta-secret.csv', csv, mapping: MAPPING }).expect(201);
    const id = created.body.importId as string;
    for (const response of [
      await alpha.receptionist.get(`/api/patient-imports/${id}`),
      await alpha.receptionist.get(`/api/patient-imports/${id}/report`),
      await alpha.receptionist.post(`/api/patient-imports/${id}/commit`, { skipDuplicates: false }),
    ]) {
      expect(response.status).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain('beta-secret');
    }
    expect(PatientImportProgress.parse((await beta.receptionist.get(`/api/patient-imports/${id}`).expect(200)).body).status).toBe('validated');
    expect(await testApp.prisma.patient.count({ where: { organisationId: beta.organisationId } })).toBe(0);
  });

  it('lets receptionists and admins import; physiotherapists and managers get 403', async () => {
    const { organisationId, clinicId, receptionist } = await importTenant(testApp, 'roles');
    const csv = csvOf([['Ada', 'Lovelace', '1980-04-02', '', '', '']]);
    const created = await receptionist.post('/api/patient-imports', { clinicId, fileName: 'a.csv', csv, mapping: MAPPING }).expect(201);
    const id = created.body.importId as string;
    for (const role of ['physiotherapist', 'manager'] as const) {
      const agent = await signIn(testApp, (await createUser(testApp.prisma, { organisationId, clinicIds: [clinicId], roles: [role] })).email);
      await agent.post('/api/patient-imports', { clinicId, fileName: 'a.csv', csv, mapping: MAPPING }).expect(403);
      await agent.get(`/api/patient-imports/${id}`).expect(403);
      await agent.post(`/api/patient-imports/${id}/commit`, { skipDuplicates: false }).expect(403);
    }
    const admin = await signIn(testApp, (await createUser(testApp.prisma, { organisationId, clinicIds: [clinicId], roles: ['admin'] })).email);
    await admin.post('/api/patient-imports', { clinicId, fileName: 'a.csv', csv, mapping: MAPPING }).expect(201);
    await admin.get(`/api/patient-imports/${id}`).expect(200);
  });
});
