import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { roleLabel } from '../../auth/roles';
import { useSessionUser } from '../../auth/use-session-user';

/** Who is signed in: name, email, roles and how many clinics they work at. */
export function UserSummaryCard() {
  const user = useSessionUser();
  const clinics = user.clinicIds.length;

  return (
    <Paper p="lg" component="section" aria-labelledby="user-summary-title">
      <Title order={2} size="h4" id="user-summary-title" mb="sm">
        Your account
      </Title>
      <Stack gap="xs">
        <div>
          <Text fw={600}>{user.name}</Text>
          <Text size="sm" c="dimmed">
            {user.email}
          </Text>
        </div>
        <Group gap="xs" aria-label="Roles">
          {user.roles.map((role) => (
            <Badge key={role} variant="light">
              {roleLabel(role)}
            </Badge>
          ))}
        </Group>
        <Text size="sm">
          {clinics === 0
            ? 'Not assigned to a clinic yet; ask an administrator.'
            : `Works at ${clinics} ${clinics === 1 ? 'clinic' : 'clinics'}`}
        </Text>
      </Stack>
    </Paper>
  );
}
