import type { ReportDrilldown, ReportDrilldownKind } from '@ims/contracts';
import { AppointmentRowsTable } from './appointment-rows-table';
import { OutcomePlanRowsTable } from './outcome-plan-rows-table';
import { PatientRowsTable } from './patient-rows-table';
import { PlanRowsTable } from './plan-rows-table';
import { WaitlistRowsTable } from './waitlist-rows-table';
import { WorkingPeriodRowsTable } from './working-period-rows-table';

/** What a drill-down's rows are called, for the pager ("1–25 of 40 appointments"). */
export const DRILLDOWN_NOUNS: Record<ReportDrilldownKind, string> = {
  appointments: 'appointments',
  plans: 'plans',
  patients: 'patients',
  'working-periods': 'working days',
  'outcome-plans': 'plans',
  'waitlist-entries': 'waitlist entries',
};

/** One page of a drill-down in the table its kind of row needs. */
export function DrilldownRows({ page, caption }: { page: ReportDrilldown; caption: string }) {
  switch (page.kind) {
    case 'appointments':
      return <AppointmentRowsTable rows={page.items} caption={caption} />;
    case 'plans':
      return <PlanRowsTable rows={page.items} caption={caption} />;
    case 'patients':
      return <PatientRowsTable rows={page.items} caption={caption} />;
    case 'working-periods':
      return <WorkingPeriodRowsTable rows={page.items} caption={caption} />;
    case 'outcome-plans':
      return <OutcomePlanRowsTable rows={page.items} caption={caption} />;
    case 'waitlist-entries':
      return <WaitlistRowsTable rows={page.items} caption={caption} />;
  }
}
