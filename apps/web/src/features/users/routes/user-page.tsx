import { Anchor, Badge, Breadcrumbs, Group, Paper, SimpleGrid, Skeleton, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { PageHeader } from '../../../components/ui/page-header';
import { userQueryOptions } from '../api';
import { ClinicianProfileLink } from '../components/clinician-profile-link';
import { UserAccessSection } from '../components/user-access-section';
import { UserDetailsForm } from '../components/user-details-form';

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

/** `/admin/users/:id` (admin): edit one user's details, access, password link and two-step set-up. */
export function UserPage() {
  const id = useParams().id ?? '';
  const user = useQuery(userQueryOptions(id));
  const reload = () => void user.refetch();

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/admin/users" size="sm">
          Users
        </Anchor>
      </Breadcrumbs>
      {user.isPending ? <Skeleton h={320} aria-label="Loading the user" /> : null}
      {user.isError ? <ErrorPanel title="Could not load the user" error={user.error} onRetry={reload} /> : null}
      {user.data ? (
        <>
          <Group gap="sm" align="flex-start">
            <PageHeader title={user.data.name} description={user.data.email} />
            {user.data.active ? null : (
              <Badge color="gray" variant="light" mt={8}>
                Deactivated
              </Badge>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <Section id="user-details-title" title="Details">
              <UserDetailsForm user={user.data} onReload={reload} reloading={user.isFetching} />
            </Section>
            <Stack gap="lg">
              <Section id="user-access-title" title="Access">
                <UserAccessSection user={user.data} onReload={reload} reloading={user.isFetching} />
              </Section>
              <Section id="user-clinician-title" title="Clinician profile">
                <ClinicianProfileLink user={user.data} />
              </Section>
            </Stack>
          </SimpleGrid>
        </>
      ) : null}
    </>
  );
}
