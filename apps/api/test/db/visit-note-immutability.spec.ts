import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openPostgres, type Database } from '@ims/prisma';
import { cloneDatabase, type TestDatabase } from '@ims/prisma/testing';
import { createOrganisation } from '../support/factories';
import { createClinician, createPatient } from '../support/clinician-factories';
import { createAppointmentType } from '../support/clinic-setup-factories';
import { insertAppointment } from '../support/appointment-factories';
import { insertMuscle } from '../support/visit-factories';

/**
 * A signed note never changes, whoever asks: triggers refuse UPDATE and DELETE of a signed visit_note and any change
 * to its sites and adverse events; addenda are add-only and need a signed note. Proved with raw SQL on the owner's
 * connection (which bypasses every privilege, not the triggers), not through the app's code.
 */
describe('visit notes in the database', () => {
  let database: TestDatabase;
  let prisma: Database;
  let sql: pg.Client;
  let ids: { org: string; clinic: string; patient: string; clinician: string; user: string; type: string; muscle: string };

  const refusal = async (statement: Promise<unknown>): Promise<{ code?: string; constraint?: string; message: string }> => {
    try {
      await statement;
    } catch (error) {
      const e = error as { code?: string; constraint?: string; message: string };
      return { code: e.code, constraint: e.constraint, message: e.message };
    }
    throw new Error('expected the database to refuse the statement, but it ran');
  };
  const one = async (text: string, values: unknown[] = []) => (await sql.query(text, values)).rows[0];

  let daysBack = 0;
  /** A draft note with one site and one adverse event, written with raw SQL; returns the ids. */
  async function draftNote() {
    daysBack += 1;
    const startsAt = new Date(Date.now() - daysBack * 86_400_000);
    const appointment = await insertAppointment(prisma.prisma, {
      organisationId: ids.org,
      clinicId: ids.clinic,
      patientId: ids.patient,
      clinicianId: ids.clinician,
      appointmentTypeId: ids.type,
      startsAt,
      status: 'arrived',
    });
    const note = await one(
      `INSERT INTO visit_note (id, organisation_id, clinic_id, patient_id, clinician_id, appointment_id, visited_at, visit_date, created_by_id,
         pain_before, pain_after, assessment, needles_opened, needles_removed, needles_disposed)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6::timestamptz, ($6::timestamptz AT TIME ZONE 'America/Vancouver')::date, $7, 6, 2, 'Responding', 2, 2, 2) RETURNING id`,
      [ids.org, ids.clinic, ids.patient, ids.clinician, appointment.id, startsAt.toISOString(), ids.user],
    );
    const site = await one(
      `INSERT INTO visit_site (id, visit_note_id, position, muscle_id, side, gauge_mm, length_mm, depth_cm, technique, twitch, tolerance)
       VALUES (gen_random_uuid(), $1, 0, $2, 'left', 0.25, 30, 2.0, 'pistoning', 'local', 'good') RETURNING id`,
      [note.id, ids.muscle],
    );
    const event = await one(`INSERT INTO visit_adverse_event (id, visit_note_id, position, kind) VALUES (gen_random_uuid(), $1, 0, 'bruising') RETURNING id`, [note.id]);
    return { noteId: note.id as string, siteId: site.id as string, eventId: event.id as string };
  }
  /** Signs a draft the way the app does: the one UPDATE a draft allows that leaves it signed. */
  const signNote = (noteId: string) =>
    sql.query(`UPDATE visit_note SET status = 'signed', signed_at = now(), signed_by_id = $2, content_hash = 'h', version = version + 1 WHERE id = $1`, [noteId, ids.user]);

  beforeAll(async () => {
    database = await cloneDatabase(process.env.IMS_TEST_TEMPLATE_DB!);
    prisma = openPostgres({ url: database.url, poolMax: 2 });
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    const client = prisma.prisma;
    const { organisation, clinic } = await createOrganisation(client);
    const base = { organisationId: organisation.id, clinicId: clinic.id };
    const { user, clinician } = await createClinician(client, { organisationId: organisation.id, clinicIds: [clinic.id] });
    ids = {
      org: organisation.id,
      clinic: clinic.id,
      patient: (await createPatient(client, { organisationId: organisation.id, homeClinicId: clinic.id })).id,
      clinician: clinician.id,
      user: user.id,
      type: (await createAppointmentType(client, base)).id,
      muscle: (await insertMuscle(client)).id,
    };
  });
  afterAll(async () => {
    await sql?.end();
    await prisma?.close();
    await database?.drop();
  });

  describe('a draft', () => {
    it('can still be edited: its row, sites and adverse events', async () => {
      const { noteId, siteId, eventId } = await draftNote();
      await sql.query(`UPDATE visit_note SET assessment = 'Edited', version = version + 1 WHERE id = $1`, [noteId]);
      await sql.query(`UPDATE visit_site SET depth_cm = 2.5 WHERE id = $1`, [siteId]);
      await sql.query(
        `INSERT INTO visit_site (id, visit_note_id, position, muscle_id, side, gauge_mm, length_mm, depth_cm, technique, twitch, tolerance)
         VALUES (gen_random_uuid(), $1, 1, $2, 'right', 0.30, 40, 3.0, 'rotation', 'none', 'fair')`,
        [noteId, ids.muscle],
      );
      await sql.query(`UPDATE visit_adverse_event SET kind = 'bleeding' WHERE id = $1`, [eventId]);
      await sql.query(`DELETE FROM visit_adverse_event WHERE id = $1`, [eventId]);
      expect(await one(`SELECT assessment, version FROM visit_note WHERE id = $1`, [noteId])).toEqual({ assessment: 'Edited', version: 2 });
      expect(await one(`SELECT count(*)::int AS n FROM visit_site WHERE visit_note_id = $1`, [noteId])).toEqual({ n: 2 });
      expect(await one(`SELECT count(*)::int AS n FROM visit_adverse_event WHERE visit_note_id = $1`, [noteId])).toEqual({ n: 0 });
    });

    it('takes no addendum (23514: an addendum needs a signed note)', async () => {
      const { noteId } = await draftNote();
      const refused = await refusal(sql.query(`INSERT INTO visit_addendum (id, visit_note_id, author_id, reason, text) VALUES (gen_random_uuid(), $1, $2, 'r', 't')`, [noteId, ids.user]));
      expect(refused).toMatchObject({ code: '23514', message: 'an addendum needs a signed visit note' });
    });

    it('can be deleted, its sites going with it', async () => {
      const { noteId } = await draftNote();
      await sql.query(`DELETE FROM visit_note WHERE id = $1`, [noteId]);
      expect(await one(`SELECT count(*)::int AS n FROM visit_site WHERE visit_note_id = $1`, [noteId])).toEqual({ n: 0 });
    });
  });

  describe('a signed note', () => {
    let signed: { noteId: string; siteId: string; eventId: string };
    let before: { note: unknown; sites: unknown[]; events: unknown[] };
    const snapshot = async () => ({
      note: await one(`SELECT * FROM visit_note WHERE id = $1`, [signed.noteId]),
      sites: (await sql.query(`SELECT * FROM visit_site WHERE visit_note_id = $1 ORDER BY position`, [signed.noteId])).rows,
      events: (await sql.query(`SELECT * FROM visit_adverse_event WHERE visit_note_id = $1 ORDER BY position`, [signed.noteId])).rows,
    });

    beforeAll(async () => {
      signed = await draftNote();
      await signNote(signed.noteId);
      before = await snapshot();
    });
    afterEach(async () => {
      // Whatever was tried, the signed record is exactly as signed.
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      ['UPDATE of the note', `UPDATE visit_note SET assessment = 'Tampered' WHERE id = $1`],
      ['UPDATE of its status back to draft', `UPDATE visit_note SET status = 'draft' WHERE id = $1`],
      ['DELETE of the note', `DELETE FROM visit_note WHERE id = $1`],
    ])('refuses %s (42501)', async (_, statement) => {
      const refused = await refusal(sql.query(statement, [signed.noteId]));
      expect(refused.code).toBe('42501');
      expect(refused.message).toMatch(/visit note .* is signed: (UPDATE|DELETE) refused \(add an addendum instead\)/);
    });

    it.each([
      ['UPDATE of a site', `UPDATE visit_site SET depth_cm = 2.5 WHERE id = $1`, 'siteId'],
      ['DELETE of a site', `DELETE FROM visit_site WHERE id = $1`, 'siteId'],
      ['UPDATE of an adverse event', `UPDATE visit_adverse_event SET kind = 'bleeding' WHERE id = $1`, 'eventId'],
      ['DELETE of an adverse event', `DELETE FROM visit_adverse_event WHERE id = $1`, 'eventId'],
    ] as const)('refuses %s (42501)', async (_, statement, key) => {
      const refused = await refusal(sql.query(statement, [signed[key]]));
      expect(refused.code).toBe('42501');
      expect(refused.message).toMatch(/the visit note is signed: (UPDATE|DELETE) refused/);
    });

    it('refuses a new site and a new adverse event (42501)', async () => {
      const site = await refusal(
        sql.query(
          `INSERT INTO visit_site (id, visit_note_id, position, muscle_id, side, gauge_mm, length_mm, depth_cm, technique, twitch, tolerance)
           VALUES (gen_random_uuid(), $1, 1, $2, 'right', 0.25, 30, 2.0, 'pistoning', 'local', 'good')`,
          [signed.noteId, ids.muscle],
        ),
      );
      expect(site).toMatchObject({ code: '42501', message: expect.stringMatching(/^visit_site: the visit note is signed: INSERT refused/) });
      const event = await refusal(sql.query(`INSERT INTO visit_adverse_event (id, visit_note_id, position, kind) VALUES (gen_random_uuid(), $1, 1, 'soreness')`, [signed.noteId]));
      expect(event).toMatchObject({ code: '42501', message: expect.stringMatching(/^visit_adverse_event: the visit note is signed: INSERT refused/) });
    });

    it('refuses moving a draft’s site onto it (42501)', async () => {
      const draft = await draftNote();
      const refused = await refusal(sql.query(`UPDATE visit_site SET visit_note_id = $1, position = 5 WHERE id = $2`, [signed.noteId, draft.siteId]));
      expect(refused.code).toBe('42501');
    });

    it('takes addenda, but never an UPDATE or DELETE of one (42501)', async () => {
      const addendum = await one(
        `INSERT INTO visit_addendum (id, visit_note_id, author_id, reason, text) VALUES ($1, $2, $3, 'Correction', 'Right side, not left') RETURNING id`,
        [randomUUID(), signed.noteId, ids.user],
      );
      const update = await refusal(sql.query(`UPDATE visit_addendum SET text = 'Rewritten' WHERE id = $1`, [addendum.id]));
      expect(update).toMatchObject({ code: '42501', message: 'visit_addendum is add-only: UPDATE refused' });
      const remove = await refusal(sql.query(`DELETE FROM visit_addendum WHERE id = $1`, [addendum.id]));
      expect(remove).toMatchObject({ code: '42501', message: 'visit_addendum is add-only: DELETE refused' });
      expect(await one(`SELECT text FROM visit_addendum WHERE id = $1`, [addendum.id])).toEqual({ text: 'Right side, not left' });
    });
  });

  describe('data rules', () => {
    it('refuses a depth deeper than the needle is long (visit_site_depth_within_needle)', async () => {
      const { noteId } = await draftNote();
      const refused = await refusal(
        sql.query(
          `INSERT INTO visit_site (id, visit_note_id, position, muscle_id, side, gauge_mm, length_mm, depth_cm, technique, twitch, tolerance)
           VALUES (gen_random_uuid(), $1, 1, $2, 'left', 0.25, 25, 3.0, 'pistoning', 'local', 'good')`,
          [noteId, ids.muscle],
        ),
      );
      expect(refused).toMatchObject({ code: '23514', constraint: 'visit_site_depth_within_needle' });
      // Exactly the needle's length is possible (25 mm, 2.5 cm).
      await sql.query(
        `INSERT INTO visit_site (id, visit_note_id, position, muscle_id, side, gauge_mm, length_mm, depth_cm, technique, twitch, tolerance)
         VALUES (gen_random_uuid(), $1, 2, $2, 'left', 0.25, 25, 2.5, 'pistoning', 'local', 'good')`,
        [noteId, ids.muscle],
      );
    });

    it('refuses to sign a note whose needles do not balance (visit_note_signed_complete)', async () => {
      const { noteId } = await draftNote();
      await sql.query(`UPDATE visit_note SET needles_opened = 3 WHERE id = $1`, [noteId]);
      expect(await refusal(signNote(noteId))).toMatchObject({ code: '23514', constraint: 'visit_note_signed_complete' });
      expect(await one(`SELECT status FROM visit_note WHERE id = $1`, [noteId])).toEqual({ status: 'draft' });
    });
  });
});
