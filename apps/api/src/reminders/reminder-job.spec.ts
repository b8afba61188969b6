import { earlierReminderJobIds, reminderJobId, reminderSendAt, reminderSingletonKey } from './reminder-job';
import { shouldRemind, type ReminderFacts } from './reminder-eligibility';

const APPOINTMENT = '0196f3a0-0000-7000-8000-000000000001';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('reminder jobs', () => {
  it('derives one stable job id per appointment version, in UUID form', () => {
    const v1 = reminderJobId({ appointmentId: APPOINTMENT, version: 1 });
    expect(v1).toMatch(UUID);
    expect(reminderJobId({ appointmentId: APPOINTMENT, version: 1 })).toBe(v1);
    expect(reminderJobId({ appointmentId: APPOINTMENT, version: 2 })).not.toBe(v1);
    expect(reminderSingletonKey({ appointmentId: APPOINTMENT, version: 3 })).toBe(`${APPOINTMENT}:3`);
  });

  it('lists the ids of every earlier version, none for the first', () => {
    expect(earlierReminderJobIds(APPOINTMENT, 1)).toEqual([]);
    expect(earlierReminderJobIds(APPOINTMENT, 3)).toEqual([1, 2].map((version) => reminderJobId({ appointmentId: APPOINTMENT, version })));
  });

  it('sends the lead time before the start, or at once when that moment has passed', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    expect(reminderSendAt(new Date('2026-03-05T17:00:00Z'), 24, now)).toEqual(new Date('2026-03-04T17:00:00Z'));
    expect(reminderSendAt(new Date('2026-03-05T17:00:00Z'), 1.5, now)).toEqual(new Date('2026-03-05T15:30:00Z'));
    expect(reminderSendAt(new Date('2026-03-01T20:00:00Z'), 24, now)).toEqual(now);
  });
});

describe('who gets a reminder', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const facts = (change: Partial<ReminderFacts> = {}, patient: Partial<ReminderFacts['patient']> = {}): ReminderFacts => ({
    status: 'booked',
    startsAt: new Date('2026-03-02T17:00:00Z'),
    ...change,
    patient: { email: 'pat@example.org', reminderConsentEmail: true, archivedAt: null, anonymisedAt: null, ...patient },
  });

  it('a booked future appointment of a consenting patient with an email', () => {
    expect(shouldRemind(facts(), now)).toBe('remind');
  });

  it('nobody else', () => {
    expect(shouldRemind(facts({ status: 'cancelled' }), now)).toBe('not-booked');
    expect(shouldRemind(facts({ status: 'no_show' }), now)).toBe('not-booked');
    expect(shouldRemind(facts({ startsAt: new Date('2026-03-01T11:59:00Z') }), now)).toBe('in-the-past');
    expect(shouldRemind(facts({}, { reminderConsentEmail: false }), now)).toBe('no-consent');
    expect(shouldRemind(facts({}, { archivedAt: new Date() }), now)).toBe('no-consent');
    expect(shouldRemind(facts({}, { anonymisedAt: new Date() }), now)).toBe('no-consent');
    expect(shouldRemind(facts({}, { email: null }), now)).toBe('no-email');
  });
});
