import type { RoleName } from '@ims/contracts';
import { Button, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { roleLabels } from '../roles';
import { useSessionUser } from '../use-session-user';

/**
 * Shows a screen only to users holding one of `roles`; anyone else reads why instead of a screen whose every call
 * would be refused (the API's 403 stays the real rule).
 */
export function RequireRole({ roles, children }: { roles: readonly RoleName[]; children: ReactNode }) {
  const user = useSessionUser();
  if (roles.some((role) => user.roles.includes(role))) return children;
  return (
    <Stack align="center" gap="sm" py="xl" ta="center">
      <Title order={1} size="h2">
        Not available to you
      </Title>
      <Text c="dimmed">
        This screen is for these roles: {roleLabels(roles)}. Ask an administrator if you need it.
      </Text>
      <Button component={Link} to="/" variant="light">
        Go to Today
      </Button>
    </Stack>
  );
}
