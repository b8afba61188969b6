import { ADVERSE_EVENT_KINDS, type VisitNote } from '@ims/contracts';
import { Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { needleBalance } from '../needle-balance';
import { painChange } from '../visit-format';
import { SitesTable } from './sites-table';

const EVENT_LABELS = new Map<string, string>(ADVERSE_EVENT_KINDS.map((kind) => [kind.key, kind.label]));

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={2} component="section" aria-label={title}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Prose({ text }: { text: string }) {
  return text.trim() ? (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      –
    </Text>
  );
}

/** The clinical content of a saved note, read-only: the same on screen and in print. */
export function VisitNoteContent({ visit }: { visit: VisitNote }) {
  const balance = needleBalance(visit.needleCount, visit.adverseEvents.map((event) => event.kind));
  const count = visit.needleCount;
  return (
    <Stack gap="md">
      <Group gap="xl">
        <Text size="sm">
          <Text span fw={600}>
            Pain (NPRS) before → after:
          </Text>{' '}
          {painChange(visit.painBefore, visit.painAfter)}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            Time spent:
          </Text>{' '}
          {visit.minutesSpent === null ? '–' : `${visit.minutesSpent} min`}
        </Text>
      </Group>
      <Block title="Screening changes since the last visit">
        <Prose text={visit.screeningChanges} />
      </Block>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Block title="Subjective">
          <Prose text={visit.subjective} />
        </Block>
        <Block title="Objective">
          <Prose text={visit.objective} />
        </Block>
        <Block title="Assessment">
          <Prose text={visit.assessment} />
        </Block>
        <Block title="Plan">
          <Prose text={visit.plan} />
        </Block>
      </SimpleGrid>
      <Block title="Needling sites">
        {visit.needlingDone ? <SitesTable sites={visit.sites} /> : <Text size="sm">No needling this visit.</Text>}
      </Block>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Block title="Adverse events">
          {visit.adverseEvents.length ? (
            <List size="sm">
              {visit.adverseEvents.map((event) => (
                <List.Item key={event.kind}>
                  {EVENT_LABELS.get(event.kind) ?? event.kind}
                  {event.detail ? `: ${event.detail}` : ''}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">None.</Text>
          )}
        </Block>
        <Block title="Needle count">
          <Text size="sm">
            Opened {count.opened} · removed {count.removed} · retained {count.retained} · disposed {count.disposed}
          </Text>
          <Text size="xs" c={balance.balanced ? 'teal' : 'red'}>
            {balance.balanced ? 'Balanced' : balance.problems.join(' ')}
          </Text>
        </Block>
      </SimpleGrid>
      <Block title="Advice given">
        <Prose text={visit.advice} />
      </Block>
    </Stack>
  );
}
