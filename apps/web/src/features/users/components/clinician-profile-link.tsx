import type { User } from '@ims/contracts';
import { Alert, Button, Group, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/error-message';
import { useCreateClinician } from '../../clinicians/api';

/**
 * A physiotherapist needs a clinician profile (registration, needling authorisations, hours) before they can be
 * booked or sign notes: link to it, or create it.
 */
export function ClinicianProfileLink({ user }: { user: User }) {
  const create = useCreateClinician();
  const navigate = useNavigate();

  if (user.clinicianId) {
    return (
      <Group>
        <Button component={Link} to={`/admin/clinicians/${user.clinicianId}`} variant="light">
          Open clinician profile
        </Button>
      </Group>
    );
  }
  if (!user.roles.includes('physiotherapist')) {
    return <Text size="sm" c="dimmed">Only users with the physiotherapist role have a clinician profile.</Text>;
  }
  return (
    <>
      <Text size="sm">{user.name} has no clinician profile yet.</Text>
      {create.isError ? (
        <Alert color="red" variant="light">
          {errorMessage(create.error)}
        </Alert>
      ) : null}
      <Group>
        <Button
          variant="light"
          loading={create.isPending}
          onClick={() =>
            create.mutate(
              { userId: user.id },
              { onSuccess: (clinician) => void navigate(`/admin/clinicians/${clinician.id}`) },
            )
          }
        >
          Create clinician profile
        </Button>
      </Group>
    </>
  );
}
