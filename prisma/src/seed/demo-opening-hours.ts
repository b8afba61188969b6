import type { PrismaClient } from '../generated/client/client';
import { timeOfDay } from './slot-book';

/** The demo clinics' weekly opening hours: ISO weekday (1 = Monday) to [opens, closes) wall-clock times. */
export const DEMO_OPENING_HOURS: ReadonlyArray<{ weekday: number; opensAt: string; closesAt: string }> = [
  ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '07:30', closesAt: '19:00' })),
  { weekday: 6, opensAt: '09:00', closesAt: '13:00' },
];

/**
 * Gives every demo clinic the same opening hours (Mon-Fri 07:30-19:00, Sat 09:00-13:00). The demo clinicians'
 * working hours fall inside them, so seeded and newly booked appointments obey both rules.
 */
export async function seedDemoOpeningHours(prisma: PrismaClient, organisationId: string, clinicIds: readonly string[]): Promise<void> {
  await prisma.clinicOpeningHours.createMany({
    data: clinicIds.flatMap((clinicId) =>
      DEMO_OPENING_HOURS.map((h) => ({ organisationId, clinicId, weekday: h.weekday, opensAt: timeOfDay(h.opensAt), closesAt: timeOfDay(h.closesAt) })),
    ),
  });
}
