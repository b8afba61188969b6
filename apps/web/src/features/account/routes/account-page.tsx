import { Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { PageHeader } from '../../../components/ui/page-header';
import { roleLabels } from '../../auth/roles';
import { useSessionUser } from '../../auth/use-session-user';
import { ChangePasswordForm } from '../components/change-password-form';
import { TwoFactorSection } from '../components/two-factor-section';

/** `/account`: every signed-in user's own password and two-step verification. */
export function AccountPage() {
  const user = useSessionUser();
  return (
    <>
      <PageHeader title="Account" description={`${user.name} · ${user.email} · ${roleLabels(user.roles)}`} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Paper p="lg" component="section" aria-labelledby="password-title">
          <Stack gap="md">
            <Title order={2} size="h4" id="password-title">
              Password
            </Title>
            <ChangePasswordForm />
          </Stack>
        </Paper>
        <Paper p="lg" component="section" aria-labelledby="two-factor-title">
          <Stack gap="md">
            <Title order={2} size="h4" id="two-factor-title">
              Two-step verification
            </Title>
            <TwoFactorSection />
          </Stack>
        </Paper>
      </SimpleGrid>
    </>
  );
}
