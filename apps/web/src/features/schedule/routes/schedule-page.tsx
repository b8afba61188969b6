import { Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { PageHeader } from '../../../components/ui/page-header';
import { useSessionUser } from '../../auth/use-session-user';
import { clinicsQueryOptions } from '../../clinics/api';
import { ScheduleBoard } from '../components/schedule-board';
import { useScheduleParams } from '../use-schedule-params';

/** `/schedule`: the day by clinician or room, or one clinician's week, at one of the user's clinics. */
export function SchedulePage() {
  const user = useSessionUser();
  const clinics = useQuery(clinicsQueryOptions());
  const [params, setParams] = useScheduleParams();
  const mine = (clinics.data ?? []).filter((clinic) => user.clinicIds.includes(clinic.id));
  const clinic = mine.find((candidate) => candidate.id === params.clinicId) ?? mine[0];

  return (
    <>
      <PageHeader title="Schedule" description={clinic ? `${clinic.name} · times in ${clinic.timeZone}` : undefined} />
      {clinics.isPending ? <Loader aria-label="Loading clinics" /> : null}
      {clinics.isError ? <ErrorPanel title="The clinics could not be loaded" error={clinics.error} onRetry={() => void clinics.refetch()} /> : null}
      {clinics.isSuccess && !clinic ? <Text c="dimmed">You do not work at any clinic yet: ask an administrator to add you to one.</Text> : null}
      {clinic ? <ScheduleBoard key={clinic.id} clinic={clinic} clinics={mine} params={params} onParamsChange={setParams} /> : null}
    </>
  );
}
