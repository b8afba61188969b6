import type { Appointment, Clinic } from '@ims/contracts';
import { Box, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { useSessionUser } from '../../auth/use-session-user';
import { cliniciansQueryOptions } from '../../clinicians/api';
import { WaitlistPanel } from '../../waitlist/components/waitlist-panel';
import { appointmentsQueryOptions, useMoveAppointment } from '../api';
import type { BookingDraft } from '../booking-draft';
import { clinicianBusinessHours, visibleTimeRange } from '../calendar-config';
import { toCalendarEvents, typeColours } from '../calendar-events';
import { clinicToday, dayRange, onLocalDays, weekRange, weekStart } from '../clinic-time';
import { canSchedule } from '../schedule-roles';
import { clinicianColumns, NO_ROOM, roomColumns } from '../schedule-columns';
import { appointmentTypesQueryOptions, openingHoursQueryOptions, roomsQueryOptions } from '../setup-api';
import type { ScheduleParams } from '../use-schedule-params';
import { AppointmentDrawer } from './appointment-drawer';
import { ArrivalsPanel } from './arrivals-panel';
import { BookingDrawer } from './booking-drawer';
import { DayColumns } from './day-columns';
import { ScheduleCalendar, type EventMove } from './schedule-calendar';
import { ScheduleToolbar } from './schedule-toolbar';
import { TypeLegend } from './type-legend';

interface ScheduleBoardProps {
  clinic: Clinic;
  clinics: readonly Clinic[];
  params: ScheduleParams;
  onParamsChange: (change: Partial<ScheduleParams>) => void;
}

/** The schedule of one clinic: toolbar, calendar, today's arrivals, the waitlist and the two drawers. */
export function ScheduleBoard({ clinic, clinics, params, onParamsChange }: ScheduleBoardProps) {
  const user = useSessionUser();
  const { timeZone } = clinic;
  const canBook = canSchedule(user.roles, 'book');
  const today = clinicToday(timeZone);
  const date = params.date ?? today;

  const clinicians = useQuery(cliniciansQueryOptions(clinic.id));
  const rooms = useQuery(roomsQueryOptions(clinic.id));
  const types = useQuery(appointmentTypesQueryOptions(clinic.id));
  const openingHours = useQuery(openingHoursQueryOptions(clinic.id));
  const clinicianList = clinicians.data ?? [];
  const weekClinician =
    clinicianList.find((c) => c.id === params.clinicianId) ?? clinicianList.find((c) => c.userId === user.id) ?? clinicianList[0];
  const range = params.view === 'week' ? weekRange(date, timeZone) : dayRange(date, timeZone);
  const appointments = useQuery({
    ...appointmentsQueryOptions({ clinicId: clinic.id, ...range, clinicianId: params.view === 'week' ? weekClinician?.id : undefined }),
    enabled: params.view !== 'week' || !!weekClinician,
  });

  const [selected, setSelected] = useState<Appointment | null>(null);
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const move = useMoveAppointment();

  // The range asked for is padded (see clinic-time.ts): keep what the API dates on the days shown.
  const shown = useMemo(
    () => (params.view === 'week' ? onLocalDays(appointments.data ?? [], weekStart(date), 7) : onLocalDays(appointments.data ?? [], date, 1)),
    [appointments.data, params.view, date],
  );
  const events = useMemo(
    () => toCalendarEvents(shown, { colours: typeColours(types.data ?? []), canMove: canBook }),
    [shown, types.data, canBook],
  );
  const timeRange = useMemo(
    () =>
      visibleTimeRange([
        ...(openingHours.data ?? []).map((entry) => ({ start: entry.opensAt, end: entry.closesAt })),
        ...clinicianList.flatMap((c) => c.workingHours.filter((entry) => entry.clinicId === clinic.id)),
      ]),
    [openingHours.data, clinicianList, clinic.id],
  );
  // The drawer shows the freshest copy: the list's after a refetch, the mutation's answer before it.
  const current = selected && newest(selected, appointments.data?.find((a) => a.id === selected.id));

  const onMove = ({ appointment, localStartsAt, revert }: EventMove) =>
    move.mutate(
      { id: appointment.id, body: { version: appointment.version, localStartsAt } },
      {
        onError: (error) => {
          revert();
          const conflicts = isApiError(error) ? error.problem.conflicts?.map((c) => c.message) : undefined;
          notifications.show({
            color: 'red',
            title: `${appointment.patientName} was not moved`,
            message: conflicts?.length ? conflicts.join(' ') : errorMessage(error),
          });
        },
      },
    );

  const shared = {
    date,
    timeZone,
    range: timeRange,
    canBook,
    onOpenAppointment: setSelected,
    onMoveAppointment: onMove,
  };
  const loading = appointments.isPending && (params.view !== 'week' || !!weekClinician);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <ScheduleToolbar
          clinics={clinics}
          clinicians={clinicianList}
          clinicId={clinic.id}
          date={date}
          today={today}
          view={params.view}
          clinicianId={weekClinician?.id ?? null}
          onChange={onParamsChange}
        />
        {canSchedule(user.roles, 'bookCourse') ? (
          <Button component={Link} to={`/schedule/course/new?clinic=${clinic.id}`} variant="light">
            Book a course
          </Button>
        ) : null}
      </Group>
      <TypeLegend types={types.data ?? []} />
      <Group align="flex-start" gap="md" wrap="nowrap">
        <Box style={{ flex: 1, minWidth: 0 }}>
          {appointments.isError ? <Text c="red" size="sm">{errorMessage(appointments.error)}</Text> : null}
          {loading || clinicians.isPending ? <Loader aria-label="Loading the schedule" /> : null}
          {!loading && params.view === 'clinicians' ? (
            <DayColumns
              {...shared}
              columns={clinicianColumns({ clinicians: clinicianList, clinicId: clinic.id, events })}
              emptyMessage="No clinician works at this clinic yet."
              onSelectSlot={({ columnId, localStartsAt }) => setDraft({ localStartsAt, clinicianId: columnId })}
            />
          ) : null}
          {!loading && params.view === 'rooms' ? (
            <DayColumns
              {...shared}
              columns={roomColumns({ rooms: rooms.data ?? [], openingHours: openingHours.data ?? [], events })}
              emptyMessage="This clinic has no rooms set up."
              onSelectSlot={({ columnId, localStartsAt }) => setDraft({ localStartsAt, roomId: columnId === NO_ROOM ? null : columnId })}
            />
          ) : null}
          {params.view === 'week' && !weekClinician && clinicians.isSuccess ? (
            <Text c="dimmed" size="sm">No clinician works at this clinic yet.</Text>
          ) : null}
          {!loading && params.view === 'week' && weekClinician ? (
            <Box className="schedule-columns">
              <ScheduleCalendar
                {...shared}
                view="timeGridWeek"
                events={events}
                businessHours={clinicianBusinessHours(weekClinician, clinic.id)}
                onSelectSlot={(localStartsAt) => setDraft({ localStartsAt, clinicianId: weekClinician.id })}
              />
            </Box>
          ) : null}
        </Box>
        <Stack w={320} gap="md" style={{ flexShrink: 0 }}>
          <ArrivalsPanel clinicId={clinic.id} timeZone={timeZone} today={today} canAct={canBook} onOpen={setSelected} />
          {canSchedule(user.roles, 'viewWaitlist') ? (
            <WaitlistPanel
              clinicId={clinic.id}
              timeZone={timeZone}
              range={range}
              clinicians={clinicianList}
              canEdit={canSchedule(user.roles, 'editWaitlist')}
              canBook={canBook}
              onBook={(offer) =>
                setDraft({
                  localStartsAt: offer.localStartsAt,
                  clinicianId: offer.clinicianId,
                  appointmentTypeId: offer.appointmentTypeId,
                  patient: { id: offer.entry.patientId, name: offer.entry.patientName },
                })
              }
            />
          ) : null}
        </Stack>
      </Group>

      <AppointmentDrawer
        appointment={current}
        timeZone={timeZone}
        clinicians={clinicianList}
        rooms={rooms.data ?? []}
        canAct={canBook}
        canOverride={canSchedule(user.roles, 'override')}
        onClose={() => setSelected(null)}
        onChanged={setSelected}
      />
      <BookingDrawer
        draft={draft}
        clinicId={clinic.id}
        clinicians={clinicianList}
        rooms={rooms.data ?? []}
        types={types.data ?? []}
        canOverride={canSchedule(user.roles, 'override')}
        onClose={() => setDraft(null)}
        onBooked={(appointment) => {
          setDraft(null);
          notifications.show({ color: 'green', title: 'Booked', message: `${appointment.patientName}, ${appointment.appointmentTypeName}` });
        }}
      />
    </Stack>
  );
}

function newest(a: Appointment, b: Appointment | undefined): Appointment {
  return b && b.version >= a.version ? b : a;
}
