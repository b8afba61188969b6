import { Injectable } from '@nestjs/common';
import type { AddAddendumRequest, Addendum } from '@ims/contracts';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { ConflictError } from '../common/problem/domain-errors';
import { lockVisibleNote } from './visit-access';
import { toAddendum } from './visit-view';

/**
 * Corrections to a signed note: add-only addenda with author, time and reason, shown with the note oldest first. Any
 * physiotherapist who may see the note may add one (a colleague's correction is still signed with their own name).
 */
@Injectable()
export class VisitAddendaService {
  constructor(
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** A draft takes no addenda (409): it is simply edited. With an `Idempotency-Key`, a retry replays the first response. */
  async add(user: RequestUser, noteId: string, body: AddAddendumRequest, idempotencyKey?: string): Promise<Addendum> {
    const request = { key: idempotencyKey, method: 'POST', path: `/api/visits/${noteId}/addenda`, body };
    return this.idempotency.run(user, request, async (tx) => {
      // Locked so an addendum racing the signature waits for it and sees the note signed (or still a draft).
      const note = await lockVisibleNote(tx, user, noteId);
      if (note.status !== 'signed') {
        throw new ConflictError('The visit note is still a draft: edit it instead; addenda correct a note once it is signed', [
          { entity: 'visit-note', id: note.id, message: 'not signed yet' },
        ]);
      }
      const created = await tx.visitAddendum.create({ data: { visitNoteId: note.id, authorId: user.id, reason: body.reason, text: body.text } });
      await this.audit.record(
        user,
        { action: 'create', entityType: 'visit-addendum', entityId: created.id, patientId: note.patientId, clinicId: note.clinicId, detail: { visitNoteId: note.id } },
        tx,
      );
      return toAddendum(created, user.name);
    });
  }
}
