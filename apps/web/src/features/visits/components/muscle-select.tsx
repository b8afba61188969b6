import { Select } from '@mantine/core';
import type { Ref } from 'react';
import type { MuscleCatalogue } from '../use-muscle-catalogue';

interface MuscleSelectProps {
  catalogue: MuscleCatalogue;
  value: string;
  onChange: (muscleId: string) => void;
  onBlur?: () => void;
  /** Accessible name, e.g. "Site 2 muscle": the table header is the visible label. */
  label: string;
  error?: string;
  ref?: Ref<HTMLInputElement>;
}

/**
 * Search the catalogue by any words of a muscle's name, code or region ("up trap", "glut med"); the first match is
 * highlighted as you type, so Enter takes it. Recent muscles come first.
 */
export function MuscleSelect({ catalogue, value, onChange, onBlur, label, error, ref }: MuscleSelectProps) {
  return (
    <Select
      ref={ref}
      aria-label={label}
      placeholder="Type a muscle"
      data={catalogue.groups}
      filter={catalogue.filter}
      searchable
      selectFirstOptionOnChange
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      onBlur={onBlur}
      error={error}
      nothingFoundMessage="No muscle matches"
      maxDropdownHeight={320}
      comboboxProps={{ width: 320, position: 'bottom-start' }}
      miw={190}
    />
  );
}
