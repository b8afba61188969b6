import { ATTENDANCE_DEFINITIONS, type AttendanceMetric, type AttendanceReport } from '@ims/contracts';
import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { DrilldownTarget } from '../report-query';
import { formatCount, formatDecimal, formatPercent } from '../report-format';
import { ATTENDANCE_METRIC_LABELS } from '../report-labels';
import { ColumnHelp } from './column-help';
import { FigureButton } from './figure-button';

const D = ATTENDANCE_DEFINITIONS;

function Stat({ label, definition, children }: { label: string; definition: string; children: ReactNode }) {
  return (
    <Paper p="sm" role="group" aria-label={label}>
      <Text size="sm" c="dimmed" component="div">
        <ColumnHelp label={label} definition={definition} />
      </Text>
      <Text size="xl" fw={600} component="div">
        {children}
      </Text>
    </Paper>
  );
}

/** The attendance and waitlist totals as figures, every count opening its rows. */
export function AttendanceFigures({ report, onDrill }: { report: AttendanceReport; onDrill: (target: DrilldownTarget) => void }) {
  const figure = (metric: AttendanceMetric, count: number, shown = formatCount(count), label = ATTENDANCE_METRIC_LABELS[metric]) => (
    <FigureButton label={`${label}: ${shown}`} onClick={() => onDrill({ report: 'attendance', metric, title: ATTENDANCE_METRIC_LABELS[metric] })}>
      {shown}
    </FigureButton>
  );
  const { arrivals, cancellations, noShows, waitlist } = report;

  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm">
      <Stat label="Appointments" definition={D.appointments}>
        {figure('appointments', report.appointments)}
      </Stat>
      <Stat label="Arrivals" definition={D.arrivals}>
        {figure('arrivals', arrivals.count)} of {figure('appointments', arrivals.of)}
        <Text span size="sm" c="dimmed">{` (${formatPercent(arrivals.percent)})`}</Text>
      </Stat>
      <Stat label="Cancellations" definition={D.cancellations}>
        {figure('cancellations', cancellations.total)}
        <Text span size="sm" c="dimmed">
          {' '}
          ({figure('lateCancellations', cancellations.late)} late)
        </Text>
      </Stat>
      <Stat label="No-shows" definition={D.noShows}>
        {figure('noShows', noShows.total)}
      </Stat>
      <Stat label="Waiting on the list" definition={D.waitlistWaiting}>
        {figure('waitlistWaiting', waitlist.waiting)}
      </Stat>
      <Stat label="Added to the waitlist" definition={D.waitlistAdded}>
        {figure('waitlistAdded', waitlist.added)}
      </Stat>
      <Stat label="Left the waitlist" definition={D.waitlistLeft}>
        {figure('waitlistLeft', waitlist.left)}
      </Stat>
      <Stat label="Median wait (days)" definition={`${D.waitlistLeft} ${D.currentWait}`}>
        {waitlist.medianWaitDays === null ? formatDecimal(null) : figure('waitlistLeft', waitlist.left, formatDecimal(waitlist.medianWaitDays), 'Median wait in days of those who left the list')}
        <Text span size="sm" c="dimmed">
          {' '}
          (still waiting:{' '}
          {waitlist.medianCurrentWaitDays === null ? formatDecimal(null) : figure('waitlistWaiting', waitlist.waiting, formatDecimal(waitlist.medianCurrentWaitDays), 'Median wait in days so far of those still waiting')})
        </Text>
      </Stat>
    </SimpleGrid>
  );
}
