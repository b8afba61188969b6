import { Anchor, Breadcrumbs, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { PageHeader } from '../../../components/ui/page-header';
import { openingHoursQueryOptions } from '../../schedule/setup-api';
import { clinicsQueryOptions } from '../api';
import { AppointmentTypesSection } from '../components/appointment-types-section';
import { ClinicDetailsForm } from '../components/clinic-details-form';
import { OpeningHoursEditor } from '../components/opening-hours-editor';
import { RoomsSection } from '../components/rooms-section';
import { allAppointmentTypesQueryOptions, allRoomsQueryOptions } from '../setup-api';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper p="lg" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Title order={2} size="h4" id={id}>{title}</Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** Renders a query's data, or its loading/error state. */
function Loaded<T>({ query, what, children }: { query: { data?: T; isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown }; what: string; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Skeleton h={80} aria-label={`Loading ${what}`} />;
  if (query.isError) return <ErrorPanel title={`Could not load ${what}`} error={query.error} onRetry={() => void query.refetch()} />;
  return query.data === undefined ? null : <>{children(query.data)}</>;
}

/** `/admin/clinics/:id` (admin): one clinic's details, opening hours, rooms and appointment types. */
export function ClinicPage() {
  const id = useParams().id ?? '';
  const clinics = useQuery(clinicsQueryOptions());
  const hours = useQuery(openingHoursQueryOptions(id));
  const rooms = useQuery(allRoomsQueryOptions(id));
  const types = useQuery(allAppointmentTypesQueryOptions(id));
  const clinic = clinics.data?.find((c) => c.id === id);

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/admin/clinics" size="sm">Clinics</Anchor>
      </Breadcrumbs>
      {clinics.isPending ? <Skeleton h={320} aria-label="Loading the clinic" /> : null}
      {clinics.isError ? <ErrorPanel title="Could not load the clinic" error={clinics.error} onRetry={() => void clinics.refetch()} /> : null}
      {clinics.data && !clinic ? <ErrorPanel title="No such clinic" error={new Error('This clinic does not exist or is not yours.')} /> : null}
      {clinic ? (
        <Stack gap="lg">
          <PageHeader title={clinic.name} />
          <Section id="details-title" title="Details">
            <ClinicDetailsForm key={JSON.stringify(clinic)} clinic={clinic} />
          </Section>
          <Section id="opening-hours-title" title="Weekly opening hours">
            <Loaded query={hours} what="the opening hours">
              {(data) => <OpeningHoursEditor key={JSON.stringify(data)} clinicId={clinic.id} hours={data} />}
            </Loaded>
          </Section>
          <Section id="rooms-title" title="Rooms">
            <Loaded query={rooms} what="the rooms">{(data) => <RoomsSection clinicId={clinic.id} rooms={data} />}</Loaded>
          </Section>
          <Section id="types-title" title="Appointment types">
            <Loaded query={types} what="the appointment types">{(data) => <AppointmentTypesSection clinicId={clinic.id} types={data} />}</Loaded>
          </Section>
        </Stack>
      ) : null}
    </>
  );
}
