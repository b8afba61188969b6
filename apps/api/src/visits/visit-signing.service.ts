import { Injectable } from '@nestjs/common';
import type { VisitNote } from '@ims/contracts';
import { postgresErrorInfo, SQLSTATE, visitContentHash, type Prisma, type PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { ConflictError, RuleViolationError, StaleVersionError } from '../common/problem/domain-errors';
import { AppointmentLifecycleService } from '../appointments/appointment-lifecycle.service';
import { ClinicianService } from '../clinicians/clinicians.service';
import { ConsentsService } from '../consents/consents.service';
import { isoDay } from '../clinicians/clinician-view';
import { assertDraft, assertOwnClinician, lockVisibleNote, visibleNote, visitNoteOf } from './visit-access';
import { signViolations, type SignFacts } from './sign-rules';
import type { VisitRow } from './visit-view';

/** The partial unique index that keeps session n of a plan unique (migration visit_notes). */
const PLAN_SESSION_KEY = 'visit_note_plan_session_key';

/**
 * Signing: every sign rule is checked on the note as stored, inside one transaction that then locks the note (status,
 * signer, time, content hash), numbers the plan's session and completes the appointment, or does none of it.
 */
@Injectable()
export class VisitSigningService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
    private readonly clinicians: ClinicianService,
    private readonly consents: ConsentsService,
    private readonly lifecycle: AppointmentLifecycleService,
  ) {}

  /** Signs the note at `version`: 422 listing every failed rule, 409 when stale or already signed. */
  async sign(user: RequestUser, id: string, version: number): Promise<VisitNote> {
    try {
      return await this.prisma.$transaction((tx) => this.signWithin(tx, user, id, version));
    } catch (error) {
      const database = postgresErrorInfo(error);
      if (database?.sqlState === SQLSTATE.uniqueViolation && database.constraint === PLAN_SESSION_KEY) {
        throw new ConflictError('Another note of this treatment plan was signed at the same moment; sign again to take the next session number', [
          { entity: 'visit-note', id, message: 'the session number was taken by a note signed at the same time' },
        ]);
      }
      throw error;
    }
  }

  private async signWithin(tx: Prisma.TransactionClient, user: RequestUser, id: string, version: number): Promise<VisitNote> {
    const note = await lockVisibleNote(tx, user, id);
    await assertOwnClinician(tx, user, { clinicianId: note.clinicianId, clinicianName: note.clinician.displayName }, 'sign');
    assertDraft(note);
    if (note.version !== version) throw new StaleVersionError('visit note', note.version);

    const violations = signViolations(await this.factsOf(tx, note));
    if (violations.length > 0) {
      throw new RuleViolationError(`The note cannot be signed yet: ${violations.map((v) => v.rule).join(', ')}`, violations);
    }
    const sessionNumber = note.planId ? await this.nextSessionOf(tx, note.planId) : null;
    const { count } = await tx.visitNote.updateMany({
      where: { id: note.id, version, status: 'draft' },
      data: { status: 'signed', signedAt: new Date(), signedById: user.id, contentHash: visitContentHash(note), sessionNumber, version: { increment: 1 } },
    });
    if (count === 0) throw new StaleVersionError('visit note');
    await this.lifecycle.complete(user, note.appointmentId, tx);
    const signed = await visibleNote(tx, user, note.id);
    await this.audit.record(
      user,
      {
        action: 'sign',
        entityType: 'visit-note',
        entityId: note.id,
        patientId: note.patientId,
        clinicId: note.clinicId,
        detail: { contentHash: signed.contentHash, sessionNumber, planId: note.planId, appointmentId: note.appointmentId },
      },
      tx,
    );
    return visitNoteOf(tx, signed);
  }

  /** Authorisation and consent are judged on the visit's day, not the day of signing: a late signature changes nothing. */
  private async factsOf(tx: Prisma.TransactionClient, note: VisitRow): Promise<SignFacts> {
    const visitDate = isoDay(note.visitDate);
    const thoraxNeedled = note.sites.some((site) => site.muscle.thoraxRisk);
    const authorisation = await this.clinicians.authorisationOn(note.clinicianId, 'ims', visitDate, tx);
    const consent = await this.consents.inForceOn(note.patientId, visitDate, tx);
    const thoraxConsent = thoraxNeedled ? await this.consents.inForceOn(note.patientId, visitDate, tx, { thorax: true }) : null;
    return {
      visitDate,
      clinicianName: note.clinician.displayName,
      imsAuthorised: authorisation !== null,
      consentInForce: consent !== null,
      thoraxConsentInForce: thoraxConsent !== null,
      needlingDone: note.needlingDone,
      painBefore: note.painBefore,
      painAfter: note.painAfter,
      assessment: note.assessment,
      sites: note.sites.map((site) => ({
        muscleName: site.muscle.name,
        depthCm: site.depthCm.toNumber(),
        depthMinCm: site.muscle.depthMinCm.toNumber(),
        depthMaxCm: site.muscle.depthMaxCm.toNumber(),
        depthAckReason: site.depthAckReason,
        thoraxRisk: site.muscle.thoraxRisk,
      })),
      adverseEventKinds: note.adverseEvents.map((event) => event.kind),
      needleCount: { opened: note.needlesOpened, removed: note.needlesRemoved, retained: note.needlesRetained, disposed: note.needlesDisposed },
    };
  }

  /**
   * Session n of a plan is its n-th signed note. The plan's row is locked so signatures of one plan take their numbers
   * one after another (FOR NO KEY UPDATE: drafts may still link to the plan meanwhile); the unique index
   * visit_note_plan_session_key still refuses a duplicate whatever happens.
   */
  private async nextSessionOf(tx: Prisma.TransactionClient, planId: string): Promise<number> {
    await tx.$queryRaw`SELECT id FROM treatment_plan WHERE id = ${planId}::uuid FOR NO KEY UPDATE`;
    return (await tx.visitNote.count({ where: { planId, status: 'signed' } })) + 1;
  }
}
