import type { NeedleSide, ProblemFieldError } from '@ims/contracts';

/** What the catalogue says about a muscle that decides which sides and levels make sense for it. */
export interface CatalogueMuscle {
  id: string;
  name: string;
  sided: boolean;
  levelled: boolean;
}

export interface SiteInput {
  muscleId: string;
  side: NeedleSide;
  level?: string | null;
}

/**
 * Field errors (400) for sites that cannot describe a real needling: an unknown muscle, a side a muscle cannot have
 * (left/right of a midline structure, "midline" of a sided muscle), a spinal level for a muscle that has none, or
 * sites at all when the note says no needling was done. The depth-within-needle check is in the contract.
 */
export function siteInputErrors(input: { needlingDone: boolean; sites: SiteInput[] }, muscles: ReadonlyMap<string, CatalogueMuscle>): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  if (!input.needlingDone && input.sites.length > 0) {
    errors.push({ path: 'sites', message: 'must be empty when no needling was done (needlingDone false)' });
  }
  input.sites.forEach((site, index) => {
    const muscle = muscles.get(site.muscleId);
    if (!muscle) {
      errors.push({ path: `sites.${index}.muscleId`, message: 'is not a muscle of the catalogue' });
      return;
    }
    if (!muscle.sided && site.side !== 'midline') {
      errors.push({ path: `sites.${index}.side`, message: `${muscle.name} is a midline structure: its side is "midline"` });
    }
    if (muscle.sided && site.side === 'midline') {
      errors.push({ path: `sites.${index}.side`, message: `${muscle.name} is sided: choose left, right or bilateral` });
    }
    if (site.level && !muscle.levelled) {
      errors.push({ path: `sites.${index}.level`, message: `is only recorded for muscles needled at a spinal level; ${muscle.name} has none` });
    }
  });
  return errors;
}
