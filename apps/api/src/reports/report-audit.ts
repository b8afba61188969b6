import type { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';

/**
 * Reports read clinical data, so every request is audited: one event naming the report, its range, clinics and
 * format; a drill-down page also records one read per patient it lists, so each patient's access log shows that a
 * manager saw them. A CSV export (possibly a year of a chain) is one event with its filters, not one per row.
 */
export async function auditReportRead(
  audit: AuditService,
  user: RequestUser,
  report: string,
  detail: Record<string, unknown>,
  patientIds: readonly string[] = [],
): Promise<void> {
  const patients = [...new Set(patientIds)];
  await audit.recordMany(user, [
    { action: 'read', entityType: 'report', entityId: report, detail: { ...detail, ...(patients.length > 0 ? { patients: patients.length } : {}) } },
    ...patients.map((patientId) => ({ action: 'read', entityType: 'report', entityId: report, patientId })),
  ]);
}
