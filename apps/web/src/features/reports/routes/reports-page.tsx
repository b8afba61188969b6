import { Paper, Skeleton, Stack, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { PageHeader } from '../../../components/ui/page-header';
import { useSessionUser } from '../../auth/use-session-user';
import { clinicsQueryOptions } from '../../clinics/api';
import { AttendanceTab } from '../components/attendance-tab';
import { CaseloadTab } from '../components/caseload-tab';
import { DrilldownDrawer } from '../components/drilldown/drilldown-drawer';
import { OutcomesTab } from '../components/outcomes-tab';
import { ReportFilters } from '../components/report-filters';
import type { DrilldownTarget } from '../report-query';
import { rangeFromParams, reportToday, withRange, type ReportRange } from '../report-range';

const TABS = [
  { value: 'caseload', label: 'Caseload' },
  { value: 'outcomes', label: 'Outcomes' },
  { value: 'attendance', label: 'Attendance' },
] as const;
type Tab = (typeof TABS)[number]['value'];

/**
 * `/reports` (managers): caseload, outcomes and attendance for a range of days and a choice of clinics, both in the
 * URL (`?tab=&from=&to=&clinicId=`) so a report can be reloaded and shared. Every figure opens the rows behind it.
 */
export function ReportsPage() {
  const user = useSessionUser();
  const clinics = useQuery(clinicsQueryOptions());
  const [params, setParams] = useSearchParams();
  const [target, setTarget] = useState<DrilldownTarget | null>(null);
  const requested = params.get('tab');
  const tab: Tab = TABS.some((entry) => entry.value === requested) ? (requested as Tab) : 'caseload';

  const header = (
    <PageHeader
      title="Reports"
      description="Caseload, outcomes and attendance of your clinics. Select any figure to see the appointments, plans or patients behind it."
    />
  );
  // The range defaults to this month in the clinics' zone: the clinics come first.
  if (clinics.isPending) {
    return (
      <>
        {header}
        <Skeleton h={320} aria-label="Loading the clinics" />
      </>
    );
  }
  if (clinics.isError) {
    return (
      <>
        {header}
        <ErrorPanel title="Could not load the clinics" error={clinics.error} onRetry={() => void clinics.refetch()} />
      </>
    );
  }

  const today = reportToday({ clinics: clinics.data, chosen: params.getAll('clinicId'), ownClinicIds: user.clinicIds });
  const range = rangeFromParams(params, today);
  const chosenNames = clinics.data.filter((clinic) => range.clinicIds.includes(clinic.id)).map((clinic) => clinic.name);
  const ownNames = clinics.data.filter((clinic) => user.clinicIds.includes(clinic.id)).map((clinic) => clinic.name);
  const applyRange = (next: ReportRange) => setParams((current) => withRange(current, next), { replace: true });
  const selectTab = (next: string | null) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      if (next && next !== 'caseload') updated.set('tab', next);
      else updated.delete('tab');
      return updated;
    });
  const tabProps = { range, onDrill: setTarget };

  return (
    <>
      {header}
      <Stack gap="lg">
        <Paper p="md">
          <ReportFilters key={`${range.from}|${range.to}|${range.clinicIds.join()}`} value={range} today={today} clinics={clinics.data} onChange={applyRange} />
        </Paper>
        <Tabs value={tab} onChange={selectTab} keepMounted={false}>
          <Tabs.List aria-label="Reports" mb="md">
            {TABS.map((entry) => (
              <Tabs.Tab key={entry.value} value={entry.value}>
                {entry.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="caseload">
            <CaseloadTab {...tabProps} />
          </Tabs.Panel>
          <Tabs.Panel value="outcomes">
            <OutcomesTab {...tabProps} />
          </Tabs.Panel>
          <Tabs.Panel value="attendance">
            <AttendanceTab {...tabProps} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
      <DrilldownDrawer target={target} range={range} clinicNames={range.clinicIds.length > 0 ? chosenNames : ownNames} onClose={() => setTarget(null)} />
    </>
  );
}
