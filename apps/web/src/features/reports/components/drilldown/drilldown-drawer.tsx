import { Drawer, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorPanel } from '../../../../components/ui/error-panel';
import { ListPagination } from '../../../../components/ui/list-pagination';
import { DRILLDOWN_PAGE_SIZE, drilldownQueryOptions } from '../../api';
import { drilldownPath, type DrilldownTarget } from '../../report-query';
import type { ReportRange } from '../../report-range';
import { CsvExportButton } from '../csv-export-button';
import { formatReportDate } from './drilldown-dates';
import { DRILLDOWN_NOUNS, DrilldownRows } from './drilldown-rows';

interface DrilldownDrawerProps {
  target: DrilldownTarget | null;
  range: ReportRange;
  /** The names of the clinics the report covers, as it answered. */
  clinicNames: readonly string[];
  onClose: () => void;
}

/** The rows behind the figure the manager clicked, a page at a time, with the whole list as CSV. */
export function DrilldownDrawer({ target, onClose, ...props }: DrilldownDrawerProps) {
  return (
    <Drawer opened={target !== null} onClose={onClose} position="right" size={1040} title={target?.title ?? ''} closeButtonProps={{ 'aria-label': 'Close the list' }}>
      {target ? <DrilldownPanel key={JSON.stringify(target)} target={target} {...props} /> : null}
    </Drawer>
  );
}

function DrilldownPanel({ target, range, clinicNames }: Omit<DrilldownDrawerProps, 'onClose'> & { target: DrilldownTarget }) {
  const [page, setPage] = useState(1);
  const rows = useQuery(drilldownQueryOptions(target, range, page));
  const noun = rows.data ? DRILLDOWN_NOUNS[rows.data.kind] : 'rows';

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed">
          {formatReportDate(range.from)} to {formatReportDate(range.to)}
          {clinicNames.length > 0 ? ` · ${clinicNames.join(', ')}` : ''}
        </Text>
        <CsvExportButton url={drilldownPath(target, range, { csv: true })} filename={`${target.report}-${target.metric}.csv`} what={target.title} />
      </Group>
      {rows.isPending ? <Skeleton h={240} aria-label="Loading the list" /> : null}
      {rows.isError ? <ErrorPanel title="Could not load the list" error={rows.error} onRetry={() => void rows.refetch()} /> : null}
      {rows.data ? (
        <>
          {rows.data.total > 0 ? <DrilldownRows page={rows.data} caption={target.title} /> : null}
          <ListPagination page={page} pageSize={DRILLDOWN_PAGE_SIZE} total={rows.data.total} noun={noun} onChange={setPage} />
        </>
      ) : null}
    </Stack>
  );
}
