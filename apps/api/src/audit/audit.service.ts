import { Injectable } from '@nestjs/common';
import { Prisma, type PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { FastSql } from '../database/fast-sql';

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
 * commits or rolls back with it; reads are recorded in their own statement, one prepared INSERT straight through the
 * pool (every audited read pays for it: through Prisma it cost about a millisecond of the API's CPU).
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly fastSql: FastSql,
  ) {}

  async record(actor: AuditActor, entry: AuditEntry, tx?: Db): Promise<void> {
    await this.recordMany(actor, [entry], tx);
  }

  async recordMany(actor: AuditActor, entries: AuditEntry[], tx?: Db): Promise<void> {
    if (entries.length === 0) return;
    if (!tx) {
      await this.fastSql.preparedRows(insertStatement(actor, entries));
      return;
    }
    await tx.auditEvent.createMany({
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

/** The entries as one INSERT: who once, as parameters; the entries as a JSON array of rows (inserted in order). */
function insertStatement(actor: AuditActor, entries: AuditEntry[]): Prisma.Sql {
  const rows = entries.map((entry) => ({
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    patient_id: entry.patientId ?? null,
    clinic_id: entry.clinicId ?? null,
    // No key for no detail: the column stays SQL NULL, as when written through Prisma.
    ...(entry.detail ? { detail: entry.detail } : {}),
  }));
  return Prisma.sql`INSERT INTO audit_event (organisation_id, user_id, user_email, ip_address, user_agent, request_id,
      action, entity_type, entity_id, patient_id, clinic_id, detail)
    SELECT ${actor.organisationId ?? null}::uuid, ${actor.id ?? null}::uuid, ${actor.email ?? null}::text, ${actor.ipAddress ?? null}::text,
      ${actor.userAgent?.slice(0, 512) ?? null}::text, ${actor.requestId ?? null}::text,
      e.action, e.entity_type, e.entity_id, e.patient_id, e.clinic_id, e.detail
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS e(action text, entity_type text, entity_id text, patient_id uuid, clinic_id uuid, detail jsonb)`;
}
