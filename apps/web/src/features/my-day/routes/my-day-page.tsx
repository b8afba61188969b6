import { Paper, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { PageHeader } from '../../../components/ui/page-header';
import { useSessionUser } from '../../auth/use-session-user';
import { cliniciansQueryOptions } from '../../clinicians/api';
import { clinicsQueryOptions } from '../../clinics/api';
import { formatLongDate } from '../../schedule/clinic-time';
import { myDayQueryOptions } from '../api';
import { MyDayTable } from '../components/my-day-table';
import { MyDayToolbar } from '../components/my-day-toolbar';
import { canMyDay } from '../my-day-roles';
import { useMyDayParams } from '../use-my-day-params';

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * `/my-day`: a clinician's appointments of one day with what they need at a glance: precautions, the plan's
 * progress ("4 of 10") and review, and the visit note to start, continue or read. Managers look at any clinician's
 * day; a manager who is not a clinician picks one first.
 */
export function MyDayPage() {
  const user = useSessionUser();
  const [params, setParams] = useMyDayParams();
  const pickClinician = canMyDay(user.roles, 'anyClinician');
  const isClinician = canMyDay(user.roles, 'chart');
  const clinicians = useQuery({ ...cliniciansQueryOptions(), enabled: pickClinician });
  const clinics = useQuery(clinicsQueryOptions());
  const waitingForChoice = !isClinician && !params.clinicianId;
  const day = useQuery({
    ...myDayQueryOptions({ date: params.date ?? undefined, clinicianId: params.clinicianId ?? undefined }),
    enabled: !waitingForChoice,
  });

  const date = params.date ?? day.data?.date ?? null;
  const zones = new Map((clinics.data ?? []).map((clinic) => [clinic.id, clinic.timeZone]));
  const clinicIds = new Set(day.data?.items.map((item) => item.appointment.clinicId));
  const ownClinicianId = clinicians.data?.find((clinician) => clinician.userId === user.id)?.id;
  // Notes are charted by the clinician whose day it is; a manager who also treats only reads another's day.
  const viewingOwn = isClinician && (!params.clinicianId || params.clinicianId === ownClinicianId);
  const chosenName = clinicians.data?.find((clinician) => clinician.id === params.clinicianId)?.name;
  const whose = viewingOwn ? 'Your' : chosenName ? `${chosenName}’s` : 'The';

  return (
    <>
      <PageHeader
        title="My day"
        description={date ? `${whose} appointments on ${formatLongDate(date)}.` : 'Appointments, precautions, plan progress and notes.'}
      />
      <MyDayToolbar
        date={date}
        isToday={params.date === null}
        clinicians={pickClinician ? (clinicians.data ?? []) : undefined}
        clinicianId={params.clinicianId ?? day.data?.clinicianId ?? null}
        onChange={setParams}
      />
      <Paper p="lg">
        {waitingForChoice ? (
          <Text size="sm" c="dimmed">
            Choose a clinician to see their day.
          </Text>
        ) : day.isPending ? (
          <Skeleton h={240} aria-label="Loading the day" />
        ) : day.isError ? (
          <ErrorPanel title="Could not load the day" error={day.error} onRetry={() => void day.refetch()} />
        ) : day.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No appointments on {formatLongDate(day.data.date)}.
          </Text>
        ) : (
          <MyDayTable
            items={day.data.items}
            timeZoneOf={(clinicId) => zones.get(clinicId) ?? browserZone}
            showClinic={clinicIds.size > 1}
            canChart={viewingOwn}
            label={`Appointments on ${formatLongDate(day.data.date)}`}
          />
        )}
      </Paper>
    </>
  );
}
