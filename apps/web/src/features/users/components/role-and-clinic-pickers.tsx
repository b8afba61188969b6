import { RoleName } from '@ims/contracts';
import { Checkbox, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { sentence } from '../../../lib/form-errors';
import { roleLabel } from '../../auth/roles';
import { clinicsQueryOptions } from '../../clinics/api';

interface PickerProps<T extends string> {
  value: T[];
  onChange: (value: T[]) => void;
  error?: string;
}

const ROLE_HINTS: Record<RoleName, string> = {
  receptionist: 'Patients’ details, bookings and the waitlist; no clinical notes',
  physiotherapist: 'Clinical records of their clinics’ patients',
  manager: 'Reports, read-only',
  admin: 'Users, clinicians and settings',
};

/** The roles a user holds, each with what it lets them do. */
export function RolesPicker({ value, onChange, error }: PickerProps<RoleName>) {
  return (
    <Checkbox.Group label="Roles" required value={value} onChange={(next) => onChange(next as RoleName[])} error={sentence(error)}>
      <Stack gap="xs" mt="xs">
        {RoleName.options.map((role) => (
          <Checkbox key={role} value={role} label={roleLabel(role)} description={ROLE_HINTS[role]} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

/** The clinics a user works at, from `GET /api/clinics`. */
export function ClinicsPicker({ value, onChange, error }: PickerProps<string>) {
  const clinics = useQuery(clinicsQueryOptions());
  return (
    <Checkbox.Group label="Clinics" required value={value} onChange={onChange} error={sentence(error)}>
      {clinics.isPending ? <Skeleton h={48} mt="xs" aria-label="Loading clinics" /> : null}
      {clinics.isError ? (
        <Text size="sm" c="red" mt="xs">
          The clinics could not be loaded. Reload the page to try again.
        </Text>
      ) : null}
      <Group gap="md" mt="xs">
        {clinics.data?.map((clinic) => <Checkbox key={clinic.id} value={clinic.id} label={clinic.name} />)}
      </Group>
    </Checkbox.Group>
  );
}
