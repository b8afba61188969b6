import pg from 'pg';
import { PatientImportProgress, PatientImportReport } from '@ims/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { csvOf, generatedRows, importTenant, MAPPING, registeredPatient } from '../support/patient-import-csv';
import type { SignedInAgent } from '../support/sign-in';

/** The commit: exactly the chosen rows, one transaction, progress visible while it runs, fast on 20k rows. */
describe('patient import commit (/api/patient-imports/:id/commit)', () => {
  let testApp: TestApp;
  let owner: pg.Client;
  beforeAll(async () => {
    testApp = await startTestApp();
    // The test's own database, as its owner: to add a constraint or a trigger the app knows nothing about.
    owner = new pg.Client({ connectionString: testApp.databaseUrl });
    await owner.connect();
  });
  afterAll(async () => {
    await owner.end();
    await testApp.close();
  });

  async function dryRun(agent: SignedInAgent, clinicId: string, rows: string[][]): Promise<PatientImportReport> {
    const response = await agent.post('/api/patient-imports', { clinicId, fileName: 'import.csv', csv: csvOf(rows), mapping: MAPPING }).expect(201);
    return PatientImportReport.parse(response.body);
  }
  const progressOf = async (agent: SignedInAgent, id: string) => PatientImportProgress.parse((await agent.get(`/api/patient-imports/${id}`).expect(200)).body);

  it('refuses a file with bad rows unless told to skip them, then inserts exactly the valid rows, searchable, and audits once', async () => {
    const { organisationId, clinicId, receptionist } = await importTenant(testApp, 'commit');
    const report = await dryRun(receptionist, clinicId, [
      ['Ada', 'Lovelace', '1980-04-02', '604-555-0101', 'Ada@Example.org', '9876 543 210'],
      ['Bad', 'Phone', '1981-05-06', '555-12', '', ''],
      ['Alan', 'Turing', '1979-06-23', '', '', ''],
    ]);
    const commitPath = `/api/patient-imports/${report.importId}/commit`;

    await receptionist.post(commitPath, {}).expect(400); // skipDuplicates must be chosen
    const refused = await receptionist.post(commitPath, { skipDuplicates: false }).expect(422);
    expect(refused.body.violations).toEqual([expect.objectContaining({ rule: 'import-has-invalid-rows' })]);
    expect(await testApp.prisma.patient.count({ where: { organisationId } })).toBe(0);
    expect((await progressOf(receptionist, report.importId)).status).toBe('validated');

    const committed = PatientImportProgress.parse((await receptionist.post(commitPath, { skipDuplicates: false, skipInvalidRows: true }).expect(200)).body);
    expect(committed).toMatchObject({ status: 'committed', totalRows: 3, rowsToInsert: 2, insertedRows: 2, processedRows: 2, failureReason: null });
    const patients = await testApp.prisma.patient.findMany({ where: { organisationId }, orderBy: { lastName: 'asc' } });
    expect(patients.map((p) => [p.firstName, p.lastName, p.homeClinicId, p.phone, p.email, p.searchName, p.healthNumberKey])).toEqual([
      ['Ada', 'Lovelace', clinicId, '+16045550101', 'ada@example.org', 'ada lovelace', '9876543210'],
      ['Alan', 'Turing', clinicId, null, null, 'alan turing', null],
    ]);
    expect(patients[0].phoneDigits).toBe('16045550101 6045550101');

    const audit = await testApp.prisma.auditEvent.findMany({ where: { entityType: 'patient_import', entityId: report.importId } });
    expect(audit.map((a) => [a.action, a.clinicId, a.detail])).toEqual([
      ['import', clinicId, { fileName: 'import.csv', totalRows: 3, inserted: 2, skippedInvalid: 1, skippedDuplicates: 0 }],
    ]);
    const again = await receptionist.post(commitPath, { skipDuplicates: false, skipInvalidRows: true }).expect(422);
    expect(again.body.violations).toEqual([expect.objectContaining({ rule: 'import-committed' })]);
    expect(await testApp.prisma.patient.count({ where: { organisationId } })).toBe(2);
  });

  it('leaves out the rows flagged as duplicates when asked, and imports them when not', async () => {
    const { organisationId, clinicId, receptionist } = await importTenant(testApp, 'skip-duplicates');
    await registeredPatient(testApp.prisma, { organisationId, homeClinicId: clinicId, firstName: 'Margaret', lastName: 'Thompson', dateOfBirth: '1975-03-14' });
    const rows = [
      ['Margret', 'Thomson', '1975-03-14', '', '', ''],
      ['New', 'Person', '1999-09-09', '', '', ''],
      ['New', 'Person', '1999-09-09', '', '', ''],
    ];
    const skipping = await dryRun(receptionist, clinicId, rows);
    expect(skipping.duplicateRows).toBe(2);
    await receptionist.post(`/api/patient-imports/${skipping.importId}/commit`, { skipDuplicates: true }).expect(200);
    expect((await testApp.prisma.patient.findMany({ where: { organisationId } })).map((p) => p.firstName).sort()).toEqual(['Margaret', 'New']);

    const keeping = await dryRun(receptionist, clinicId, [['Twin', 'Doe', '2001-01-01', '', '', ''], ['Twin', 'Doe', '2001-01-01', '', '', '']]);
    await receptionist.post(`/api/patient-imports/${keeping.importId}/commit`, { skipDuplicates: false }).expect(200);
    expect(await testApp.prisma.patient.count({ where: { organisationId, lastName: 'Doe' } })).toBe(2);
  });

  it('is all or nothing: a row the database refuses in a late batch rolls back every batch and marks the import failed', async () => {
    const { organisationId, clinicId, receptionist } = await importTenant(testApp, 'rollback');
    // A real refusal by PostgreSQL, after validation: a CHECK constraint only this test's database has.
    await owner.query(`ALTER TABLE patient ADD CONSTRAINT import_test_refused CHECK (last_name <> 'Refused-By-Database')`);
    try {
      const report = await dryRun(receptionist, clinicId, generatedRows(2500, (i) => (i === 2400 ? 'Refused-By-Database' : `Rollback${i}`)));
      expect(report.validRows).toBe(2500);
      const failed = await receptionist.post(`/api/patient-imports/${report.importId}/commit`, { skipDuplicates: false }).expect(422);
      expect(failed.body.violations).toEqual([{ rule: 'import-failed', message: expect.stringContaining('lines 2002-2501') }]);
      expect(await testApp.prisma.patient.count({ where: { organisationId } })).toBe(0);
      const progress = await progressOf(receptionist, report.importId);
      expect(progress).toMatchObject({ status: 'failed', processedRows: 0, committedAt: null });
      expect(progress.failureReason).toContain('import_test_refused');
      expect(await testApp.prisma.auditEvent.count({ where: { entityType: 'patient_import', entityId: report.importId } })).toBe(0);

      // Once the cause is gone, the same import can be committed again.
      await owner.query('ALTER TABLE patient DROP CONSTRAINT import_test_refused');
      const retried = PatientImportProgress.parse((await receptionist.post(`/api/patient-imports/${report.importId}/commit`, { skipDuplicates: false }).expect(200)).body);
      expect(retried).toMatchObject({ status: 'committed', insertedRows: 2500, failureReason: null });
      expect(await testApp.prisma.patient.count({ where: { organisationId } })).toBe(2500);
    } finally {
      await owner.query('ALTER TABLE patient DROP CONSTRAINT IF EXISTS import_test_refused');
    }
  });

  it('shows progress between batches while the transaction is still open, and nobody sees the rows before it commits', async () => {
    const { organisationId, clinicId, receptionist } = await importTenant(testApp, 'progress');
    const report = await dryRun(receptionist, clinicId, generatedRows(2500, (i) => (i === 1500 ? 'Pause-Here' : `Progress${i}`)));
    // Inserting the second batch waits on an advisory lock this test holds: the commit is caught mid-way.
    await owner.query(`CREATE FUNCTION import_test_pause() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_advisory_xact_lock_shared(4242); RETURN NEW; END $$`);
    await owner.query(`CREATE TRIGGER import_test_pause BEFORE INSERT ON patient FOR EACH ROW WHEN (NEW.last_name = 'Pause-Here') EXECUTE FUNCTION import_test_pause()`);
    await owner.query('SELECT pg_advisory_lock(4242)');
    try {
      const commit = receptionist.post(`/api/patient-imports/${report.importId}/commit`, { skipDuplicates: false }).then((response) => response);
      let seen = await progressOf(receptionist, report.importId);
      for (let tries = 0; seen.processedRows < 1000 && tries < 200; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        seen = await progressOf(receptionist, report.importId);
      }
      expect(seen).toMatchObject({ status: 'committing', processedRows: 1000, totalRows: 2500, rowsToInsert: 2500 });
      expect(await testApp.prisma.patient.count({ where: { organisationId } })).toBe(0);

      await owner.query('SELECT pg_advisory_unlock(4242)');
      expect((await commit).status).toBe(200);
      expect(await progressOf(receptionist, report.importId)).toMatchObject({ status: 'committed', processedRows: 2500 });
      expect(await testApp.prisma.patient.count({ where: { organisationId } })).toBe(2500);
    } finally {
      await owner.query('SELECT pg_advisory_unlock_all()');
      await owner.query('DROP TRIGGER IF EXISTS import_test_pause ON patient');
      await owner.query('DROP FUNCTION IF EXISTS import_test_pause()');
    }
  });

  it('imports 20,000 rows (a 1.3 MB body, above the general 256 kB limit) well under a minute', async () => {
    const { organisationId, clinicId, receptionist } = await importTenant(testApp, 'twenty-thousand');
    const rows = generatedRows(20_000);
    const started = performance.now();
    const report = await dryRun(receptionist, clinicId, rows);
    const validated = performance.now();
    expect(report).toMatchObject({ totalRows: 20_000, validRows: 20_000, invalidRows: 0, duplicateRows: 0 });
    const committed = await receptionist.post(`/api/patient-imports/${report.importId}/commit`, { skipDuplicates: false }).expect(200);
    const finished = performance.now();
    expect(committed.body).toMatchObject({ status: 'committed', insertedRows: 20_000 });
    expect(await testApp.prisma.patient.count({ where: { organisationId } })).toBe(20_000);
    expect(await testApp.prisma.patient.count({ where: { organisationId, searchName: '' } })).toBe(0);
    console.log(
      `[import] 20,000 rows (${(csvOf(rows).length / 1e6).toFixed(1)} MB): dry run ${((validated - started) / 1000).toFixed(1)} s, ` +
        `commit ${((finished - validated) / 1000).toFixed(1)} s, total ${((finished - started) / 1000).toFixed(1)} s`,
    );
  }, 120_000);

  it('keeps the larger body limit to the dry run: other routes still refuse bodies over 256 kB (413)', async () => {
    const { receptionist } = await importTenant(testApp, 'limits');
    const big = { skipDuplicates: false, padding: 'x'.repeat(300_000) };
    const response = await receptionist.post('/api/patient-imports/0199f6a4-0000-7000-8000-000000000001/commit', big).expect(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
