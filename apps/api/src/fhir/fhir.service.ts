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
    const [patient, consentRows, appointments] = await Promise.all([
      this.prisma.patient.findUniqueOrThrow({ where: { id }, include: { homeClinic: { select: { timeZone: true } } } }),
      this.prisma.imsConsent.findMany({ where: { patientId: id } }),
      this.prisma.appointment.findMany({
        where: { patientId: id },
        orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
        include: { clinic: { select: { name: true } }, clinician: { select: { displayName: true } }, appointmentType: { select: { name: true } }, room: { select: { name: true } } },
      }),
    ]);
    const consents = consentRows.map(asRecord).sort(compareNewestFirst);
    const { homeClinic, ...patientRow } = patient;
    const bundle = buildPatientBundle({
      patient: patientRow,
      consents,
      appointments,
      userNames: await userNames(this.prisma, consents.map((consent) => consent.takenById)),
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
      detail: { format: 'fhir-r4', bundleId: bundle.id, consents: consents.length, appointments: appointments.length },
    });
    return bundle;
  }
}
