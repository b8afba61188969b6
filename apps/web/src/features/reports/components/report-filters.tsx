import type { Clinic } from '@ims/contracts';
import { Button, Group, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { RANGE_PRESETS, rangeProblems, type ReportRange } from '../report-range';

interface ReportFiltersProps {
  value: ReportRange;
  /** Today at the clinics, for the presets. */
  today: string;
  /** The clinics the manager may report on. */
  clinics: readonly Clinic[];
  onChange: (range: ReportRange) => void;
}

/**
 * The range and clinics every tab reports on. A preset applies at once; typed dates and clinics apply on "Show", so
 * a half-typed date never fires a report. Checked by the contract's own rule (dates in order, at most a year).
 * Render it with a `key` of the applied range so it starts again from the URL when that changes.
 */
export function ReportFilters({ value, today, clinics, onChange }: ReportFiltersProps) {
  const [from, setFrom] = useState(value.from);
  const [to, setTo] = useState(value.to);
  const [clinicIds, setClinicIds] = useState(value.clinicIds);
  const [checked, setChecked] = useState(false);
  const problems = checked ? rangeProblems({ from, to }) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!rangeProblems({ from, to })) onChange({ from, to, clinicIds });
  };

  return (
    <form noValidate role="search" aria-label="Report range and clinics" onSubmit={submit}>
      <Stack gap="sm">
        <Group gap="xs" role="group" aria-label="Quick ranges">
          {RANGE_PRESETS.map((preset) => {
            const dates = preset.dates(today);
            const active = dates.from === value.from && dates.to === value.to;
            return (
              <Button key={preset.key} size="xs" variant={active ? 'filled' : 'default'} aria-pressed={active} onClick={() => onChange({ ...dates, clinicIds })}>
                {preset.label}
              </Button>
            );
          })}
        </Group>
        <Group align="flex-start" gap="sm">
          <TextInput type="date" label="From" value={from} onChange={(event) => setFrom(event.currentTarget.value)} error={problems?.from} w={170} />
          <TextInput type="date" label="To" value={to} onChange={(event) => setTo(event.currentTarget.value)} error={problems?.to} w={170} />
          <MultiSelect
            label="Clinics"
            placeholder={clinicIds.length === 0 ? 'The clinics you work at' : undefined}
            data={clinics.map((clinic) => ({ value: clinic.id, label: clinic.name }))}
            value={clinicIds}
            onChange={setClinicIds}
            clearable
            miw={260}
            maw={480}
          />
          <Button type="submit" mt={25}>
            Show
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
