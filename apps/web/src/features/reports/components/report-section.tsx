import { Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import type { ReactNode } from 'react';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { CsvExportButton } from './csv-export-button';

interface ReportSectionProps<T extends { generatedAt: string }> {
  title: string;
  query: UseQueryResult<T>;
  csv: { url: string; filename: string; what: string };
  children: (report: T) => ReactNode;
}

/** A tab's frame: its heading with the CSV export, then the report once loaded (or why it is not). */
export function ReportSection<T extends { generatedAt: string }>({ title, query, csv, children }: ReportSectionProps<T>) {
  return (
    <Paper p="md">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4">
              {title}
            </Title>
            {query.data ? (
              <Text size="xs" c="dimmed">
                Generated {DateTime.fromISO(query.data.generatedAt).toFormat('ccc d LLL yyyy, HH:mm')}
                {query.isFetching ? ' · updating…' : ''}
              </Text>
            ) : null}
          </div>
          <CsvExportButton {...csv} />
        </Group>
        {query.isPending ? <Skeleton h={280} aria-label={`Loading the ${title.toLowerCase()}`} /> : null}
        {query.isError ? <ErrorPanel title={`Could not load the ${title.toLowerCase()}`} error={query.error} onRetry={() => void query.refetch()} /> : null}
        {query.data ? children(query.data) : null}
      </Stack>
    </Paper>
  );
}
