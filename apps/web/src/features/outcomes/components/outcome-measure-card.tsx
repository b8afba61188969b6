import { outcomeInstrument, type OutcomeRecord, type PlanOutcomeMeasure } from '@ims/contracts';
import { Badge, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../patients/patient-format';
import { describeMcid, DIRECTION_LABELS, formatChange, formatScore, TIMEPOINT_LABELS } from '../outcome-format';
import { OutcomeChart } from './outcome-chart';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** "Session 4 · 3 Mar 2026, 10:04", "Discharge, session 10 · …". */
function when(record: OutcomeRecord): string {
  const label = TIMEPOINT_LABELS[record.timepoint];
  const at = record.timepoint === 'session' ? `Session ${record.atSession}` : record.atSession ? `${label}, session ${record.atSession}` : label;
  return `${at} · ${formatDateTime(record.takenAt)}`;
}

/** "Responder" once the latest record reached the MCID in the better direction; nothing before there is one to judge. */
export function ResponderBadge({ responder }: { responder: boolean | null }) {
  if (responder === null) return null;
  return (
    <Badge color={responder ? 'teal' : 'orange'} variant="filled">
      {responder ? 'Responder' : 'Non-responder'}
    </Badge>
  );
}

interface OutcomeMeasureCardProps {
  measure: PlanOutcomeMeasure;
  plannedSessions: number;
}

/**
 * One measure of the plan: its chart over the course and, beside it, baseline, latest, the change (absolute and %),
 * whether the MCID was reached, responder status and the MCID's source.
 */
export function OutcomeMeasureCard({ measure, plannedSessions }: OutcomeMeasureCardProps) {
  const { name, unit, baseline, latest, mcid, mcidTarget } = measure;
  const hasBaseline = outcomeInstrument(measure.measure).hasBaseline;
  const change = latest?.changeFromBaseline ?? null;
  return (
    <Paper withBorder p="md" component="section" aria-label={`${name} outcomes`}>
      <Group gap="sm" mb="sm">
        <Title order={3} size="h5">
          {name}
        </Title>
        {measure.primary ? (
          <Badge variant="light" color="blue">
            Primary measure
          </Badge>
        ) : null}
        <Text size="sm" c="dimmed">
          {DIRECTION_LABELS[measure.direction]}
        </Text>
      </Group>
      {measure.records.length === 0 ? (
        <Text size="sm" c="dimmed">
          No {name} recorded yet.
        </Text>
      ) : (
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <OutcomeChart measure={measure} plannedSessions={plannedSessions} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="sm">
              <Fact label="Baseline">
                {baseline ? (
                  <>
                    {formatScore(baseline.score, unit)}
                    <Text size="xs" c="dimmed">
                      {formatDateTime(baseline.takenAt)}
                    </Text>
                  </>
                ) : hasBaseline ? (
                  'Not recorded'
                ) : (
                  `None: ${name} rates the change itself`
                )}
              </Fact>
              <Fact label="Latest">
                {latest ? (
                  <>
                    {formatScore(latest.score, unit)}
                    <Text size="xs" c="dimmed">
                      {when(latest)}
                    </Text>
                  </>
                ) : (
                  'No reassessment yet'
                )}
              </Fact>
              <Fact label={hasBaseline ? 'Change from baseline' : 'Change (rated)'}>
                {change ? (
                  <Stack gap={4} align="flex-start">
                    <span>{formatChange(change)}</span>
                    <Group gap={6}>
                      <Badge color={change.mcidReached ? 'teal' : 'gray'} variant="light">
                        {change.mcidReached ? 'MCID reached' : 'Not reached'}
                      </Badge>
                      <ResponderBadge responder={measure.responder} />
                    </Group>
                  </Stack>
                ) : (
                  'Not yet measurable'
                )}
              </Fact>
              <Text size="xs" c="dimmed">
                MCID {describeMcid(measure.measure, mcid)}
                {mcidTarget !== null && hasBaseline ? ` (target ${formatScore(mcidTarget, unit)})` : ''}: {mcid.citation}
              </Text>
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Paper>
  );
}
