import { Injectable } from '@nestjs/common';
import type { Appointment, AppointmentStatus } from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { FastSql } from '../database/fast-sql';
import type { RequestUser } from '../common/access/request-user';
import { InvalidInputError } from '../common/problem/domain-errors';
import { isUuid } from '../clinicians/clinician-lookup';
import { visibleAppointment, visibleClinic, visibleClinicFilter } from './appointment-access';
import { loadHistory } from './appointment-history';
import { appointmentListSql, listRowToAppointment, type AppointmentListRow } from './appointment-list-sql';
import { toAppointment } from './appointment-view';

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
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly fastSql: FastSql,
  ) {}

  /** Appointments overlapping [from, to), sorted by start; a clinic the user may not see is a 404. */
  async list(user: RequestUser, filters: ListFilters): Promise<{ items: Appointment[] }> {
    const from = new Date(filters.from);
    const to = new Date(filters.to);
    if (to.getTime() <= from.getTime()) throw new InvalidInputError('to: must be after from', [{ path: 'to', message: 'must be after from' }]);
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
      throw new InvalidInputError(`to: the range may span at most ${MAX_RANGE_DAYS} days`, [{ path: 'to', message: `must be within ${MAX_RANGE_DAYS} days of from` }]);
    }
    if (filters.clinicId) await visibleClinic(this.prisma, user, filters.clinicId);
    // Ids that are not UUIDs match nothing; PostgreSQL would refuse them as uuid values.
    if ([filters.clinicianId, filters.roomId, filters.patientId].some((id) => id !== undefined && !isUuid(id))) return { items: [] };
    const rows = await this.fastSql.preparedRows<AppointmentListRow>(
      appointmentListSql({
        organisationId: user.organisationId,
        from,
        to,
        clinicIds: filters.clinicId ? [filters.clinicId] : visibleClinicFilter(user)?.in,
        clinicianId: filters.clinicianId,
        roomId: filters.roomId,
        patientId: filters.patientId,
        status: filters.status,
      }),
    );
    return { items: rows.map(listRowToAppointment) };
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
