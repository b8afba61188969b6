import { z } from 'zod';
import { Id, IsoDateTime, PageQuery, pageOf } from './common';

export const AuditEvent = z.object({
  id: z.string(),
  at: IsoDateTime,
  userId: Id.nullable(),
  userEmail: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  patientId: Id.nullable(),
  clinicId: Id.nullable(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
export const AuditPage = pageOf(AuditEvent);

export const AuditQuery = PageQuery.extend({
  userId: Id.optional(),
  patientId: Id.optional(),
  action: z.string().max(50).optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
});
export type AuditQuery = z.input<typeof AuditQuery>;

/** `GET /api/patients/:id/access-log`: who read or changed a patient's record, newest first. */
export const AccessLogQuery = PageQuery;
