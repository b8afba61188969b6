import type { BusinessHoursInput, EventDropArg, EventInput } from '@fullcalendar/core';
import interactionPlugin from '@fullcalendar/interaction';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import type { Appointment } from '@ims/contracts';
import { fromWallClock, wallClockNow, type LocalDateTime } from '../clinic-time';
import '../schedule.css';

const PLUGINS = [timeGridPlugin, interactionPlugin];

/** A drag that ended: the new start on the clinic's wall clock, and how to put the event back if the API refuses. */
export interface EventMove {
  appointment: Appointment;
  localStartsAt: LocalDateTime;
  revert: () => void;
}

export interface ScheduleCalendarProps {
  view: 'timeGridDay' | 'timeGridWeek';
  /** YYYY-MM-DD at the clinic. */
  date: string;
  timeZone: string;
  events: EventInput[];
  businessHours: BusinessHoursInput;
  range: { slotMinTime: string; slotMaxTime: string };
  /** The day column's heading (a clinician's or room's name); the week view shows the dates instead. */
  heading?: string;
  /** Later columns of a row hide their hour labels, so the row reads as one grid with one time axis. */
  showTimeAxis?: boolean;
  canBook: boolean;
  /** The clicked slot's start on the clinic's wall clock (`2026-03-09T10:15`). */
  onSelectSlot: (localStartsAt: LocalDateTime) => void;
  onOpenAppointment: (appointment: Appointment) => void;
  onMoveAppointment: (move: EventMove) => void;
}

/**
 * One FullCalendar time grid (MIT plugins only) on the clinic's wall clock. It runs in FullCalendar's `UTC` mode
 * with wall-clock times in and out, so it draws appointments at the clinic times the API sent, whatever the
 * browser's zone or zone database (see clinic-time.ts); slots clicked or dropped on go back as that wall clock, and
 * the API alone turns them into instants. Duration follows the appointment type, so events are dragged, never resized.
 */
export function ScheduleCalendar(props: ScheduleCalendarProps) {
  const { view, date, timeZone, heading, showTimeAxis = true } = props;
  return (
    <div className={showTimeAxis ? 'schedule-calendar' : 'schedule-calendar schedule-calendar--no-axis'}>
      <FullCalendar
        // A new day, view or zone is a new grid: remounting is simpler than steering the old one there.
        key={`${view}:${date}:${timeZone}`}
        plugins={PLUGINS}
        initialView={view}
        initialDate={date}
        timeZone="UTC"
        now={() => wallClockNow(timeZone)}
        firstDay={1}
        headerToolbar={false}
        allDaySlot={false}
        height="auto"
        slotDuration="00:15:00"
        slotLabelInterval="01:00"
        slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        slotMinTime={props.range.slotMinTime}
        slotMaxTime={props.range.slotMaxTime}
        businessHours={props.businessHours}
        nowIndicator
        dayHeaderContent={heading ? () => heading : undefined}
        slotLabelContent={showTimeAxis ? undefined : () => ''}
        events={props.events}
        eventOrder="inactive,start,title"
        selectable={props.canBook}
        selectMirror
        unselectAuto
        editable={false}
        eventDurationEditable={false}
        select={(selection) => {
          selection.view.calendar.unselect();
          props.onSelectSlot(fromWallClock(selection.startStr));
        }}
        eventClick={(click) => {
          click.jsEvent.preventDefault();
          props.onOpenAppointment(click.event.extendedProps.appointment as Appointment);
        }}
        eventDrop={(drop: EventDropArg) =>
          props.onMoveAppointment({
            appointment: drop.event.extendedProps.appointment as Appointment,
            localStartsAt: fromWallClock(drop.event.startStr),
            revert: drop.revert,
          })
        }
      />
    </div>
  );
}
