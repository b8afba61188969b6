import { uuidV7 } from './patient-bulk-insert';

describe('uuidV7', () => {
  it('is a version 7, RFC variant UUID that sorts by creation time', () => {
    const earlier = uuidV7(Date.UTC(2026, 0, 1));
    const later = uuidV7(Date.UTC(2026, 0, 1) + 1);
    expect(earlier).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(earlier.slice(0, 13)).toBe('019b76da-a800');
    expect(earlier < later).toBe(true);
  });
});
