import type { Patient } from '@ims/contracts';
import { Accordion, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { screeningQueryOptions } from '../clinical-api';
import { formatDateTime } from '../patient-format';
import { ScreeningForm } from './screening-form';
import { ScreeningRecord } from './screening-record';

/** The Screening tab (physiotherapist): the current screening, a new one on demand, and every earlier one. */
export function ScreeningPanel({ patient }: { patient: Patient }) {
  const screening = useQuery(screeningQueryOptions(patient.id));
  const [recording, setRecording] = useState(false);

  if (screening.isPending) return <Skeleton h={240} aria-label="Loading the screening" />;
  if (screening.isError) {
    return <ErrorPanel title="Could not load the screening" error={screening.error} onRetry={() => void screening.refetch()} />;
  }
  const { current, history } = screening.data;
  const earlier = history.filter((entry) => entry.id !== current?.id);

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Current screening
        </Title>
        {recording || patient.anonymisedAt ? null : <Button onClick={() => setRecording(true)}>Record screening</Button>}
      </Group>
      {recording ? (
        <ScreeningForm
          patient={patient}
          current={current}
          onDone={() => setRecording(false)}
          onReload={() => void screening.refetch()}
          reloading={screening.isFetching}
        />
      ) : current ? (
        <ScreeningRecord screening={current} caption="Current screening" />
      ) : (
        <Text c="dimmed">Not screened yet.</Text>
      )}
      {earlier.length > 0 ? (
        <Stack gap="xs">
          <Title order={3} size="h5">
            Earlier screenings
          </Title>
          <Accordion variant="separated">
            {earlier.map((entry) => (
              <Accordion.Item key={entry.id} value={entry.id}>
                <Accordion.Control>
                  {formatDateTime(entry.recordedAt)} · {entry.recordedBy.name} ·{' '}
                  {entry.precautionsPresent ? `${entry.precautions.length} precaution(s)` : 'no precautions'}
                </Accordion.Control>
                <Accordion.Panel>
                  <ScreeningRecord screening={entry} caption={`Screening of ${formatDateTime(entry.recordedAt)}`} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Stack>
      ) : null}
    </Stack>
  );
}
