import type { PatientSummary } from '@ims/contracts';
import { Box, Group, Stack, Text } from '@mantine/core';
import { displayName, formatDateOfBirth, formatPhone } from '../patient-format';
import { PatientFlagBadges } from './patient-flag-badges';

export const SEARCH_RESULTS_ID = 'patient-search-results';

/** The DOM id of a result row, for the search box's `aria-activedescendant`. */
export const optionId = (patientId: string) => `patient-option-${patientId}`;

interface PatientSearchResultsProps {
  patients: PatientSummary[];
  activeIndex: number;
  onOpen: (patient: PatientSummary) => void;
  onHighlight: (index: number) => void;
}

/**
 * The listbox the search box controls: focus stays in the box while arrows move the highlighted row, so the
 * desk never leaves the keyboard. A click opens a row too.
 */
export function PatientSearchResults({ patients, activeIndex, onOpen, onHighlight }: PatientSearchResultsProps) {
  return (
    <Stack gap={4} role="listbox" id={SEARCH_RESULTS_ID} aria-label="Patients found">
      {patients.map((patient, index) => {
        const active = index === activeIndex;
        return (
          <Box
            key={patient.id}
            id={optionId(patient.id)}
            role="option"
            aria-selected={active}
            onClick={() => onOpen(patient)}
            onMouseMove={() => (active ? undefined : onHighlight(index))}
            px="md"
            py="sm"
            style={{
              borderRadius: 'var(--mantine-radius-md)',
              cursor: 'pointer',
              background: active ? 'var(--mantine-color-clinic-0)' : undefined,
              // The highlighted row is where Enter goes: it must be visible without relying on colour alone.
              outline: active ? '2px solid var(--mantine-color-clinic-7)' : '1px solid var(--mantine-color-gray-2)',
              outlineOffset: active ? -2 : -1,
            }}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2}>
                <Text fw={600}>{displayName(patient)}</Text>
                <Text size="sm" c="dimmed">
                  Born {formatDateOfBirth(patient.dateOfBirth)}
                  {patient.phone ? ` · ${formatPhone(patient.phone)}` : ''}
                  {patient.healthNumber ? ` · Health no. ${patient.healthNumber}` : ''}
                </Text>
              </Stack>
              <PatientFlagBadges flags={patient.flags} archived={patient.archived} size="sm" />
            </Group>
          </Box>
        );
      })}
    </Stack>
  );
}
