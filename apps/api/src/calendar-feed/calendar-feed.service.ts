import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '@ims/prisma';
import type { z } from 'zod';
import type { CalendarFeedLink } from '@ims/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import { NotFoundError } from '../common/problem/domain-errors';
import type { RequestUser } from '../common/access/request-user';
import { clinicianOfOrganisation, isUuid } from '../clinicians/clinician-lookup';
import { clinicianCalendar } from './clinician-calendar';
import { hashFeedToken, newFeedToken } from './feed-token';

/** The feed covers the recent past (to look back at the week) and the booking horizon ahead. */
const FEED_DAYS_BACK = 30;
const FEED_DAYS_AHEAD = 180;
const DAY_MS = 86_400_000;

/**
 * Per-clinician iCalendar feeds at a secret URL. At most one live token per clinician: creating a link revokes the
 * previous one, deleting revokes it. Only the token's SHA-256 is stored; the URL is shown once.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: RequestUser, clinicianId: string, origin: string): Promise<z.infer<typeof CalendarFeedLink>> {
    await this.assertMayManage(actor, clinicianId);
    const { token, hash } = newFeedToken();
    const created = await this.prisma.$transaction(async (tx) => {
      // Serialise link changes per clinician, so two clicks cannot leave two live tokens.
      await tx.$queryRaw`SELECT id FROM clinician WHERE id = ${clinicianId}::uuid FOR UPDATE`;
      const revoked = await tx.calendarFeedToken.updateMany({ where: { clinicianId, revokedAt: null }, data: { revokedAt: new Date() } });
      const row = await tx.calendarFeedToken.create({ data: { organisationId: actor.organisationId, clinicianId, tokenHash: hash } });
      await this.audit.record(actor, { action: 'create', entityType: 'calendar_feed', entityId: row.id, detail: { clinicianId, revokedPrevious: revoked.count } }, tx);
      return row;
    });
    const base = this.config.APP_URL ?? origin;
    return { url: `${base.replace(/\/$/, '')}/api/clinicians/${clinicianId}/calendar.ics?token=${token}`, createdAt: created.createdAt.toISOString() };
  }

  async revoke(actor: RequestUser, clinicianId: string): Promise<void> {
    await this.assertMayManage(actor, clinicianId);
    await this.prisma.$transaction(async (tx) => {
      const revoked = await tx.calendarFeedToken.updateMany({ where: { clinicianId, revokedAt: null }, data: { revokedAt: new Date() } });
      if (revoked.count > 0) await this.audit.record(actor, { action: 'revoke', entityType: 'calendar_feed', entityId: clinicianId, detail: { clinicianId } }, tx);
    });
  }

  /** The feed for a live token of this clinician; anything else (wrong, revoked, another clinician's) is 404. */
  async render(clinicianId: string, token: string, now = new Date()): Promise<string> {
    const feed = isUuid(clinicianId)
      ? await this.prisma.calendarFeedToken.findFirst({
          where: { tokenHash: hashFeedToken(token), clinicianId, revokedAt: null },
          include: { clinician: { select: { displayName: true, organisationId: true } } },
        })
      : null;
    if (!feed) throw new NotFoundError('calendar feed', clinicianId);
    const appointments = await this.prisma.appointment.findMany({
      where: {
        clinicianId,
        organisationId: feed.clinician.organisationId,
        startsAt: { gte: new Date(now.getTime() - FEED_DAYS_BACK * DAY_MS), lt: new Date(now.getTime() + FEED_DAYS_AHEAD * DAY_MS) },
      },
      orderBy: { startsAt: 'asc' },
      include: {
        patient: { select: { firstName: true, preferredName: true, lastName: true } },
        appointmentType: { select: { name: true } },
        clinic: { select: { name: true } },
        room: { select: { name: true } },
      },
    });
    return clinicianCalendar({
      clinicianName: feed.clinician.displayName,
      appointments: appointments.map((row) => ({
        ...row,
        typeName: row.appointmentType.name,
        clinicName: row.clinic.name,
        roomName: row.room?.name ?? null,
      })),
    });
  }

  /**
   * A clinician manages their own feed; an admin manages anyone's. Another clinician's feed is answered like an
   * unknown one (404): whether a colleague has a feed is not the caller's business.
   */
  private async assertMayManage(actor: RequestUser, clinicianId: string): Promise<void> {
    const clinician = await clinicianOfOrganisation(this.prisma, actor.organisationId, clinicianId);
    if (!actor.roles.includes('admin') && clinician.userId !== actor.id) throw new NotFoundError('calendar feed', clinicianId);
  }
}
