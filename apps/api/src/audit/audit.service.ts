import { Injectable } from '@nestjs/common';
import type { Prisma, PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';

/** What an audit row says happened, beyond who did it. */
export interface AuditEntry {
  /** read, create, update, delete, sign, archive, anonymise, login, login_failed, logout, ... */
  action: string;
  entityType: string;
  entityId?: string | null;
  patientId?: string | null;
  clinicId?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Who did it: usually the signed-in RequestUser; for a failed login, whatever is known (the email tried, the
 * organisation when the email exists, the address).
 */
export interface AuditActor {
  id?: string | null;
  organisationId?: string | null;
  email?: string | null;
  ipAddress?: string;
  userAgent?: string;
  requestId?: string;
}

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Writes the append-only audit trail. Pass the transaction (`tx`) of the write being recorded so the audit row
 * commits or rolls back with it; reads are recorded in their own statement.
 */
@Injectable()
export class AuditService {
  constructor(@InjectPrisma() private readonly prisma: PrismaClient) {}

  async record(actor: AuditActor, entry: AuditEntry, tx?: Db): Promise<void> {
    await this.recordMany(actor, [entry], tx);
  }

  async recordMany(actor: AuditActor, entries: AuditEntry[], tx?: Db): Promise<void> {
    if (entries.length === 0) return;
    await (tx ?? this.prisma).auditEvent.createMany({
      data: entries.map((entry) => ({
        organisationId: actor.organisationId ?? null,
        userId: actor.id ?? null,
        userEmail: actor.email ?? null,
        ipAddress: actor.ipAddress ?? null,
        userAgent: actor.userAgent?.slice(0, 512) ?? null,
        requestId: actor.requestId ?? null,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId ?? null,
        patientId: entry.patientId ?? null,
        clinicId: entry.clinicId ?? null,
        detail: (entry.detail ?? undefined) as Prisma.InputJsonValue | undefined,
      })),
    });
  }
}
