import { Anchor, Breadcrumbs, Divider, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { PageHeader } from '../../../components/ui/page-header';
import { clinicianQueryOptions } from '../api';
import { AddAuthorisationForm } from '../components/add-authorisation-form';
import { AuthorisationsTable } from '../components/authorisations-table';
import { ImsStatusBadge } from '../components/ims-status-badge';
import { RegistrationForm } from '../components/registration-form';
import { TimeOffSection } from '../components/time-off-section';
import { WorkingHoursEditor } from '../components/working-hours-editor';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper p="lg" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** `/admin/clinicians/:id` (admin): registration, needling authorisations, weekly hours and time off of one clinician. */
export function ClinicianPage() {
  const id = useParams().id ?? '';
  const clinician = useQuery(clinicianQueryOptions(id));

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/admin/clinicians" size="sm">
          Clinicians
        </Anchor>
      </Breadcrumbs>
      {clinician.isPending ? <Skeleton h={320} aria-label="Loading the clinician" /> : null}
      {clinician.isError ? (
        <ErrorPanel title="Could not load the clinician" error={clinician.error} onRetry={() => void clinician.refetch()} />
      ) : null}
      {clinician.data ? (
        <Stack gap="lg">
          <div>
            <PageHeader title={clinician.data.name} />
            <Group gap="sm" mt={-8}>
              <ImsStatusBadge clinician={clinician.data} />
              <Anchor component={Link} to={`/admin/users/${clinician.data.userId}`} size="sm">
                User account
              </Anchor>
            </Group>
          </div>
          <Section id="registration-title" title="Registration">
            <RegistrationForm key={clinician.data.registrationNumber ?? ''} clinician={clinician.data} />
          </Section>
          <Section id="authorisations-title" title="Needling authorisations">
            <Text size="sm" c="dimmed">
              Only a clinician with an IMS authorisation valid on the visit date can sign an IMS note.
            </Text>
            <AuthorisationsTable clinicianId={clinician.data.id} authorisations={clinician.data.authorisations} />
            <Divider label="Add an authorisation" labelPosition="left" />
            <AddAuthorisationForm clinicianId={clinician.data.id} />
          </Section>
          <Section id="hours-title" title="Weekly working hours">
            <WorkingHoursEditor clinician={clinician.data} />
          </Section>
          <Section id="time-off-title" title="Time off">
            <TimeOffSection clinician={clinician.data} />
          </Section>
        </Stack>
      ) : null}
    </>
  );
}
