import { OUTCOMES_DEFINITIONS } from '@ims/contracts';
import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { outcomesQueryOptions } from '../api';
import { reportPath, type DrilldownTarget } from '../report-query';
import type { ReportRange } from '../report-range';
import { DefinitionsPanel } from './definitions-panel';
import { OutcomesChart } from './outcomes-chart';
import { OutcomesTable } from './outcomes-table';
import { ReportSection } from './report-section';

const DEFINITION_TERMS: Record<keyof typeof OUTCOMES_DEFINITIONS, string> = {
  cohort: 'Plans',
  records: 'Records counted',
  baseline: 'With baseline',
  session4: 'Session 4',
  discharge: 'Discharge',
  responder: 'Responder',
  share: 'Responder share',
  meanChange: 'Mean change',
};

const definitions = Object.entries(OUTCOMES_DEFINITIONS).map(([key, definition]) => ({ term: DEFINITION_TERMS[key as keyof typeof OUTCOMES_DEFINITIONS], definition }));

/** Outcomes by condition: responders at session 4 and at discharge with their counts, mean change, a chart. */
export function OutcomesTab({ range, onDrill }: { range: ReportRange; onDrill: (target: DrilldownTarget) => void }) {
  const outcomes = useQuery(outcomesQueryOptions(range));
  return (
    <ReportSection title="Outcomes" query={outcomes} csv={{ url: reportPath('outcomes', range, { csv: true }), filename: 'outcomes.csv', what: 'outcomes' }}>
      {(report) =>
        report.rows.length === 0 ? (
          <Text c="dimmed">No treatment plan was active at these clinics in the range.</Text>
        ) : (
          <>
            <OutcomesTable report={report} onDrill={onDrill} />
            <OutcomesChart report={report} />
            <DefinitionsPanel items={definitions} />
          </>
        )
      }
    </ReportSection>
  );
}
