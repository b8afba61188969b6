import { ATTENDANCE_DEFINITIONS } from '@ims/contracts';
import { SimpleGrid, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { attendanceQueryOptions } from '../api';
import { reportPath, type DrilldownTarget } from '../report-query';
import type { ReportRange } from '../report-range';
import { AttendanceFigures } from './attendance-figures';
import { CancellationReasonsTable } from './cancellation-reasons-table';
import { DefinitionsPanel } from './definitions-panel';
import { NoShowGrid } from './no-show-grid';
import { ReportSection } from './report-section';

const DEFINITION_TERMS: Record<keyof typeof ATTENDANCE_DEFINITIONS, string> = {
  appointments: 'Appointments',
  arrivals: 'Arrivals',
  cancellations: 'Cancellations',
  noShows: 'No-shows',
  waitlistWaiting: 'Waiting on the list',
  waitlistAdded: 'Added to the waitlist',
  waitlistLeft: 'Left the waitlist',
  currentWait: 'Median wait of those still waiting',
};

const definitions = Object.entries(ATTENDANCE_DEFINITIONS).map(([key, definition]) => ({ term: DEFINITION_TERMS[key as keyof typeof ATTENDANCE_DEFINITIONS], definition }));

/** Attendance and the waitlist: who came, why others cancelled, when no-shows happen, how long people wait. */
export function AttendanceTab({ range, onDrill }: { range: ReportRange; onDrill: (target: DrilldownTarget) => void }) {
  const attendance = useQuery(attendanceQueryOptions(range));
  return (
    <ReportSection title="Attendance and waitlist" query={attendance} csv={{ url: reportPath('attendance', range, { csv: true }), filename: 'attendance.csv', what: 'attendance and waitlist' }}>
      {(report) => (
        <>
          <AttendanceFigures report={report} onDrill={onDrill} />
          <SimpleGrid cols={{ base: 1 }} spacing="lg">
            <Stack gap="xs">
              <Title order={3} size="h5">
                No-shows by weekday and hour
              </Title>
              <NoShowGrid noShows={report.noShows} onDrill={onDrill} />
            </Stack>
            <Stack gap="xs">
              <Title order={3} size="h5">
                Cancellations by reason
              </Title>
              <CancellationReasonsTable cancellations={report.cancellations} onDrill={onDrill} />
            </Stack>
          </SimpleGrid>
          <DefinitionsPanel items={definitions} />
        </>
      )}
    </ReportSection>
  );
}
