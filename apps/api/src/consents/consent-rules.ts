import { AGE_OF_MAJORITY, type ProblemFieldError, type ProblemViolation } from '@ims/contracts';

/** Completed years of age on `date` for someone born on `dateOfBirth` (both `YYYY-MM-DD`); 29 February counts from 1 March. */
export function ageOn(dateOfBirth: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return date.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

export interface ConsentGiver {
  givenBy: 'patient' | 'guardian' | 'capable_minor';
  guardianName?: string | null;
  guardianRelationship?: string | null;
  capacityFinding?: string | null;
}

/**
 * Who may give consent, by age on the day it was given: a minor (under AGE_OF_MAJORITY) through a guardian or, when
 * the clinician finds them capable, themself; an adult themself. The record must say which, so a mismatch is refused.
 */
export function consentGiverViolations(giver: ConsentGiver, age: number): ProblemViolation[] {
  if (age < AGE_OF_MAJORITY && giver.givenBy === 'patient') {
    return [
      {
        rule: 'minor-consent',
        message: `The patient was ${age} on that day, under ${AGE_OF_MAJORITY}: record the consent as given by a parent or guardian (guardian), or record your finding that the minor is capable of consenting (capable_minor)`,
      },
    ];
  }
  if (age >= AGE_OF_MAJORITY && giver.givenBy !== 'patient') {
    return [{ rule: 'adult-consent', message: `The patient was ${age} on that day: an adult gives consent themself (givenBy patient)` }];
  }
  return [];
}

/**
 * Fields that belong to another kind of giver: a guardian's name on the patient's own consent would make the record
 * say two things at once, so they are refused rather than silently kept or dropped.
 */
export function misplacedGiverFields(giver: ConsentGiver): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  if (giver.givenBy !== 'guardian') {
    if (giver.guardianName) errors.push({ path: 'guardianName', message: 'is only recorded when a guardian consents' });
    if (giver.guardianRelationship) errors.push({ path: 'guardianRelationship', message: 'is only recorded when a guardian consents' });
  }
  if (giver.givenBy !== 'capable_minor' && giver.capacityFinding) {
    errors.push({ path: 'capacityFinding', message: 'is only recorded when a capable minor consents' });
  }
  return errors;
}
