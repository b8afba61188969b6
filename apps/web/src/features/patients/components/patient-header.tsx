import type { Patient } from '@ims/contracts';
import { Group, Stack, Text, Title } from '@mantine/core';
import { displayName, formatDateOfBirth, formatPhone } from '../patient-format';
import { PatientFlagBadges } from './patient-flag-badges';

const SEX_SHORT: Record<NonNullable<Patient['sex']>, string> = { female: 'F', male: 'M', intersex: 'X', unknown: '' };

/** Who this is at a glance: name, date of birth and age, phone, and the yes/no flags. */
export function PatientHeader({ patient }: { patient: Patient }) {
  const sex = patient.sex ? SEX_SHORT[patient.sex] : '';
  return (
    <Stack gap={4} mb="md">
      <Group gap="sm" align="center">
        <Title order={1} size="h2">
          {displayName(patient)}
        </Title>
        <PatientFlagBadges flags={patient.flags} archived={patient.archivedAt !== null} anonymised={patient.anonymisedAt !== null} size="md" />
      </Group>
      <Text c="dimmed" size="sm">
        Born {formatDateOfBirth(patient.dateOfBirth)}
        {sex ? ` · ${sex}` : ''}
        {patient.pronouns ? ` · ${patient.pronouns}` : ''}
        {patient.phone ? ` · ${formatPhone(patient.phone)}` : ''}
      </Text>
    </Stack>
  );
}
