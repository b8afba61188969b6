import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@ims/prisma';

/** A treatment room of a clinic. */
export async function createRoom(prisma: PrismaClient, options: { organisationId: string; clinicId: string; name?: string; active?: boolean }) {
  return prisma.room.create({
    data: {
      organisationId: options.organisationId,
      clinicId: options.clinicId,
      name: options.name ?? `Room ${randomUUID().slice(0, 8)}`,
      active: options.active ?? true,
    },
  });
}

/** An appointment type of a clinic (default: a 30-minute IMS treatment). */
export async function createAppointmentType(
  prisma: PrismaClient,
  options: { organisationId: string; clinicId: string; name?: string; kind?: 'initial_assessment' | 'treatment' | 'review'; durationMinutes?: number },
) {
  return prisma.appointmentType.create({
    data: {
      organisationId: options.organisationId,
      clinicId: options.clinicId,
      name: options.name ?? `Treatment ${randomUUID().slice(0, 8)}`,
      kind: options.kind ?? 'treatment',
      durationMinutes: options.durationMinutes ?? 30,
    },
  });
}
