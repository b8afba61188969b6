import { Anchor, AppShell, Burger, Group, NavLink, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, NavLink as RouterNavLink, Outlet } from 'react-router';
import { UserMenu } from '../features/auth/components/user-menu';
import { useSessionUser } from '../features/auth/use-session-user';
import { can } from '../features/patients/patient-roles';
import { useSearchShortcut } from '../features/patients/use-search-shortcut';
import { navigationFor } from './navigation';

/** Header, role-aware navigation and the current screen; rendered only for a signed-in user. */
export function AppShellLayout() {
  const user = useSessionUser();
  const [opened, { toggle, close }] = useDisclosure(false);
  const entries = navigationFor(user.roles);
  useSearchShortcut(can(user.roles, 'search'));

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
            />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Title order={2} size="h4" c="clinic.8">
                IMS Clinic
              </Title>
            </Anchor>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Main navigation" component="nav">
        {entries.map((entry) => (
          <NavLink
            key={entry.path}
            component={RouterNavLink}
            to={entry.path}
            end={entry.path === '/'}
            label={entry.label}
            onClick={close}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
