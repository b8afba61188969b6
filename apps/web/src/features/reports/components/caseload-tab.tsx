import { CASELOAD_DEFINITIONS } from '@ims/contracts';
import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { caseloadQueryOptions } from '../api';
import { reportPath, type DrilldownTarget } from '../report-query';
import type { ReportRange } from '../report-range';
import { CaseloadTable } from './caseload-table';
import { CaseloadUtilisationChart } from './caseload-utilisation-chart';
import { DefinitionsPanel } from './definitions-panel';
import { ReportSection } from './report-section';

const DEFINITION_TERMS: Record<keyof typeof CASELOAD_DEFINITIONS, string> = {
  activePlans: 'Active plans',
  patientsSeen: 'Patients seen',
  sessionsDelivered: 'Sessions delivered',
  bookedHours: 'Booked hours',
  availableHours: 'Available hours',
  utilisation: 'Utilisation',
  appointmentsDue: 'Appointments due',
  noShowRate: 'No-show rate',
  lateCancellationRate: 'Late cancellation rate',
  completedCourses: 'Completed courses',
  averageSessionsPerCompletedCourse: 'Sessions per completed course',
  discontinuedCourses: 'Discontinued courses',
  stalledCourses: 'Stalled courses',
  completionRate: 'Completion',
  reviewDue: 'Review due',
  cutOff: 'Cut-off',
};

const definitions = Object.entries(CASELOAD_DEFINITIONS).map(([key, definition]) => ({ term: DEFINITION_TERMS[key as keyof typeof CASELOAD_DEFINITIONS], definition }));

/** Caseload per clinician: the table with totals, utilisation as a chart, the definitions. */
export function CaseloadTab({ range, onDrill }: { range: ReportRange; onDrill: (target: DrilldownTarget) => void }) {
  const caseload = useQuery(caseloadQueryOptions(range));
  return (
    <ReportSection title="Caseload" query={caseload} csv={{ url: reportPath('caseload', range, { csv: true }), filename: 'caseload.csv', what: 'caseload' }}>
      {(report) =>
        report.clinicians.length === 0 ? (
          <Text c="dimmed">No clinician worked, was booked or held a plan at these clinics in the range.</Text>
        ) : (
          <>
            <CaseloadTable report={report} onDrill={onDrill} />
            <CaseloadUtilisationChart clinicians={report.clinicians} />
            <DefinitionsPanel items={definitions} />
          </>
        )
      }
    </ReportSection>
  );
}
