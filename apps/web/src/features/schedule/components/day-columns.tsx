import type { BusinessHoursInput, EventInput } from '@fullcalendar/core';
import { Text } from '@mantine/core';
import { ScheduleCalendar, type ScheduleCalendarProps } from './schedule-calendar';

export interface ScheduleColumn {
  id: string;
  heading: string;
  events: EventInput[];
  businessHours: BusinessHoursInput;
}

type SharedProps = Omit<ScheduleCalendarProps, 'view' | 'events' | 'businessHours' | 'heading' | 'showTimeAxis' | 'onSelectSlot'>;

interface DayColumnsProps extends SharedProps {
  columns: ScheduleColumn[];
  /** Which column the free slot was clicked in (a clinician's or a room's id). */
  onSelectSlot: (slot: { columnId: string; localStartsAt: string }) => void;
  emptyMessage: string;
}

/**
 * One day as a row of single-day time grids, one per clinician or room, sharing one time range so the rows line
 * up (FullCalendar's own resource columns are a paid plugin; separate MIT grids side by side do the same here).
 */
export function DayColumns({ columns, onSelectSlot, emptyMessage, ...shared }: DayColumnsProps) {
  if (columns.length === 0) {
    return (
      <Text c="dimmed" size="sm" py="xl" ta="center">
        {emptyMessage}
      </Text>
    );
  }
  return (
    <div className="schedule-columns" role="region" aria-label="Day schedule">
      {columns.map((column, index) => (
        <ScheduleCalendar
          key={column.id}
          {...shared}
          view="timeGridDay"
          heading={column.heading}
          events={column.events}
          businessHours={column.businessHours}
          showTimeAxis={index === 0}
          onSelectSlot={(localStartsAt) => onSelectSlot({ columnId: column.id, localStartsAt })}
        />
      ))}
    </div>
  );
}
