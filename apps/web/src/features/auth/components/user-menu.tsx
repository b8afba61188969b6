import { Avatar, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { useLogout } from '../api';
import { roleLabels } from '../roles';
import { useSessionUser } from '../use-session-user';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((part) => part[0]?.toUpperCase() ?? '').join('') || '?';
}

/** Header menu with who is signed in, in which roles, and the way out. */
export function UserMenu() {
  const user = useSessionUser();
  const logout = useLogout();

  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        {/* Named by its visible text (WCAG 2.5.3: the accessible name contains what is shown), after a hidden "Account menu". */}
        <UnstyledButton px="xs" py={4} style={{ borderRadius: 8 }}>
          <VisuallyHidden>Account menu: </VisuallyHidden>
          <Group gap="sm" wrap="nowrap">
            <Avatar color="clinic" radius="xl" size="md" aria-hidden>
              {initials(user.name)}
            </Avatar>
            <div style={{ lineHeight: 1.2 }}>
              <Text size="sm" fw={600} visibleFrom="sm">
                {user.name}
              </Text>
              <Text size="xs" c="dimmed" visibleFrom="sm">
                {roleLabels(user.roles)}
              </Text>
            </div>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Signed in as</Menu.Label>
        <div style={{ padding: '0 12px 8px' }}>
          <Text size="sm" fw={600}>
            {user.name}
          </Text>
          <Text size="xs" c="dimmed">
            {user.email}
          </Text>
          <Text size="xs" mt={4}>
            {roleLabels(user.roles)}
          </Text>
        </div>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account">
          Account and security
        </Menu.Item>
        <Menu.Item color="red" onClick={() => logout.mutate()} disabled={logout.isPending}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
