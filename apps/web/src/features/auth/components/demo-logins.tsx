import { RoleName, type AuthConfigResponse } from '@ims/contracts';
import { Anchor, Code, Paper, Table, Text, Title } from '@mantine/core';
import { roleLabel } from '../roles';

type DemoLogin = NonNullable<AuthConfigResponse['demoLogins']>[number];

interface DemoLoginsProps {
  logins: DemoLogin[];
  password?: string;
  onPick: (email: string, password: string) => void;
}

function describeRole(role: string): string {
  const parsed = RoleName.safeParse(role);
  return parsed.success ? roleLabel(parsed.data) : role;
}

/** Demo mode only: the seeded clinic's logins, each one click away from the form. */
export function DemoLogins({ logins, password, onPick }: DemoLoginsProps) {
  return (
    <Paper p="md" bg="var(--mantine-color-gray-0)" component="section" aria-labelledby="demo-logins-title">
      <Title order={2} size="h5" id="demo-logins-title">
        Demo clinic logins
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        Choose a login to fill in the form.
        {password ? (
          <>
            {' '}
            Password for all: <Code>{password}</Code>
          </>
        ) : null}
      </Text>
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Email</Table.Th>
            <Table.Th scope="col">Role</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {logins.map((login) => (
            <Table.Tr key={login.email}>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  fz="sm"
                  onClick={() => onPick(login.email, password ?? '')}
                  aria-label={`Fill in ${login.email}`}
                >
                  {login.email}
                </Anchor>
              </Table.Td>
              <Table.Td>{describeRole(login.role)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
