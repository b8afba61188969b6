import type { AdverseEventKind, Addendum, VisitNote, VisitSite, VisitSummary } from '@ims/contracts';
import type { Prisma, VisitAddendum } from '@ims/prisma';
import { isoInZone } from '../appointments/appointment-view';
import { scheduleName } from '../appointments/conflict-lookup';
import { isoDay } from '../clinicians/clinician-view';
import { depthOutsideRange } from './sign-rules';

/** What a VisitNote payload needs from the database, loaded with the note in one query. */
export const VISIT_INCLUDE = {
  patient: { select: { firstName: true, lastName: true, preferredName: true } },
  clinician: { select: { displayName: true } },
  clinic: { select: { timeZone: true } },
  treatmentPlan: { select: { plannedSessions: true } },
  sites: { orderBy: { position: 'asc' }, include: { muscle: true } },
  adverseEvents: { orderBy: { position: 'asc' } },
  addenda: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.VisitNoteInclude;

export type VisitRow = Prisma.VisitNoteGetPayload<{ include: typeof VISIT_INCLUDE }>;
type SiteRow = VisitRow['sites'][number];

/** What a list row needs: names, the muscles needled (by code, for the course body map) and how many addenda. */
export const VISIT_SUMMARY_INCLUDE = {
  patient: { select: { firstName: true, lastName: true, preferredName: true } },
  clinician: { select: { displayName: true } },
  clinic: { select: { timeZone: true } },
  sites: { orderBy: { position: 'asc' }, select: { muscle: { select: { code: true } } } },
  _count: { select: { addenda: true } },
} satisfies Prisma.VisitNoteInclude;

export type VisitSummaryRow = Prisma.VisitNoteGetPayload<{ include: typeof VISIT_SUMMARY_INCLUDE }>;

/** The user ids a note's payload names (signer, addenda authors): resolve them with userNames. */
export const namedUsersOf = (row: VisitRow): Array<string | null> => [row.signedById, ...row.addenda.map((addendum) => addendum.authorId)];

export function toVisitSite(site: SiteRow): VisitSite {
  const muscle = { depthMinCm: site.muscle.depthMinCm.toNumber(), depthMaxCm: site.muscle.depthMaxCm.toNumber() };
  const depthCm = site.depthCm.toNumber();
  return {
    muscleId: site.muscleId,
    muscle: { code: site.muscle.code, name: site.muscle.name, region: site.muscle.region, ...muscle, thoraxRisk: site.muscle.thoraxRisk },
    side: site.side,
    level: site.level,
    gauge: site.gaugeMm.toNumber(),
    lengthMm: site.lengthMm,
    depthCm,
    depthAck: site.depthAckReason === null ? null : { reason: site.depthAckReason },
    depthOutsideRange: depthOutsideRange({ depthCm, ...muscle }),
    technique: site.technique,
    twitch: site.twitch,
    tolerance: site.tolerance,
  };
}

export function toAddendum(row: VisitAddendum, authorName: string): Addendum {
  return { id: row.id, author: { id: row.authorId, name: authorName }, reason: row.reason, text: row.text, createdAt: row.createdAt.toISOString() };
}

/** The VisitNote payload; `names` holds the display names of the users in namedUsersOf(row). */
export function toVisitNote(row: VisitRow, names: ReadonlyMap<string, string>): VisitNote {
  const nameOf = (id: string) => names.get(id) ?? 'Unknown user';
  return {
    id: row.id,
    version: row.version,
    appointmentId: row.appointmentId,
    clinicId: row.clinicId,
    patientId: row.patientId,
    patient: { id: row.patientId, name: scheduleName(row.patient) },
    clinicianId: row.clinicianId,
    clinician: { id: row.clinicianId, name: row.clinician.displayName },
    planId: row.planId,
    sessionNumber: row.sessionNumber,
    plannedSessions: row.treatmentPlan?.plannedSessions ?? null,
    status: row.status,
    visitedAt: isoInZone(row.visitedAt, row.clinic.timeZone),
    visitDate: isoDay(row.visitDate),
    painBefore: row.painBefore,
    painAfter: row.painAfter,
    subjective: row.subjective,
    objective: row.objective,
    assessment: row.assessment,
    plan: row.plan,
    advice: row.advice,
    screeningChanges: row.screeningChanges,
    needlingDone: row.needlingDone,
    sites: row.sites.map(toVisitSite),
    adverseEvents: row.adverseEvents.map((event) => ({ kind: event.kind as AdverseEventKind, detail: event.detail })),
    needleCount: { opened: row.needlesOpened, removed: row.needlesRemoved, retained: row.needlesRetained, disposed: row.needlesDisposed },
    minutesSpent: row.minutesSpent,
    signedAt: row.signedAt?.toISOString() ?? null,
    signedBy: row.signedById ? { id: row.signedById, name: nameOf(row.signedById) } : null,
    contentHash: row.contentHash,
    addenda: row.addenda.map((addendum) => toAddendum(addendum, nameOf(addendum.authorId))),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toVisitSummary(row: VisitSummaryRow): VisitSummary {
  return {
    id: row.id,
    appointmentId: row.appointmentId,
    status: row.status,
    visitedAt: isoInZone(row.visitedAt, row.clinic.timeZone),
    patient: { id: row.patientId, name: scheduleName(row.patient) },
    clinician: { id: row.clinicianId, name: row.clinician.displayName },
    planId: row.planId,
    sessionNumber: row.sessionNumber,
    painBefore: row.painBefore,
    painAfter: row.painAfter,
    muscleCodes: [...new Set(row.sites.map((site) => site.muscle.code))],
    addendaCount: row._count.addenda,
    signedAt: row.signedAt?.toISOString() ?? null,
  };
}
