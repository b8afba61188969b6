import { describe, expect, it } from 'vitest';
import { checkDepth, depthAckFor, depthMessage, usualDepthLabel } from './depth-check';

const masseter = { depthMinCm: 1, depthMaxCm: 2.5 };

describe('checkDepth', () => {
  it('passes a depth inside the usual range on a long enough needle', () => {
    expect(checkDepth({ depthCm: 2, lengthMm: 30, muscle: masseter })).toEqual({
      deeperThanNeedle: false,
      outsideRange: null,
      needsAcknowledgement: false,
    });
  });

  it('treats the ends of the range and the needle length as allowed (no float surprises)', () => {
    expect(checkDepth({ depthCm: 1, lengthMm: 10, muscle: masseter })).toMatchObject({ deeperThanNeedle: false, outsideRange: null });
    expect(checkDepth({ depthCm: 2.5, lengthMm: 25, muscle: masseter })).toMatchObject({ deeperThanNeedle: false, outsideRange: null });
    expect(checkDepth({ depthCm: 0.3, lengthMm: 3, muscle: null }).deeperThanNeedle).toBe(false);
  });

  it('flags a depth deeper than the needle as impossible', () => {
    const check = checkDepth({ depthCm: 4.1, lengthMm: 40, muscle: null });
    expect(check.deeperThanNeedle).toBe(true);
    expect(depthMessage(check, { depthCm: 4.1, lengthMm: 40, muscle: null })).toBe('4.1 cm is deeper than the 40 mm needle');
  });

  it('warns outside the usual range and asks for a reason until one is given', () => {
    const deep = checkDepth({ depthCm: 6, lengthMm: 75, muscle: masseter });
    expect(deep).toEqual({ deeperThanNeedle: false, outsideRange: 'deeper', needsAcknowledgement: true });
    expect(depthMessage(deep, { depthCm: 6, lengthMm: 75, muscle: masseter })).toBe('6 cm is deeper than usual (1–2.5 cm)');

    expect(checkDepth({ depthCm: 0.5, lengthMm: 30, muscle: masseter }).outsideRange).toBe('shallower');
    expect(checkDepth({ depthCm: 6, lengthMm: 75, muscle: masseter, ackReason: '   ' }).needsAcknowledgement).toBe(true);
    expect(checkDepth({ depthCm: 6, lengthMm: 75, muscle: masseter, ackReason: 'Large build' }).needsAcknowledgement).toBe(false);
  });

  it('checks nothing about parts not typed yet', () => {
    expect(checkDepth({ depthCm: null, lengthMm: 30, muscle: masseter })).toEqual({ deeperThanNeedle: false, outsideRange: null, needsAcknowledgement: false });
    expect(checkDepth({ depthCm: 9, lengthMm: null, muscle: null }).deeperThanNeedle).toBe(false);
  });
});

describe('depthAckFor', () => {
  it('sends the trimmed reason only while the depth is outside the range', () => {
    const outside = checkDepth({ depthCm: 6, lengthMm: 75, muscle: masseter, ackReason: ' Large build ' });
    expect(depthAckFor(outside, ' Large build ')).toEqual({ reason: 'Large build' });
    expect(depthAckFor(outside, '  ')).toBeUndefined();

    const corrected = checkDepth({ depthCm: 2, lengthMm: 75, muscle: masseter, ackReason: 'Large build' });
    expect(depthAckFor(corrected, 'Large build')).toBeUndefined();
  });
});

describe('usualDepthLabel', () => {
  it('reads like the catalogue', () => {
    expect(usualDepthLabel(masseter)).toBe('usual 1–2.5 cm');
    expect(usualDepthLabel({ depthMinCm: 3, depthMaxCm: 7 })).toBe('usual 3–7 cm');
  });
});
