import type { ProblemFieldError } from '@ims/contracts';
import type { RequestUser } from '../common/access/request-user';
import { InvalidInputError, RuleViolationError } from '../common/problem/domain-errors';
import { ofOrganisation } from '../common/lookup/of-organisation';
import type { Db } from './conflict-lookup';

export interface PartyIds {
  clinicId: string;
  patientId: string;
  clinicianId: string;
  roomId?: string | null;
  appointmentTypeId: string;
  planId?: string | null;
}

/** The clinician `clinicianId` of the organisation, refused (400 on `field`) unless bookable at the clinic. */
export async function clinicianAtClinic(db: Db, user: RequestUser, clinicianId: string, clinicId: string, field = 'clinicianId') {
  const clinician = await ofOrganisation('clinician', clinicianId, () =>
    db.clinician.findFirst({
      where: { id: clinicianId, organisationId: user.organisationId },
      select: { id: true, displayName: true, user: { select: { active: true, clinics: { select: { clinicId: true } } } } },
    }),
  );
  const errors: ProblemFieldError[] = [];
  if (!clinician.user.active) errors.push({ path: field, message: `${clinician.displayName} is no longer active` });
  else if (!clinician.user.clinics.some((c) => c.clinicId === clinicId)) errors.push({ path: field, message: `${clinician.displayName} does not work at this clinic` });
  if (errors.length > 0) throw invalid(errors);
  return clinician;
}

/** A room of the organisation that must belong to the clinic and be in use (400 `roomId` otherwise). */
export async function roomAtClinic(db: Db, user: RequestUser, roomId: string, clinicId: string) {
  const room = await ofOrganisation('room', roomId, () => db.room.findFirst({ where: { id: roomId, organisationId: user.organisationId } }));
  if (room.clinicId !== clinicId) throw invalid([{ path: 'roomId', message: `${room.name} is not a room of this clinic` }]);
  if (!room.active) throw invalid([{ path: 'roomId', message: `${room.name} is no longer in use` }]);
  return room;
}

/**
 * Checks that everything a new booking names belongs to the caller's organisation (404 otherwise) and fits
 * together (400 naming the field): the clinician works at the clinic, the room and type are the clinic's and in use,
 * the plan is the patient's. An archived or anonymised patient, or a closed plan, cannot be booked (422).
 */
export async function bookingParties(db: Db, user: RequestUser, ids: PartyIds) {
  const org = user.organisationId;
  const patient = await ofOrganisation('patient', ids.patientId, () =>
    db.patient.findFirst({ where: { id: ids.patientId, organisationId: org }, select: { id: true, archivedAt: true, anonymisedAt: true } }),
  );
  const clinician = await clinicianAtClinic(db, user, ids.clinicianId, ids.clinicId);
  const room = ids.roomId ? await roomAtClinic(db, user, ids.roomId, ids.clinicId) : null;
  const type = await ofOrganisation('appointment type', ids.appointmentTypeId, () =>
    db.appointmentType.findFirst({ where: { id: ids.appointmentTypeId, organisationId: org } }),
  );
  if (type.clinicId !== ids.clinicId) throw invalid([{ path: 'appointmentTypeId', message: `${type.name} is not offered at this clinic` }]);
  if (!type.active) throw invalid([{ path: 'appointmentTypeId', message: `${type.name} is no longer offered` }]);
  const plan = ids.planId
    ? await ofOrganisation('plan', ids.planId, () =>
        db.treatmentPlan.findFirst({ where: { id: ids.planId!, organisationId: org }, select: { id: true, patientId: true, status: true } }),
      )
    : null;
  if (plan && plan.patientId !== patient.id) throw invalid([{ path: 'planId', message: 'is a plan of another patient' }]);

  if (patient.archivedAt || patient.anonymisedAt) {
    throw new RuleViolationError('The patient is archived and cannot be booked', [
      { rule: 'patient-archived', message: 'restore the patient before booking' },
    ]);
  }
  if (plan && (plan.status === 'completed' || plan.status === 'discontinued')) {
    throw new RuleViolationError('The plan is closed and cannot take new sessions', [
      { rule: 'plan-closed', message: `the plan is ${plan.status}` },
    ]);
  }
  return { patient, clinician, room, type, plan };
}

function invalid(errors: ProblemFieldError[]): InvalidInputError {
  return new InvalidInputError(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
}
