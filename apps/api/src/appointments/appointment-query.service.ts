import { Injectable } from '@nestjs/common';
import type { Appointment, AppointmentStatus } from '@ims/contracts';
import type { Prisma, PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import type { RequestUser } from '../common/access/request-user';
import { InvalidInputError } from '../common/problem/domain-errors';
import { isUuid } from '../clinicians/clinician-lookup';
import { visibleAppointment, visibleClinic, visibleClinicFilter } from './appointment-access';
import { loadHistory } from './appointment-history';
import { APPOINTMENT_INCLUDE, toAppointment } from './appointment-view';

/** The widest window one list may cover: a year of a clinic's schedule is already thousands of rows. */
const MAX_RANGE_DAYS = 366;

export interface ListFilters {
  from: string;
  to: string;
  clinicId?: string;
  clinicianId?: string;
  roomId?: string;
  patientId?: string;
  status?: AppointmentStatus;
}

/** The schedule as each user may see it: clinics they work in; managers and admins the whole organisation. */
@Injectable()
export class AppointmentQueryService {
  constructor(@InjectPrisma() private readonly prisma: PrismaClient) {}

  /** Appointments overlapping [from, to), sorted by start; a clinic the user may not see is a 404. */
  async list(user: RequestUser, filters: ListFilters): Promise<{ items: Appointment[] }> {
    const from = new Date(filters.from);
    const to = new Date(filters.to);
    if (to.getTime() <= from.getTime()) throw new InvalidInputError('to: must be after from', [{ path: 'to', message: 'must be after from' }]);
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
      throw new InvalidInputError(`to: the range may span at most ${MAX_RANGE_DAYS} days`, [{ path: 'to', message: `must be within ${MAX_RANGE_DAYS} days of from` }]);
    }
    if (filters.clinicId) await visibleClinic(this.prisma, user, filters.clinicId);
    const where: Prisma.AppointmentWhereInput = {
      organisationId: user.organisationId,
      // The CHECK appointment_at_most_a_day makes the lower bound exact and lets the start index answer a range.
      startsAt: { gte: new Date(from.getTime() - 86_400_000), lt: to },
      endsAt: { gt: from },
      AND: [
        { clinicId: filters.clinicId ?? visibleClinicFilter(user) },
        ...(filters.clinicianId ? [{ clinicianId: filters.clinicianId }] : []),
        ...(filters.roomId ? [{ roomId: filters.roomId }] : []),
        ...(filters.patientId ? [{ patientId: filters.patientId }] : []),
        ...(filters.status ? [{ status: filters.status }] : []),
      ],
    };
    // Ids that are not UUIDs match nothing; PostgreSQL would refuse them as uuid values.
    if ([filters.clinicianId, filters.roomId, filters.patientId].some((id) => id !== undefined && !isUuid(id))) return { items: [] };
    const rows = await this.prisma.appointment.findMany({ where, include: APPOINTMENT_INCLUDE, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] });
    return { items: rows.map(toAppointment) };
  }

  async get(user: RequestUser, id: string): Promise<Appointment> {
    return toAppointment(await visibleAppointment(this.prisma, user, id));
  }

  /** Who created, moved and changed the status of the appointment, and when: oldest first. */
  async history(user: RequestUser, id: string) {
    const appointment = await visibleAppointment(this.prisma, user, id);
    return loadHistory(this.prisma, appointment);
  }
}
