import type { Clinician } from '@ims/contracts';
import { Button, Card, Collapse, Divider, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../../lib/error-message';
import { waitlistQueryOptions } from '../api';
import { WaitlistEntries } from './waitlist-entries';
import { WaitlistEntryForm } from './waitlist-entry-form';
import { WaitlistOffers, type OfferBooking } from './waitlist-offers';

interface WaitlistPanelProps {
  clinicId: string;
  timeZone: string;
  /** The schedule's visible range: offers are the slots freed in it. */
  range: { from: string; to: string };
  clinicians: readonly Clinician[];
  canEdit: boolean;
  canBook: boolean;
  onBook: (offer: OfferBooking) => void;
}

/** The waitlist beside the schedule: who is waiting, freed slots that fit them, and adding someone. */
export function WaitlistPanel({ clinicId, timeZone, range, clinicians, canEdit, canBook, onBook }: WaitlistPanelProps) {
  const [open, { toggle }] = useDisclosure(true);
  const [adding, { toggle: toggleAdding, close: closeAdding }] = useDisclosure(false);
  const entries = useQuery(waitlistQueryOptions(clinicId));
  const count = entries.data?.length;

  return (
    <Card withBorder padding="md" component="section" aria-label="Waitlist">
      <Group justify="space-between">
        <Title order={2} size="h5">
          Waitlist{count !== undefined ? ` (${count})` : ''}
        </Title>
        <Button size="compact-xs" variant="subtle" onClick={toggle} aria-expanded={open}>
          {open ? 'Hide' : 'Show'}
        </Button>
      </Group>
      <Collapse in={open}>
        <Stack gap="sm" mt="sm">
          <Divider label="Offers for freed slots" labelPosition="left" />
          <WaitlistOffers clinicId={clinicId} timeZone={timeZone} range={range} clinicians={clinicians} canBook={canBook} onBook={onBook} />
          <Divider label="Waiting" labelPosition="left" />
          {entries.isPending ? <Loader size="sm" aria-label="Loading waitlist" /> : null}
          {entries.isError ? <Text size="sm" c="red">{errorMessage(entries.error)}</Text> : null}
          {entries.isSuccess ? <WaitlistEntries entries={entries.data} clinicians={clinicians} canEdit={canEdit} /> : null}
          {canEdit ? (
            <>
              <Button size="xs" variant={adding ? 'default' : 'light'} onClick={toggleAdding}>
                {adding ? 'Close the form' : 'Add to waitlist'}
              </Button>
              {adding ? <WaitlistEntryForm clinicId={clinicId} clinicians={clinicians} onAdded={closeAdding} /> : null}
            </>
          ) : null}
        </Stack>
      </Collapse>
    </Card>
  );
}
