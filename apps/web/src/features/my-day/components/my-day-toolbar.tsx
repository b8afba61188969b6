import type { Clinician } from '@ims/contracts';
import { ActionIcon, Button, Group, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { addDays } from '../../schedule/clinic-time';
import type { MyDayParams } from '../use-my-day-params';

interface MyDayToolbarProps {
  /** The day shown: the URL's, or the API's "today" once it answered; null while neither is known. */
  date: string | null;
  /** True when the URL names no day, i.e. today is shown. */
  isToday: boolean;
  /** Offered to managers only. */
  clinicians?: readonly Clinician[];
  clinicianId: string | null;
  onChange: (change: Partial<MyDayParams>) => void;
}

/** Which day (today, one back, one on, or any date) and, for managers, whose. */
export function MyDayToolbar({ date, isToday, clinicians, clinicianId, onChange }: MyDayToolbarProps) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="md">
      <Group gap={4}>
        <Button variant="default" onClick={() => onChange({ date: null })} disabled={isToday}>
          Today
        </Button>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label="Previous day"
          disabled={!date}
          onClick={() => date && onChange({ date: addDays(date, -1) })}
        >
          ‹
        </ActionIcon>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label="Next day"
          disabled={!date}
          onClick={() => date && onChange({ date: addDays(date, 1) })}
        >
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
      {clinicians ? (
        <Select
          label="Clinician"
          w={240}
          placeholder="Choose a clinician"
          searchable
          data={clinicians.map((clinician) => ({ value: clinician.id, label: clinician.name }))}
          value={clinicianId}
          allowDeselect={false}
          onChange={(value) => value && onChange({ clinicianId: value })}
        />
      ) : null}
    </Group>
  );
}
