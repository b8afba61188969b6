import type { Clinician, WaitlistEntry } from '@ims/contracts';
import { Button, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../../lib/error-message';
import { formatClinicWeekdayTime, toLocalDateTime, type LocalDateTime } from '../../schedule/clinic-time';
import { waitlistOffersQueryOptions } from '../api';

/** A waitlisted patient offered a freed slot: what the booking drawer needs to start prefilled. */
export interface OfferBooking {
  /** The freed slot's start on the clinic's wall clock, as the API dated it: the booking sends it back as such. */
  localStartsAt: LocalDateTime;
  clinicianId: string;
  appointmentTypeId: string;
  entry: WaitlistEntry;
}

interface WaitlistOffersProps {
  clinicId: string;
  timeZone: string;
  range: { from: string; to: string };
  clinicians: readonly Clinician[];
  canBook: boolean;
  onBook: (offer: OfferBooking) => void;
}

const FREED_BY = { cancelled: 'cancelled', no_show: 'no-show', moved: 'moved' } as const;

/** Slots freed in the visible range (cancellations, no-shows, moves) and the waitlist entries that fit each. */
export function WaitlistOffers({ clinicId, timeZone, range, clinicians, canBook, onBook }: WaitlistOffersProps) {
  const offers = useQuery(waitlistOffersQueryOptions({ clinicId, ...range }));
  const names = new Map(clinicians.map((clinician) => [clinician.id, clinician.name]));

  if (offers.isPending) return <Loader size="sm" aria-label="Loading offers" />;
  if (offers.isError) return <Text size="sm" c="red">{errorMessage(offers.error)}</Text>;
  const withEntries = offers.data.filter((offer) => offer.entries.length > 0);
  if (withEntries.length === 0) return <Text size="sm" c="dimmed">No freed slot matches anyone waiting.</Text>;

  return (
    <Stack gap="sm" aria-label="Offers">
      {withEntries.map((offer) => {
        const when = formatClinicWeekdayTime(offer.slot.startsAt, timeZone);
        const who = names.get(offer.slot.clinicianId) ?? 'another clinician';
        const count = offer.entries.length;
        return (
          <Card key={`${offer.slot.appointmentId}:${offer.slot.startsAt}`} withBorder padding="xs">
            <Text size="sm" fw={500}>
              Slot freed: {when} with {who} → {count} matching {count === 1 ? 'entry' : 'entries'}
            </Text>
            <Text size="xs" c="dimmed" mb={4}>
              ({FREED_BY[offer.slot.freedBy]})
            </Text>
            <Stack gap={4}>
              {offer.entries.map((entry) => (
                <Group key={entry.id} justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" truncate>
                    {entry.patientName} · priority {entry.priority}
                  </Text>
                  {canBook ? (
                    <Button
                      size="compact-xs"
                      aria-label={`Book ${entry.patientName} at ${when}`}
                      onClick={() =>
                        onBook({ localStartsAt: toLocalDateTime(offer.slot.startsAt, timeZone), clinicianId: offer.slot.clinicianId, appointmentTypeId: entry.appointmentTypeId ?? offer.slot.appointmentTypeId, entry })
                      }
                    >
                      Book
                    </Button>
                  ) : null}
                </Group>
              ))}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
