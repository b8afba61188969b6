import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Bundle } from 'fhir/r4';
import type { PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { dayIn } from '../clinicians/needling-authorisation';
import { compareNewestFirst } from '../consents/consent-in-force';
import { asRecord } from '../consents/consent-view';
import { patientOfOrganisation, userNames } from '../consents/patient-lookup';
import { buildPatientBundle } from './patient-bundle';

/** Record export as FHIR R4. Every export is audited: it is the widest read of a patient's record there is. */
@Injectable()
export class FhirService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  async exportPatient(user: RequestUser, patientId: string): Promise<Bundle> {
    const { id } = await patientOfOrganisation(this.prisma, user, patientId);
    const [patient, consentRows, appointments, visitRows, outcomes] = await Promise.all([
      this.prisma.patient.findUniqueOrThrow({ where: { id }, include: { homeClinic: { select: { timeZone: true } } } }),
      this.prisma.imsConsent.findMany({ where: { patientId: id } }),
      this.prisma.appointment.findMany({
        where: { patientId: id },
        orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
        include: { clinic: { select: { name: true } }, clinician: { select: { displayName: true } }, appointmentType: { select: { name: true } }, room: { select: { name: true } } },
      }),
      this.prisma.visitNote.findMany({
        where: { patientId: id },
        orderBy: [{ visitedAt: 'asc' }, { id: 'asc' }],
        include: {
          appointment: { select: { endsAt: true } },
          clinician: { select: { displayName: true } },
          treatmentPlan: { select: { condition: true, conditionDetail: true } },
          sites: { orderBy: { position: 'asc' }, include: { muscle: { select: { code: true, name: true } } } },
          adverseEvents: { orderBy: { position: 'asc' } },
          addenda: { orderBy: { createdAt: 'asc' } },
        },
      }),
      this.prisma.outcomeRecord.findMany({ where: { patientId: id }, orderBy: [{ takenAt: 'asc' }, { id: 'asc' }] }),
    ]);
    const names = await userNames(this.prisma, [...consentRows.map((consent) => consent.takenById), ...visitRows.flatMap((visit) => visit.addenda.map((addendum) => addendum.authorId))]);
    const visits = visitRows.map((visit) => ({
      ...visit,
      addenda: visit.addenda.map((addendum) => ({ ...addendum, authorName: names.get(addendum.authorId) ?? 'Unknown user' })),
    }));
    const consents = consentRows.map(asRecord).sort(compareNewestFirst);
    const { homeClinic, ...patientRow } = patient;
    const bundle = buildPatientBundle({
      patient: patientRow,
      consents,
      appointments,
      visits,
      outcomes,
      userNames: names,
      today: dayIn(homeClinic.timeZone),
      bundleId: randomUUID(),
      now: new Date(),
    });
    await this.audit.record(user, {
      action: 'export',
      entityType: 'patient',
      entityId: id,
      patientId: id,
      clinicId: patient.homeClinicId,
      detail: { format: 'fhir-r4', bundleId: bundle.id, consents: consents.length, appointments: appointments.length, visits: visits.length, outcomes: outcomes.length },
    });
    return bundle;
  }
}
