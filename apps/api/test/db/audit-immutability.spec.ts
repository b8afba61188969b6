import pg from 'pg';
import { cloneDatabase, type TestDatabase } from '@ims/prisma/testing';
import { createRuntimeRole, startTestAppAsRole, type RuntimeRole } from '../support/runtime-role';
import { createOrganisation, createUser, TEST_PASSWORD } from '../support/factories';

/**
 * The audit trail is append-only, and the database itself says so: a trigger refuses UPDATE, DELETE and TRUNCATE
 * whoever asks, and the app's runtime role (a member of ims_app that owns nothing) can neither get around the
 * trigger nor touch the rows by privilege. Proved with raw SQL, not through the app's own code.
 */
describe('audit_event is append-only', () => {
  let database: TestDatabase;
  let role: RuntimeRole;
  let owner: pg.Client;
  let runtime: pg.Client;

  const refusal = async (statement: Promise<unknown>): Promise<{ code?: string; message: string }> => {
    try {
      await statement;
    } catch (error) {
      return { code: (error as { code?: string }).code, message: (error as Error).message };
    }
    throw new Error('expected the database to refuse the statement, but it ran');
  };
  const insertEvent = (client: pg.Client, action: string) =>
    client
      .query<{ id: string }>(`INSERT INTO audit_event (action, entity_type, entity_id) VALUES ($1, 'probe', 'p1') RETURNING id`, [action])
      .then((result) => result.rows[0].id);

  beforeAll(async () => {
    database = await cloneDatabase(process.env.IMS_TEST_TEMPLATE_DB!);
    role = await createRuntimeRole();
    owner = new pg.Client({ connectionString: database.url });
    runtime = new pg.Client({ connectionString: role.urlFor(database.url) });
    await owner.connect();
    await runtime.connect();
  });
  afterAll(async () => {
    await runtime?.end();
    await owner?.end();
    await database?.drop();
    await role?.drop();
  });

  describe('for the owner (superuser) connection, through the trigger', () => {
    let id: string;
    beforeAll(async () => {
      id = await insertEvent(owner, 'create');
    });

    it('accepts an INSERT and reads it back', async () => {
      const { rows } = await owner.query('SELECT action, entity_type FROM audit_event WHERE id = $1', [id]);
      expect(rows).toEqual([{ action: 'create', entity_type: 'probe' }]);
    });

    it.each([
      ['UPDATE', `UPDATE audit_event SET action = 'tampered' WHERE id = $1`],
      ['DELETE', 'DELETE FROM audit_event WHERE id = $1'],
    ])('refuses %s (42501, append-only) and the row stays as written', async (operation, sql) => {
      const refused = await refusal(owner.query(sql, [id]));
      expect(refused.code).toBe('42501');
      expect(refused.message).toMatch(new RegExp(`append-only: ${operation} refused`));
      const { rows } = await owner.query('SELECT action FROM audit_event WHERE id = $1', [id]);
      expect(rows).toEqual([{ action: 'create' }]);
    });

    it('refuses TRUNCATE (42501, append-only)', async () => {
      const before = (await owner.query('SELECT count(*)::int AS n FROM audit_event')).rows[0].n;
      const refused = await refusal(owner.query('TRUNCATE audit_event'));
      expect(refused).toMatchObject({ code: '42501', message: expect.stringMatching(/append-only: TRUNCATE refused/) });
      expect((await owner.query('SELECT count(*)::int AS n FROM audit_event')).rows[0].n).toBe(before);
    });
  });

  describe('for a runtime role that is a member of ims_app', () => {
    let id: string;
    beforeAll(async () => {
      id = await insertEvent(runtime, 'read');
    });

    it('is that role, not a superuser, and owns no table', async () => {
      const { rows } = await runtime.query(
        `SELECT current_user AS who, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
                (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owned,
                pg_has_role(current_user, 'ims_app', 'member') AS in_ims_app`,
      );
      expect(rows[0]).toEqual({ who: role.name, superuser: false, owned: 0, in_ims_app: true });
    });

    it('can insert and read audit events', async () => {
      const { rows } = await runtime.query('SELECT action FROM audit_event WHERE id = $1', [id]);
      expect(rows).toEqual([{ action: 'read' }]);
    });

    it.each([
      ['UPDATE', `UPDATE audit_event SET action = 'tampered' WHERE id = $1`, [true]],
      ['DELETE', 'DELETE FROM audit_event WHERE id = $1', [true]],
      ['TRUNCATE', 'TRUNCATE audit_event', [false]],
    ])('has no privilege to %s', async (_operation, sql, [withId]) => {
      const refused = await refusal(runtime.query(sql, withId ? [id] : []));
      expect(refused).toMatchObject({ code: '42501', message: 'permission denied for table audit_event' });
      const { rows } = await owner.query('SELECT action FROM audit_event WHERE id = $1', [id]);
      expect(rows).toEqual([{ action: 'read' }]);
    });

    it.each([
      ['disable the triggers', 'ALTER TABLE audit_event DISABLE TRIGGER ALL', /must be owner of table audit_event/],
      ['drop the trigger', 'DROP TRIGGER audit_event_no_update_delete ON audit_event', /must be owner of (table|relation) audit_event/],
      [
        'replace the trigger function',
        `CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
        // Refused before ownership is even looked at: the role may not create anything in the schema.
        /permission denied for schema public|must be owner of function audit_event_refuse_change/,
      ],
      ['skip triggers by replication role', 'SET session_replication_role = replica', /permission denied to set parameter "session_replication_role"/],
      ['drop the table', 'DROP TABLE audit_event', /must be owner of table audit_event/],
      ['create a table of its own', 'CREATE TABLE shadow_audit (id int)', /permission denied for schema public/],
    ])('cannot %s', async (_what, sql, message) => {
      const refused = await refusal(runtime.query(sql));
      expect(refused.code).toBe('42501');
      expect(refused.message).toMatch(message);
    });

    it('does ordinary reads and writes on clinical tables such as patient', async () => {
      const organisation = (await runtime.query(`INSERT INTO organisation (id, name) VALUES (gen_random_uuid(), 'Role org') RETURNING id`)).rows[0].id;
      const clinic = (
        await runtime.query(`INSERT INTO clinic (id, organisation_id, name, time_zone) VALUES (gen_random_uuid(), $1, 'Main', 'America/Vancouver') RETURNING id`, [organisation])
      ).rows[0].id;
      const patient = (
        await runtime.query(
          `INSERT INTO patient (id, organisation_id, home_clinic_id, first_name, last_name, date_of_birth) VALUES (gen_random_uuid(), $1, $2, 'Ada', 'Role', '1970-01-01') RETURNING id`,
          [organisation, clinic],
        )
      ).rows[0].id;
      await runtime.query(`UPDATE patient SET phone = '604-555-0100', version = version + 1 WHERE id = $1`, [patient]);
      expect((await runtime.query('SELECT phone, version FROM patient WHERE id = $1', [patient])).rows).toEqual([{ phone: '604-555-0100', version: 2 }]);
      await runtime.query('DELETE FROM patient WHERE id = $1', [patient]);
      expect((await runtime.query('SELECT count(*)::int AS n FROM patient WHERE id = $1', [patient])).rows[0].n).toBe(0);
    });
  });

  describe('the app connected as a runtime role', () => {
    it('signs a user in and writes the login audit row, and its own client cannot rewrite the trail', async () => {
      const appRole = await createRuntimeRole();
      const testApp = await startTestAppAsRole(appRole, { APP_SECRET: 'runtime-role-test-secret-0123456789abcdef', MFA_REQUIRED_ROLES: '' });
      try {
        const [{ who }] = await testApp.prisma.$queryRaw<Array<{ who: string }>>`SELECT current_user AS who`;
        expect(who).toBe(appRole.name);

        const { organisation, clinic } = await createOrganisation(testApp.prisma);
        const user = await createUser(testApp.prisma, { organisationId: organisation.id, clinicIds: [clinic.id], roles: ['physiotherapist'] });
        const login = await testApp.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
        const cookie = [login.headers['set-cookie']].flat().find((c: string) => c.startsWith('ims_session='))!.split(';')[0];
        await testApp.http.get('/api/clinicians').set('Cookie', cookie).expect(200);

        const rows = await testApp.prisma.auditEvent.findMany({ where: { userId: user.id, action: 'login' } });
        expect(rows).toEqual([expect.objectContaining({ organisationId: organisation.id, entityType: 'user', entityId: user.id })]);
        await expect(testApp.prisma.auditEvent.updateMany({ where: { userId: user.id }, data: { action: 'nothing happened' } })).rejects.toThrow(
          /permission denied for table audit_event/,
        );
        await expect(testApp.prisma.auditEvent.deleteMany({ where: { userId: user.id } })).rejects.toThrow(/permission denied/);
        expect(await testApp.prisma.auditEvent.count({ where: { userId: user.id, action: 'login' } })).toBe(1);
      } finally {
        await testApp.close();
        await appRole.drop();
      }
    });
  });
});
