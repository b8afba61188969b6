import { ATTENDANCE_DEFINITIONS, type AttendanceReport } from '@ims/contracts';
import { Table, Text } from '@mantine/core';
import type { DrilldownTarget } from '../report-query';
import { formatCount } from '../report-format';
import { hourLabel, WEEKDAY_NAMES } from '../report-labels';
import { FigureButton } from './figure-button';

/** Hours always shown, so a quiet week still reads as a working day; hours with no-shows outside them are added. */
const WORKING_HOURS = { first: 7, last: 19 };
/** Shades of a cell by its share of the busiest cell: pale enough that the figure on it keeps its contrast. */
const SHADES = ['transparent', 'var(--mantine-color-red-0)', 'var(--mantine-color-red-1)', 'var(--mantine-color-red-2)', 'var(--mantine-color-red-3)'];

type NoShows = AttendanceReport['noShows'];

function shownHours(noShows: NoShows): number[] {
  const busy = noShows.byHour.filter((cell) => cell.count > 0).map((cell) => cell.hour);
  const first = Math.min(WORKING_HOURS.first, ...busy);
  const last = Math.max(WORKING_HOURS.last, ...busy);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/**
 * No-shows by local weekday and hour as a heat map table: darker where more patients did not come. Each count opens
 * its appointments; the row and column totals open a whole weekday or hour.
 */
export function NoShowGrid({ noShows, onDrill }: { noShows: NoShows; onDrill: (target: DrilldownTarget) => void }) {
  const hours = shownHours(noShows);
  const counts = new Map(noShows.byWeekdayHour.map((cell) => [`${cell.weekday}-${cell.hour}`, cell.count]));
  const busiest = Math.max(1, ...counts.values());
  const drill = (title: string, filter: { weekday?: number; hour?: number }) => () => onDrill({ report: 'attendance', metric: 'noShows', ...filter, title: `No-shows · ${title}` });
  const byWeekday = new Map(noShows.byWeekday.map((cell) => [cell.weekday, cell.count]));
  const byHour = new Map(noShows.byHour.map((cell) => [cell.hour, cell.count]));

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table withTableBorder withColumnBorders aria-label="No-shows by weekday and hour" ta="center" fz="sm">
        <Table.Caption>{ATTENDANCE_DEFINITIONS.noShows}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Weekday</Table.Th>
            {hours.map((hour) => (
              <Table.Th key={hour} ta="center">
                {hourLabel(hour)}
              </Table.Th>
            ))}
            <Table.Th ta="center">Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {WEEKDAY_NAMES.map((name, index) => {
            const weekday = index + 1;
            const total = byWeekday.get(weekday) ?? 0;
            return (
              <Table.Tr key={name}>
                <Table.Th scope="row" ta="left">
                  {name}
                </Table.Th>
                {hours.map((hour) => {
                  const count = counts.get(`${weekday}-${hour}`) ?? 0;
                  const shade = SHADES[count === 0 ? 0 : Math.max(1, Math.ceil((count / busiest) * (SHADES.length - 1)))];
                  return (
                    <Table.Td key={hour} bg={shade}>
                      {count === 0 ? null : (
                        <FigureButton label={`No-shows, ${name} ${hourLabel(hour)}: ${formatCount(count)}`} onClick={drill(`${name} ${hourLabel(hour)}`, { weekday, hour })}>
                          {formatCount(count)}
                        </FigureButton>
                      )}
                    </Table.Td>
                  );
                })}
                <Table.Td fw={600}>
                  {total === 0 ? (
                    <Text span c="dimmed" size="sm">
                      0
                    </Text>
                  ) : (
                    <FigureButton label={`No-shows, ${name}: ${formatCount(total)}`} onClick={drill(name, { weekday })}>
                      {formatCount(total)}
                    </FigureButton>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={600}>
            <Table.Th scope="row" ta="left">
              Total
            </Table.Th>
            {hours.map((hour) => {
              const count = byHour.get(hour) ?? 0;
              return (
                <Table.Td key={hour}>
                  {count === 0 ? null : (
                    <FigureButton label={`No-shows, ${hourLabel(hour)}: ${formatCount(count)}`} onClick={drill(`${hourLabel(hour)} on any day`, { hour })}>
                      {formatCount(count)}
                    </FigureButton>
                  )}
                </Table.Td>
              );
            })}
            <Table.Td>
              <FigureButton label={`No-shows, all: ${formatCount(noShows.total)}`} onClick={drill('all', {})}>
                {formatCount(noShows.total)}
              </FigureButton>
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
