import type { VisitNote } from '@ims/contracts';
import { Button, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../lib/error-message';
import { visitQueryOptions, visitsQueryOptions } from '../api';
import { siteRowCopiedFrom, type SiteRow } from '../site-rows';
import { formatVisitTime } from '../visit-format';

/**
 * "Start from previous visit": the sites of this patient's last signed note before this visit, copied as starting
 * rows (muscle, side, level, needle, depth, technique); what is observed today (twitch, tolerance) is left to chart.
 */
export function PreviousVisitButton({ visit, onCopy }: { visit: VisitNote; onCopy: (rows: SiteRow[]) => void }) {
  const queryClient = useQueryClient();
  const signed = useQuery(visitsQueryOptions({ patientId: visit.patientId, status: 'signed', pageSize: 20 }));
  const [error, setError] = useState<unknown>(null);
  const [copying, setCopying] = useState(false);
  const previous = (signed.data ?? [])
    .filter((summary) => summary.id !== visit.id && Date.parse(summary.visitedAt) < Date.parse(visit.visitedAt) && summary.muscleCodes.length > 0)
    .toSorted((a, b) => Date.parse(b.visitedAt) - Date.parse(a.visitedAt))[0];

  if (!previous) return null;

  const copy = async () => {
    setCopying(true);
    setError(null);
    try {
      const note = await queryClient.fetchQuery(visitQueryOptions(previous.id));
      onCopy(note.sites.map(siteRowCopiedFrom));
    } catch (failure) {
      setError(failure);
    } finally {
      setCopying(false);
    }
  };

  return (
    <div>
      <Button variant="default" size="xs" loading={copying} onClick={() => void copy()} title={`Signed visit of ${formatVisitTime(previous.visitedAt)}`}>
        Start from previous visit ({previous.muscleCodes.length} muscle{previous.muscleCodes.length === 1 ? '' : 's'})
      </Button>
      {error ? (
        <Text size="xs" c="red" role="alert">
          Could not copy the previous sites: {errorMessage(error)}
        </Text>
      ) : null}
    </div>
  );
}
