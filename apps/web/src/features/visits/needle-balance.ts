import type { AdverseEventKind, NeedleCount } from '@ims/contracts';

/** Where the sharps count of a visit stands, as the sign rule `needle-count` judges it. */
export interface NeedleBalance {
  balanced: boolean;
  /** opened − (removed + retained): positive when needles are unaccounted for, negative when more came back. */
  unaccounted: number;
  /** removed − disposed: positive when removed needles were not disposed of. */
  undisposed: number;
  /** A retained needle without the "Broken or retained needle" adverse event. */
  retainedUnrecorded: boolean;
  /** One sentence per failed check, for the clinician to act on; empty when balanced. */
  problems: string[];
}

const needles = (n: number) => `${n} needle${n === 1 ? '' : 's'}`;

/**
 * Checks the sharps count the way signing does (domain.md): every needle opened is removed or retained
 * (opened = removed + retained), every removed needle is disposed (removed = disposed), and a retained needle is
 * recorded as an adverse event.
 */
export function needleBalance(count: NeedleCount, adverseEvents: readonly AdverseEventKind[]): NeedleBalance {
  const unaccounted = count.opened - (count.removed + count.retained);
  const undisposed = count.removed - count.disposed;
  const retainedUnrecorded = count.retained > 0 && !adverseEvents.includes('retained-needle');
  const problems: string[] = [];
  if (unaccounted > 0) {
    problems.push(`${needles(unaccounted)} opened but neither removed nor retained (opened ${count.opened}, removed ${count.removed}, retained ${count.retained}).`);
  } else if (unaccounted < 0) {
    problems.push(`${needles(-unaccounted)} more removed or retained than opened (opened ${count.opened}, removed ${count.removed}, retained ${count.retained}).`);
  }
  if (undisposed > 0) {
    problems.push(`${needles(undisposed)} removed but not disposed of (removed ${count.removed}, disposed ${count.disposed}).`);
  } else if (undisposed < 0) {
    problems.push(`${needles(-undisposed)} more disposed of than removed (removed ${count.removed}, disposed ${count.disposed}).`);
  }
  if (retainedUnrecorded) {
    problems.push(`${needles(count.retained)} retained: record a "Broken or retained needle" adverse event.`);
  }
  return { balanced: problems.length === 0, unaccounted, undisposed, retainedUnrecorded, problems };
}
