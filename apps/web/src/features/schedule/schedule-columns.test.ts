import { describe, expect, it } from 'vitest';
import { CLINIC_A } from '../../test/api-stub';
import { visibleTimeRange } from './calendar-config';
import { toCalendarEvents, typeColours } from './calendar-events';
import { clinicianColumns, NO_ROOM, roomColumns } from './schedule-columns';
import { appointment, DR_KIM, DR_LEE, ROOM, TREATMENT } from './testing/schedule-fixtures';

const events = (list: ReturnType<typeof appointment>[]) => toCalendarEvents(list, { colours: typeColours([TREATMENT]), canMove: true });
const ids = (columns: { id: string; events: { id?: string }[] }[]) => columns.map((column) => [column.id, column.events.map((event) => event.id)]);

describe('schedule columns', () => {
  it('puts each appointment in its clinician’s column and adds a column for a clinician no longer listed', () => {
    const lee = appointment();
    const kim = appointment({ clinicianId: DR_KIM.id, clinicianName: DR_KIM.name });
    const gone = appointment({ clinicianId: '9f9f9f9f-0000-4000-8000-000000000001', clinicianName: 'Dr Gone' });
    const columns = clinicianColumns({ clinicians: [DR_LEE, DR_KIM], clinicId: CLINIC_A.id, events: events([lee, kim, gone]) });
    expect(ids(columns)).toEqual([
      [DR_LEE.id, [lee.id]],
      [DR_KIM.id, [kim.id]],
      [gone.clinicianId, [gone.id]],
    ]);
    expect(columns.map((column) => column.heading)).toEqual(['Dr Lee', 'Dr Kim', 'Dr Gone']);
    expect(columns[0]?.businessHours).toEqual([{ daysOfWeek: [1], startTime: '09:00', endTime: '17:00' }]);
  });

  it('groups by room, with a "No room" column only when some appointment has none', () => {
    const inRoom = appointment({ roomId: ROOM.id, roomName: ROOM.name });
    const roomless = appointment();
    const hours = [{ weekday: 7, opensAt: '10:00', closesAt: '14:00' }];
    expect(ids(roomColumns({ rooms: [ROOM], openingHours: hours, events: events([inRoom, roomless]) }))).toEqual([
      [ROOM.id, [inRoom.id]],
      [NO_ROOM, [roomless.id]],
    ]);
    const [only] = roomColumns({ rooms: [ROOM], openingHours: hours, events: events([inRoom]) });
    expect(only?.businessHours).toEqual([{ daysOfWeek: [0], startTime: '10:00', endTime: '14:00' }]);
  });

  it('shows the whole hours from the earliest start to the latest end, 07:00–20:00 without any hours', () => {
    expect(visibleTimeRange([{ start: '08:30', end: '12:00' }, { start: '09:00', end: '17:30' }])).toEqual({ slotMinTime: '08:00:00', slotMaxTime: '18:00:00' });
    expect(visibleTimeRange([])).toEqual({ slotMinTime: '07:00:00', slotMaxTime: '20:00:00' });
  });
});
