import type { CreateUserResponse } from '@ims/contracts';
import { Anchor, Breadcrumbs, Button, Group, Paper, Stack } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { NewUserForm } from '../components/new-user-form';
import { PasswordLinkCard } from '../components/password-link-card';

/** `/admin/users/new`: create a user, then hand over their one-time set-password link. */
export function NewUserPage() {
  const [created, setCreated] = useState<CreateUserResponse | null>(null);
  // A new key remounts the form empty for "Create another".
  const [formKey, setFormKey] = useState(0);

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/admin/users" size="sm">
          Users
        </Anchor>
      </Breadcrumbs>
      <PageHeader
        title="New user"
        description="They choose their own password with a one-time link; nobody else ever knows it."
      />
      <Paper p="lg">
        {created ? (
          <Stack gap="md">
            <PasswordLinkCard link={created.setPasswordLink} name={created.user.name} />
            <Group>
              <Button component={Link} to={`/admin/users/${created.user.id}`} variant="light">
                Open {created.user.name}
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  setCreated(null);
                  setFormKey((key) => key + 1);
                }}
              >
                Create another user
              </Button>
            </Group>
          </Stack>
        ) : (
          <NewUserForm key={formKey} onCreated={setCreated} />
        )}
      </Paper>
    </>
  );
}
