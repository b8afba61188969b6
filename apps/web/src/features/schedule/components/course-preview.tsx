import type { SeriesCommitRequest, SeriesCommitResponse, SeriesOccurrence, SeriesPreviewRequest, SeriesPreviewResponse } from '@ims/contracts';
import { Alert, Badge, Button, Group, Radio, Stack, Table, Text } from '@mantine/core';
import type { z } from 'zod';
import { useState } from 'react';
import { isApiError } from '../../../lib/api-client';
import { useIdempotencyKey } from '../../patients/use-idempotency-key';
import { formatClinicDateTime } from '../clinic-time';
import { chosenOccurrences, clashingChoices, defaultChoices, type OccurrenceChoice } from '../course-choices';
import { useSeriesCommit } from '../series-api';
import { SlotProblemAlert } from './slot-problem-alert';

const DST_NOTE = {
  skipped_hour: 'This time does not exist that day (clocks go forward)',
  repeated_hour: 'This time occurs twice that day (clocks go back)',
} as const;

interface CoursePreviewProps {
  request: SeriesPreviewRequest;
  preview: SeriesPreviewResponse;
  /** Set when the preview was re-run because a slot was taken during the commit. */
  notice?: string;
  onCommitted: (result: z.infer<typeof SeriesCommitResponse>) => void;
  /** A chosen slot was taken meanwhile (409): the page previews again. */
  onSlotTaken: () => void;
  onBack: () => void;
}

/**
 * Every occurrence of the course with its state (free, the conflict's reason, a DST warning) and a choice per row:
 * as planned, one of the API's alternatives, or skip. The commit books the chosen ones in one request: all or none.
 */
export function CoursePreview({ request, preview, notice, onCommitted, onSlotTaken, onBack }: CoursePreviewProps) {
  const [choices, setChoices] = useState<OccurrenceChoice[]>(() => defaultChoices(preview.occurrences));
  const commit = useSeriesCommit();
  const keyFor = useIdempotencyKey();
  const chosen = chosenOccurrences(preview.occurrences, choices);
  const clashes = clashingChoices(preview.occurrences, choices);
  const tz = preview.timeZone;

  const book = () => {
    const body: SeriesCommitRequest = { ...request, occurrences: chosen };
    commit.mutate(
      { body, idempotencyKey: keyFor(body) },
      {
        onSuccess: (result) => onCommitted(result),
        onError: (error) => {
          if (isApiError(error, 409)) onSlotTaken();
        },
      },
    );
  };

  return (
    <Stack gap="md">
      {notice ? (
        <Alert color="orange" variant="light" title="A slot was taken meanwhile">
          {notice}
        </Alert>
      ) : null}
      {commit.isError && !isApiError(commit.error, 409) ? <SlotProblemAlert error={commit.error} what="booked" /> : null}
      <Table striped withTableBorder aria-label="Course preview">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>Planned</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Book</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.occurrences.map((occurrence, index) => (
            <Table.Tr key={occurrence.startsAt + index} data-testid={`occurrence-${index + 1}`}>
              <Table.Td>{index + 1}</Table.Td>
              <Table.Td>{formatClinicDateTime(occurrence.startsAt, tz)}</Table.Td>
              <Table.Td>
                <OccurrenceStatus occurrence={occurrence} />
                {clashes.has(index) ? <Text size="xs" c="red">Same time as another session of this course</Text> : null}
              </Table.Td>
              <Table.Td>
                <Radio.Group
                  name={`occurrence-${index}`}
                  aria-label={`Session ${index + 1}`}
                  value={choices[index]}
                  onChange={(value) => setChoices((current) => current.map((choice, i) => (i === index ? (value as OccurrenceChoice) : choice)))}
                >
                  <Stack gap={4}>
                    {occurrence.available ? <Radio value="planned" label="As planned" /> : null}
                    {occurrence.alternatives.map((alternative) => (
                      <Radio key={alternative.startsAt} value={`alt:${alternative.startsAt}`} label={formatClinicDateTime(alternative.startsAt, tz)} />
                    ))}
                    <Radio value="skip" label="Skip" />
                  </Stack>
                </Radio.Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button onClick={book} loading={commit.isPending} disabled={chosen.length === 0 || clashes.size > 0}>
          Book {chosen.length} {chosen.length === 1 ? 'session' : 'sessions'}
        </Button>
        <Button variant="default" onClick={onBack}>
          Change the course
        </Button>
        <Text size="sm" c="dimmed">
          {preview.occurrences.length - chosen.length} skipped
        </Text>
      </Group>
    </Stack>
  );
}

function OccurrenceStatus({ occurrence }: { occurrence: SeriesOccurrence }) {
  return (
    <Stack gap={2}>
      <Group gap={4}>
        {occurrence.available ? <Badge color="green" variant="light">Free</Badge> : <Badge color="red" variant="light">Conflict</Badge>}
        {occurrence.dst ? <Badge color="orange" variant="light">DST</Badge> : null}
      </Group>
      {occurrence.conflicts.map((conflict, index) => (
        <Text key={index} size="xs">
          {conflict.message}
        </Text>
      ))}
      {occurrence.dst ? <Text size="xs" c="orange">{DST_NOTE[occurrence.dst]}</Text> : null}
    </Stack>
  );
}
