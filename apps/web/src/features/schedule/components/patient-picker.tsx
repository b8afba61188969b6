import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { patientSearchQueryOptions } from '../../patients/api';
import { displayName, formatDate } from '../../patients/patient-format';

/** A chosen patient as the schedule needs them: the id to send and the name to show. */
export interface PickedPatient {
  id: string;
  name: string;
}

interface PatientPickerProps {
  value: PickedPatient | null;
  onChange: (patient: PickedPatient | null) => void;
  label?: string;
  error?: string;
  required?: boolean;
}

/** Fewer characters than this match half the register: wait for more before asking. */
const MIN_QUERY = 2;

/**
 * Search-as-you-type over `GET /api/patients?q=` (name, phone, date of birth or health number; the API ranks and
 * tolerates typos, so the box does no filtering of its own). Shows date of birth to tell namesakes apart.
 */
export function PatientPicker({ value, onChange, label = 'Patient', error, required }: PatientPickerProps) {
  const [search, setSearch] = useState(value?.name ?? '');
  const [query] = useDebouncedValue(search.trim(), 200);
  // Once a patient is chosen the box shows their name (and date of birth): that text is not a new search.
  const showsChosen = !!value && (query === value.name || query.startsWith(`${value.name} · `));
  const searching = query.length >= MIN_QUERY && !showsChosen;
  const results = useQuery({
    ...patientSearchQueryOptions({ q: query, page: 1, pageSize: 10 }),
    enabled: searching,
  });

  const options = useMemo(() => {
    const found = (searching ? (results.data?.items ?? []) : []).map((patient) => ({
      value: patient.id,
      label: `${displayName(patient)} · ${formatDate(patient.dateOfBirth)}`,
      name: displayName(patient),
    }));
    if (value && !found.some((option) => option.value === value.id)) {
      found.unshift({ value: value.id, label: value.name, name: value.name });
    }
    return found;
  }, [results.data, searching, value]);

  return (
    <Select
      label={label}
      placeholder="Name, phone, date of birth or health number"
      required={required}
      error={error}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={options.map(({ value: id, label: text }) => ({ value: id, label: text }))}
      // The API already matched and ranked: show its answer as it is.
      filter={({ options: all }) => all}
      value={value?.id ?? null}
      onChange={(id) => {
        const option = options.find((candidate) => candidate.value === id);
        onChange(option ? { id: option.value, name: option.name } : null);
      }}
      nothingFoundMessage={
        searching ? (results.isFetching ? 'Searching…' : 'No patient matches') : `Type at least ${MIN_QUERY} characters`
      }
    />
  );
}
