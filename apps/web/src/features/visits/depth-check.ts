/** A muscle's usual needling depth, as the catalogue gives it (cm). */
export interface DepthRange {
  depthMinCm: number;
  depthMaxCm: number;
}

/** What a site's depth means for safety, before anything is sent. */
export interface DepthCheck {
  /** Impossible: deeper than the needle is long. Refused as input by the API (400), so never sent. */
  deeperThanNeedle: boolean;
  /** Outside the muscle's usual range: allowed, but signing needs the clinician's acknowledgement and reason. */
  outsideRange: 'shallower' | 'deeper' | null;
  /** Outside the range and no reason given yet: the sign rule `depth-range` would refuse the note. */
  needsAcknowledgement: boolean;
}

// The same float tolerance the contract uses, so the screen and the API never disagree about 4.0 cm on a 40 mm needle.
const EPSILON = 1e-9;

const cm = (value: number) => String(Math.round(value * 10) / 10);

/** "usual 1–2.5 cm". */
export function usualDepthLabel(range: DepthRange): string {
  return `usual ${cm(range.depthMinCm)}–${cm(range.depthMaxCm)} cm`;
}

/**
 * Checks a depth against the needle and the muscle. Unknown parts (no depth typed yet, no needle length, no muscle
 * chosen) check nothing rather than warn about a half-typed row.
 */
export function checkDepth(options: {
  depthCm: number | null;
  lengthMm: number | null;
  muscle: DepthRange | null;
  ackReason?: string;
}): DepthCheck {
  const { depthCm, lengthMm, muscle } = options;
  const deeperThanNeedle = depthCm !== null && lengthMm !== null && depthCm * 10 > lengthMm + EPSILON;
  let outsideRange: DepthCheck['outsideRange'] = null;
  if (depthCm !== null && muscle) {
    if (depthCm < muscle.depthMinCm - EPSILON) outsideRange = 'shallower';
    else if (depthCm > muscle.depthMaxCm + EPSILON) outsideRange = 'deeper';
  }
  const needsAcknowledgement = outsideRange !== null && !options.ackReason?.trim();
  return { deeperThanNeedle, outsideRange, needsAcknowledgement };
}

/**
 * The `depthAck` to send: the reason only while the depth is outside the usual range. A reason left over from
 * before the depth was corrected would otherwise be signed as an acknowledgement of nothing.
 */
export function depthAckFor(check: DepthCheck, reason: string): { reason: string } | undefined {
  const trimmed = reason.trim();
  return check.outsideRange && trimmed ? { reason: trimmed } : undefined;
}

/** "2.5 cm is deeper than the 20 mm needle" / "6 cm is deeper than usual (1–2.5 cm)". */
export function depthMessage(check: DepthCheck, options: { depthCm: number; lengthMm: number | null; muscle: DepthRange | null }): string | null {
  if (check.deeperThanNeedle && options.lengthMm !== null) return `${cm(options.depthCm)} cm is deeper than the ${options.lengthMm} mm needle`;
  if (check.outsideRange && options.muscle) {
    const range = `${cm(options.muscle.depthMinCm)}–${cm(options.muscle.depthMaxCm)} cm`;
    return `${cm(options.depthCm)} cm is ${check.outsideRange === 'deeper' ? 'deeper' : 'shallower'} than usual (${range})`;
  }
  return null;
}
