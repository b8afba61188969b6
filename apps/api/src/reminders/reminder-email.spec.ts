import { localAppointmentTime, reminderEmail } from './reminder-email';

describe('reminder email', () => {
  const input = {
    patientName: 'Pat',
    clinicName: 'Kitsilano IMS',
    clinicAddress: '2100 W 4th Ave, Vancouver',
    clinicPhone: '+1 604 555 0100',
    clinicianName: 'Dr Ames',
    // 17:00 UTC is 10:00 in Vancouver in summer (PDT) and 09:00 in winter (PST).
    startsAt: new Date('2026-07-14T17:00:00Z'),
    timeZone: 'America/Vancouver',
  };

  it('writes the time on the clinic’s clock, with the zone in force that day', () => {
    expect(localAppointmentTime(new Date('2026-07-14T17:00:00Z'), 'America/Vancouver')).toBe('Tuesday, July 14, 2026 at 10:00 AM PDT');
    expect(localAppointmentTime(new Date('2026-12-08T17:00:00Z'), 'America/Vancouver')).toBe('Tuesday, December 8, 2026 at 9:00 AM PST');
    expect(localAppointmentTime(new Date('2026-07-14T09:30:00Z'), 'Europe/London')).toMatch(/^Tuesday, July 14, 2026 at 10:30 AM (BST|GMT\+1)$/);
  });

  it('names the clinic, clinician, address and phone, and nothing clinical', () => {
    const email = reminderEmail(input);
    expect(email.subject).toBe('Appointment reminder: Tuesday, July 14, 2026 at 10:00 AM PDT at Kitsilano IMS');
    expect(email.text).toContain('Hello Pat,');
    expect(email.text).toContain('With:  Dr Ames');
    expect(email.text).toContain('Where: 2100 W 4th Ave, Vancouver');
    expect(email.text).toContain('+1 604 555 0100');
    expect(email.text).not.toMatch(/IMS treatment|needl|diagnos|pain/i);
  });

  it('does without an address or phone', () => {
    const email = reminderEmail({ ...input, clinicAddress: null, clinicPhone: null });
    expect(email.text).not.toContain('Where:');
    expect(email.text).toContain('please contact the clinic');
  });
});
