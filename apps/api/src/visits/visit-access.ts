import type { VisitNote } from '@ims/contracts';
import type { Prisma, PrismaClient } from '@ims/prisma';
import type { RequestUser } from '../common/access/request-user';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/problem/domain-errors';
import { isUuid } from '../common/lookup/of-organisation';
import { userNames } from '../consents/patient-lookup';
import { namedUsersOf, toVisitNote, VISIT_INCLUDE, type VisitRow } from './visit-view';

export type Db = PrismaClient | Prisma.TransactionClient;

/**
 * The notes a physiotherapist may see: of their organisation and of a clinic they work in. Anything else is "not
 * found", never "forbidden", so ids of other clinics and organisations reveal nothing.
 */
export const visibleNotes = (user: RequestUser): Prisma.VisitNoteWhereInput => ({ organisationId: user.organisationId, clinicId: { in: user.clinicIds } });

/** The note `id` with everything its payload needs, if the user may see it; else 404. */
export async function visibleNote(db: Db, user: RequestUser, id: string): Promise<VisitRow> {
  const row = isUuid(id) ? await db.visitNote.findFirst({ where: { id, ...visibleNotes(user) }, include: VISIT_INCLUDE }) : null;
  if (!row) throw new NotFoundError('visit note', id);
  return row;
}

/**
 * Locks the note's row for the rest of the transaction (SELECT ... FOR UPDATE), then loads it: a save and a signature
 * of the same note are serialised, so a signature never covers sites a concurrent save is replacing.
 */
export async function lockVisibleNote(tx: Prisma.TransactionClient, user: RequestUser, id: string): Promise<VisitRow> {
  if (isUuid(id)) {
    await tx.$queryRaw`SELECT id FROM visit_note WHERE id = ${id}::uuid AND organisation_id = ${user.organisationId}::uuid FOR UPDATE`;
  }
  return visibleNote(tx, user, id);
}

export type NoteAction = 'start' | 'edit' | 'sign';
const ACTION_WORDS: Record<NoteAction, string> = { start: 'start the visit note of', edit: 'edit the visit note of', sign: 'sign the visit note of' };

/**
 * Only the appointment's own clinician charts and signs its note: the signature is theirs, and so is the needling
 * authorisation it is judged on. Anyone else (another physiotherapist of the clinic, one without a clinician
 * profile) gets 403 saying whose note it is. Covering for a colleague is not supported yet.
 */
export async function assertOwnClinician(db: Db, user: RequestUser, owner: { clinicianId: string; clinicianName: string }, action: NoteAction): Promise<void> {
  const own = await db.clinician.findFirst({ where: { userId: user.id, organisationId: user.organisationId }, select: { id: true } });
  if (own?.id === owner.clinicianId) return;
  throw new ForbiddenError(`Only ${owner.clinicianName}, the appointment's clinician, may ${ACTION_WORDS[action]} this appointment`);
}

/** A signed note never changes (409): corrections are addenda. */
export function assertDraft(note: { id: string; status: 'draft' | 'signed' }): void {
  if (note.status === 'draft') return;
  throw new ConflictError('The visit note is already signed: it can no longer change; add an addendum to correct it', [
    { entity: 'visit-note', id: note.id, message: 'already signed' },
  ]);
}

/** The VisitNote payload of a loaded row, with the names of its signer and addenda authors. */
export async function visitNoteOf(db: Db, row: VisitRow): Promise<VisitNote> {
  return toVisitNote(row, await userNames(db, namedUsersOf(row)));
}
