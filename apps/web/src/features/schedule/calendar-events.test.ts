import { describe, expect, it } from 'vitest';
import { TYPE_PALETTE, toCalendarEvents, typeColours, UNKNOWN_TYPE_COLOUR } from './calendar-events';
import { appointment, ASSESSMENT, TREATMENT } from './testing/schedule-fixtures';

const colours = typeColours([TREATMENT, ASSESSMENT]);

describe('typeColours', () => {
  it('gives each type the palette colour of its place in the list, cycling when the palette runs out', () => {
    expect(colours.get(TREATMENT.id)).toBe(TYPE_PALETTE[0]);
    expect(colours.get(ASSESSMENT.id)).toBe(TYPE_PALETTE[1]);
    const many = Array.from({ length: TYPE_PALETTE.length + 1 }, (_, index) => ({ id: `type-${index}` }));
    expect(typeColours(many).get(`type-${TYPE_PALETTE.length}`)).toBe(TYPE_PALETTE[0]);
  });
});

describe('toCalendarEvents', () => {
  it('writes every palette colour\'s events in the text colour that reads on it (WCAG AA 4.5:1)', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (light + 0.05) / (dark + 0.05);
    };
    for (const colour of TYPE_PALETTE) {
      const [event] = toCalendarEvents([appointment({})], { colours: new Map([[TREATMENT.id, colour]]), canMove: false });
      expect({ colour, ratio: contrast(colour, event.textColor as string) >= 4.5 }).toEqual({ colour, ratio: true });
    }
  });

  it('maps a booked appointment to a draggable event in its type colour, at the wall-clock time the API sent', () => {
    const booked = appointment({ appointmentTypeId: ASSESSMENT.id, appointmentTypeName: ASSESSMENT.name });
    const [event] = toCalendarEvents([booked], { colours, canMove: true });
    expect(event).toMatchObject({
      id: booked.id,
      title: 'Jane Doe · IMS initial assessment',
      start: '2026-03-09T10:00:00',
      end: '2026-03-09T10:30:00',
      backgroundColor: TYPE_PALETTE[1],
      borderColor: TYPE_PALETTE[1],
      textColor: '#000000',
      classNames: ['appointment-status-booked'],
      startEditable: true,
      durationEditable: false,
    });
    expect(event?.extendedProps).toEqual({ appointment: booked, inactive: false });
  });

  it('fades and strikes through cancelled and no-show appointments, which never move', () => {
    const [cancelled, noShow] = toCalendarEvents([appointment({ status: 'cancelled' }), appointment({ status: 'no_show' })], { colours, canMove: true });
    expect(cancelled).toMatchObject({
      title: 'Jane Doe · IMS treatment (cancelled)',
      backgroundColor: `${TYPE_PALETTE[0]}26`,
      textColor: '#495057',
      classNames: ['appointment-status-cancelled', 'appointment-inactive'],
      startEditable: false,
    });
    expect(noShow).toMatchObject({ title: 'Jane Doe · IMS treatment (no-show)', classNames: ['appointment-status-no-show', 'appointment-inactive'] });
    expect(noShow?.extendedProps).toMatchObject({ inactive: true });
  });

  it('outlines arrived appointments in green and keeps them in place', () => {
    const [arrived] = toCalendarEvents([appointment({ status: 'arrived' })], { colours, canMove: true });
    expect(arrived).toMatchObject({
      title: 'Jane Doe · IMS treatment (arrived)',
      backgroundColor: TYPE_PALETTE[0],
      borderColor: '#2b8a3e',
      classNames: ['appointment-status-arrived'],
      startEditable: false,
    });
  });

  it('lets nobody drag when the viewer may not move appointments, and greys a type it does not know', () => {
    const [event] = toCalendarEvents([appointment({ appointmentTypeId: '00000000-0000-4000-8000-000000000000' })], { colours, canMove: false });
    expect(event).toMatchObject({ startEditable: false, backgroundColor: UNKNOWN_TYPE_COLOUR });
  });
});
