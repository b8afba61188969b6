import type { User } from '@ims/contracts';
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { roleLabel } from '../../auth/roles';
import { useClinicNames } from '../../clinics/api';

/** One row per user: who, which roles and clinics, whether two-step verification is on, whether active. */
export function UsersTable({ users }: { users: User[] }) {
  const clinicName = useClinicNames();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Users">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Email</Table.Th>
            <Table.Th scope="col">Roles</Table.Th>
            <Table.Th scope="col">Clinics</Table.Th>
            <Table.Th scope="col">Two-step</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/users/${user.id}`} fw={600}>
                  {user.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {user.roles.map((role) => (
                    <Badge key={role} variant="light" size="sm">
                      {roleLabel(role)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{user.clinicIds.map(clinicName).join(', ')}</Text>
              </Table.Td>
              <Table.Td>{user.mfaEnabled ? 'On' : 'Off'}</Table.Td>
              <Table.Td>
                {user.active ? (
                  <Badge color="teal" variant="light">
                    Active
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light">
                    Deactivated
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
