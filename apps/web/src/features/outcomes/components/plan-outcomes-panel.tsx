import { REVIEW_AT_SESSION } from '@ims/contracts';
import { Alert, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { planOutcomesQueryOptions } from '../api';
import type { OutcomeFormPreset } from '../outcome-form';
import { NprsVisitsTable } from './nprs-visits-table';
import { OutcomeDueList } from './outcome-due-list';
import { OutcomeMeasureCard } from './outcome-measure-card';
import { RecordOutcomeDialog } from './record-outcome-dialog';

interface PlanOutcomesPanelProps {
  planId: string;
  /** Physiotherapists record outcomes; managers read them. */
  canRecord: boolean;
}

/**
 * The plan's outcomes: the session-4 review flag when the primary measure has not moved enough, what is due, each
 * measure charted over the course with its change and responder status, and pain before and after each visit.
 */
export function PlanOutcomesPanel({ planId, canRecord }: PlanOutcomesPanelProps) {
  const outcomes = useQuery(planOutcomesQueryOptions(planId));
  const [recording, setRecording] = useState<{ preset?: OutcomeFormPreset } | null>(null);
  const data = outcomes.data;

  return (
    <Paper p="lg" component="section" aria-labelledby="plan-outcomes-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="plan-outcomes-title">
          Outcomes
        </Title>
        {canRecord && data ? <Button onClick={() => setRecording({})}>Record outcome</Button> : null}
      </Group>
      {outcomes.isPending ? (
        <Skeleton h={240} aria-label="Loading the outcomes" />
      ) : outcomes.isError ? (
        <ErrorPanel title="Could not load the outcomes" error={outcomes.error} onRetry={() => void outcomes.refetch()} />
      ) : (
        <Stack gap="md">
          {outcomes.data.review.flagged ? (
            <Alert color="orange" variant="light" title={`No meaningful change by session ${REVIEW_AT_SESSION}: review the plan`}>
              {outcomes.data.review.reason}
            </Alert>
          ) : null}
          <OutcomeDueList
            due={outcomes.data.due}
            canRecord={canRecord}
            onRecord={(due) => setRecording({ preset: { measure: due.measure, timepoint: due.timepoint, sessionNumber: due.sessionNumber } })}
          />
          {outcomes.data.measures.length === 0 ? (
            <Text size="sm" c="dimmed">
              No outcome measures recorded yet.
            </Text>
          ) : null}
          {outcomes.data.measures.map((measure) => (
            <OutcomeMeasureCard key={measure.measure} measure={measure} plannedSessions={outcomes.data.plannedSessions} />
          ))}
          <NprsVisitsTable nprs={outcomes.data.nprsByVisit} />
        </Stack>
      )}
      {data ? <RecordOutcomeDialog outcomes={data} opened={recording !== null} preset={recording?.preset} onClose={() => setRecording(null)} /> : null}
    </Paper>
  );
}
