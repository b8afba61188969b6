import { Injectable } from '@nestjs/common';
import type { CreateVisitRequest, ProblemFieldError, SaveVisitRequest, VisitNote } from '@ims/contracts';
import type { Prisma, PrismaClient } from '@ims/prisma';
import type { z } from 'zod';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { ConflictError, InvalidInputError, RuleViolationError, StaleVersionError } from '../common/problem/domain-errors';
import { visibleAppointment } from '../appointments/appointment-access';
import { dayIn } from '../clinicians/needling-authorisation';
import { dateColumn } from '../clinicians/clinician-view';
import { assertActivePatient, patientOfOrganisation } from '../consents/patient-lookup';
import { assertDraft, assertOwnClinician, visibleNote, visitNoteOf } from './visit-access';
import { siteInputErrors, type CatalogueMuscle } from './site-input-rules';

type SaveInput = z.output<typeof SaveVisitRequest>;

/** Visit notes as drafts: started from an arrived appointment, then saved whole (autosave) until signed. */
@Injectable()
export class VisitDraftsService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /**
   * Starts the note of an arrived appointment, copying its clinic, patient, clinician, plan and start time (the
   * clinical time; visitDate is its day in the clinic's zone). One note per appointment: a second start is 409
   * naming the existing note. With an `Idempotency-Key`, a retry replays the first response.
   */
  async create(user: RequestUser, body: CreateVisitRequest, idempotencyKey?: string): Promise<VisitNote> {
    return this.idempotency.run(user, { key: idempotencyKey, method: 'POST', path: '/api/visits', body }, async (tx) => {
      // Serialises two starts of the same appointment: the second waits, then finds the first one's note.
      await tx.$queryRaw`SELECT id FROM appointment WHERE id = ${body.appointmentId}::uuid AND organisation_id = ${user.organisationId}::uuid FOR UPDATE`;
      const appointment = await visibleAppointment(tx, user, body.appointmentId);
      await assertOwnClinician(tx, user, { clinicianId: appointment.clinicianId, clinicianName: appointment.clinician.displayName }, 'start');
      const existing = await tx.visitNote.findUnique({ where: { appointmentId: appointment.id }, select: { id: true, status: true } });
      if (existing) {
        throw new ConflictError('This appointment already has a visit note', [{ entity: 'visit-note', id: existing.id, message: `the ${existing.status} note of this appointment` }]);
      }
      if (appointment.status !== 'arrived') {
        const status = appointment.status.replace('_', '-');
        throw new RuleViolationError(`A visit note starts once the patient has arrived; this appointment is ${status}`, [
          { rule: 'appointment-arrived', message: `The appointment is ${status}: mark the patient's arrival before starting the visit note` },
        ]);
      }
      assertActivePatient(await patientOfOrganisation(tx, user, appointment.patientId));
      const clinic = await tx.clinic.findUniqueOrThrow({ where: { id: appointment.clinicId }, select: { timeZone: true } });
      const created = await tx.visitNote.create({
        data: {
          organisationId: user.organisationId,
          clinicId: appointment.clinicId,
          patientId: appointment.patientId,
          clinicianId: appointment.clinicianId,
          appointmentId: appointment.id,
          planId: appointment.planId,
          visitedAt: appointment.startsAt,
          visitDate: dateColumn(dayIn(clinic.timeZone, appointment.startsAt)),
          createdById: user.id,
        },
      });
      await this.audit.record(
        user,
        { action: 'create', entityType: 'visit-note', entityId: created.id, patientId: created.patientId, clinicId: created.clinicId, detail: { appointmentId: appointment.id } },
        tx,
      );
      return visitNoteOf(tx, await visibleNote(tx, user, created.id));
    });
  }

  /**
   * Saves the whole draft at `version`: the version check and the write are one UPDATE ... WHERE version, so of two
   * editors at the same version the second gets 409 and the first's content stays. Sites and adverse events are
   * replaced in the same transaction. A signed note is 409.
   */
  async save(user: RequestUser, id: string, body: SaveInput): Promise<VisitNote> {
    return this.prisma.$transaction(async (tx) => {
      const current = await visibleNote(tx, user, id);
      await assertOwnClinician(tx, user, { clinicianId: current.clinicianId, clinicianName: current.clinician.displayName }, 'edit');
      assertDraft(current);
      if (body.version !== current.version) throw new StaleVersionError('visit note', current.version);
      const planId = body.planId === undefined ? current.planId : body.planId;
      const errors = [...(await this.planErrors(tx, current.patientId, body.planId)), ...siteInputErrors(body, await this.musclesOf(tx, body.sites))];
      if (errors.length > 0) throw new InvalidInputError(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);

      const { count } = await tx.visitNote.updateMany({
        where: { id: current.id, version: body.version, status: 'draft' },
        data: { ...draftColumns(body), planId, version: { increment: 1 } },
      });
      if (count === 0) {
        const now = await tx.visitNote.findUniqueOrThrow({ where: { id: current.id }, select: { status: true, version: true } });
        assertDraft({ id: current.id, status: now.status });
        throw new StaleVersionError('visit note', now.version);
      }
      await tx.visitSite.deleteMany({ where: { visitNoteId: current.id } });
      await tx.visitSite.createMany({ data: body.sites.map((site, position) => siteColumns(current.id, position, site)) });
      await tx.visitAdverseEvent.deleteMany({ where: { visitNoteId: current.id } });
      await tx.visitAdverseEvent.createMany({
        data: body.adverseEvents.map((event, position) => ({ visitNoteId: current.id, position, kind: event.kind, detail: event.detail || null })),
      });
      await this.audit.record(
        user,
        {
          action: 'update',
          entityType: 'visit-note',
          entityId: current.id,
          patientId: current.patientId,
          clinicId: current.clinicId,
          detail: { version: body.version + 1, sites: body.sites.length, adverseEvents: body.adverseEvents.length },
        },
        tx,
      );
      return visitNoteOf(tx, await visibleNote(tx, user, current.id));
    });
  }

  /** A plan link must name a plan of the note's own patient (null unlinks; absent keeps the current link). */
  private async planErrors(tx: Prisma.TransactionClient, patientId: string, planId: string | null | undefined): Promise<ProblemFieldError[]> {
    if (!planId) return [];
    const plan = await tx.treatmentPlan.findFirst({ where: { id: planId, patientId }, select: { id: true } });
    return plan ? [] : [{ path: 'planId', message: "is not a treatment plan of this note's patient" }];
  }

  private async musclesOf(tx: Prisma.TransactionClient, sites: SaveInput['sites']): Promise<Map<string, CatalogueMuscle>> {
    const ids = [...new Set(sites.map((site) => site.muscleId))];
    if (ids.length === 0) return new Map();
    const rows = await tx.muscle.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, sided: true, levelled: true } });
    return new Map(rows.map((row) => [row.id, row]));
  }
}

function draftColumns(body: SaveInput) {
  return {
    painBefore: body.painBefore,
    painAfter: body.painAfter,
    subjective: body.subjective,
    objective: body.objective,
    assessment: body.assessment,
    plan: body.plan,
    advice: body.advice,
    screeningChanges: body.screeningChanges,
    needlingDone: body.needlingDone,
    needlesOpened: body.needleCount.opened,
    needlesRemoved: body.needleCount.removed,
    needlesRetained: body.needleCount.retained,
    needlesDisposed: body.needleCount.disposed,
    minutesSpent: body.minutesSpent,
  } satisfies Prisma.VisitNoteUpdateManyMutationInput;
}

function siteColumns(visitNoteId: string, position: number, site: SaveInput['sites'][number]): Prisma.VisitSiteCreateManyInput {
  return {
    visitNoteId,
    position,
    muscleId: site.muscleId,
    side: site.side,
    level: site.level || null,
    gaugeMm: site.gauge,
    lengthMm: site.lengthMm,
    depthCm: site.depthCm,
    depthAckReason: site.depthAck?.reason ?? null,
    technique: site.technique,
    twitch: site.twitch,
    tolerance: site.tolerance,
  };
}
