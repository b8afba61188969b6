import type { RoleName } from '@ims/contracts';
import { Anchor, Breadcrumbs, Paper, Skeleton, Stack, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { useSessionUser } from '../../auth/use-session-user';
import { PatientPlansPanel } from '../../plans/components/patient-plans-panel';
import { canPlan } from '../../plans/plan-roles';
import { patientQueryOptions } from '../api';
import { AccessLogPanel } from '../components/access-log-panel';
import { ConsentPanel } from '../components/consent-panel';
import { PatientDetailsForm } from '../components/patient-details-form';
import { PatientHeader } from '../components/patient-header';
import { PrecautionsBanner } from '../components/precautions-banner';
import { RecordKeepingPanel } from '../components/record-keeping-panel';
import { ScreeningPanel } from '../components/screening-panel';
import { can, type PatientPermission } from '../patient-roles';

const patients = (permission: PatientPermission) => (roles: readonly RoleName[]) => can(roles, permission);

const TABS: { value: string; label: string; allowed: (roles: readonly RoleName[]) => boolean }[] = [
  { value: 'details', label: 'Details', allowed: patients('search') },
  { value: 'plans', label: 'Plans', allowed: (roles) => canPlan(roles, 'list') },
  { value: 'screening', label: 'Screening', allowed: patients('clinical') },
  { value: 'consent', label: 'Consent', allowed: patients('clinical') },
  { value: 'access-log', label: 'Access log', allowed: patients('accessLog') },
  { value: 'record', label: 'Archive / anonymise', allowed: patients('recordKeeping') },
];

/**
 * `/patients/:id`: one patient. Everyone who may find them sees the details and the yes/no flags; the tabs a role
 * may not use (clinical detail, the access log, record keeping) are not offered at all. Plans are listed for
 * reception too, who book courses against them.
 */
export function PatientPage() {
  const id = useParams().id ?? '';
  const user = useSessionUser();
  const [params, setParams] = useSearchParams();
  const patient = useQuery(patientQueryOptions(id));
  const reload = () => void patient.refetch();
  const tabs = TABS.filter((tab) => tab.allowed(user.roles));
  const requested = params.get('tab');
  const tab = tabs.some((entry) => entry.value === requested) ? requested! : 'details';

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/patients" size="sm">
          Patients
        </Anchor>
      </Breadcrumbs>
      {patient.isPending ? <Skeleton h={320} aria-label="Loading the patient" /> : null}
      {patient.isError ? <ErrorPanel title="Could not load the patient" error={patient.error} onRetry={reload} /> : null}
      {patient.data ? (
        <Stack gap="md">
          <PatientHeader patient={patient.data} />
          <PrecautionsBanner patient={patient.data} />
          <Tabs value={tab} onChange={(next) => setParams(next && next !== 'details' ? { tab: next } : {}, { replace: true })} keepMounted={false}>
            <Tabs.List aria-label="Patient record">
              {tabs.map((entry) => (
                <Tabs.Tab key={entry.value} value={entry.value}>
                  {entry.label}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Paper p="lg" mt="md">
              <Tabs.Panel value="details">
                <PatientDetailsForm
                  patient={patient.data}
                  editable={can(user.roles, 'register')}
                  onReload={reload}
                  reloading={patient.isFetching}
                />
              </Tabs.Panel>
              {canPlan(user.roles, 'list') ? (
                <Tabs.Panel value="plans">
                  <PatientPlansPanel patient={patient.data} />
                </Tabs.Panel>
              ) : null}
              {can(user.roles, 'clinical') ? (
                <>
                  <Tabs.Panel value="screening">
                    <ScreeningPanel patient={patient.data} />
                  </Tabs.Panel>
                  <Tabs.Panel value="consent">
                    <ConsentPanel patient={patient.data} />
                  </Tabs.Panel>
                </>
              ) : null}
              {can(user.roles, 'accessLog') ? (
                <Tabs.Panel value="access-log">
                  <AccessLogPanel patientId={patient.data.id} />
                </Tabs.Panel>
              ) : null}
              {can(user.roles, 'recordKeeping') ? (
                <Tabs.Panel value="record">
                  <RecordKeepingPanel patient={patient.data} onReload={reload} reloading={patient.isFetching} />
                </Tabs.Panel>
              ) : null}
            </Paper>
          </Tabs>
        </Stack>
      ) : null}
    </>
  );
}
