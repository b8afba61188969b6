import { Faker, en_CA, en, base } from '@faker-js/faker';

/**
 * A Faker whose generator is seeded from a day number, so the same day always gives the same demo data and the seed
 * can be reproduced exactly for a bug report.
 */
export function seededFaker(seed: number): Faker {
  const faker = new Faker({ locale: [en_CA, en, base] });
  faker.seed(seed);
  return faker;
}

/** Picks from weighted options deterministically through the given faker. */
export function weightedPick<T>(faker: Faker, options: Array<[T, number]>): T {
  return faker.helpers.weightedArrayElement(options.map(([value, weight]) => ({ value, weight })));
}
