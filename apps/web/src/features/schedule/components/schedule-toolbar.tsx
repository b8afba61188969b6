import type { Clinic, Clinician } from '@ims/contracts';
import { ActionIcon, Button, Group, SegmentedControl, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { addDays } from '../clinic-time';
import type { ScheduleParams, ScheduleView } from '../use-schedule-params';

interface ScheduleToolbarProps {
  clinics: readonly Clinic[];
  clinicians: readonly Clinician[];
  clinicId: string;
  date: string;
  today: string;
  view: ScheduleView;
  clinicianId: string | null;
  onChange: (change: Partial<ScheduleParams>) => void;
}

const VIEW_OPTIONS: { value: ScheduleView; label: string }[] = [
  { value: 'clinicians', label: 'Day by clinician' },
  { value: 'rooms', label: 'Day by room' },
  { value: 'week', label: 'Week' },
];

/** Which clinic, which day, which view; the week view also asks whose week. */
export function ScheduleToolbar({ clinics, clinicians, clinicId, date, today, view, clinicianId, onChange }: ScheduleToolbarProps) {
  const step = view === 'week' ? 7 : 1;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      {clinics.length > 1 ? (
        <Select
          label="Clinic"
          w={200}
          data={clinics.map((clinic) => ({ value: clinic.id, label: clinic.name }))}
          value={clinicId}
          allowDeselect={false}
          onChange={(value) => value && onChange({ clinicId: value, clinicianId: null })}
        />
      ) : null}
      <Group gap={4}>
        <Button variant="default" onClick={() => onChange({ date: null })} disabled={date === today}>
          Today
        </Button>
        <ActionIcon variant="default" size="lg" aria-label={view === 'week' ? 'Previous week' : 'Previous day'} onClick={() => onChange({ date: addDays(date, -step) })}>
          ‹
        </ActionIcon>
        <ActionIcon variant="default" size="lg" aria-label={view === 'week' ? 'Next week' : 'Next day'} onClick={() => onChange({ date: addDays(date, step) })}>
          ›
        </ActionIcon>
      </Group>
      <DatePickerInput
        label="Date"
        w={190}
        value={date}
        valueFormat="ddd D MMM YYYY"
        firstDayOfWeek={1}
        onChange={(value) => value && onChange({ date: String(value).slice(0, 10) })}
      />
      <SegmentedControl
        aria-label="View"
        data={VIEW_OPTIONS}
        value={view}
        onChange={(value) => onChange({ view: value as ScheduleView })}
      />
      {view === 'week' ? (
        <Select
          label="Clinician"
          w={220}
          placeholder="Choose a clinician"
          data={clinicians.map((clinician) => ({ value: clinician.id, label: clinician.name }))}
          value={clinicianId}
          allowDeselect={false}
          onChange={(value) => onChange({ clinicianId: value })}
        />
      ) : null}
    </Group>
  );
}
