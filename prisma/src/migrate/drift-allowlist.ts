/**
 * The one place that lists what the schema.prisma-vs-migrations diff may propose without it being drift.
 *
 * schema.prisma cannot express exclusion constraints, triggers and their functions, CHECK constraints or some
 * indexes, so hand-edited migrations add them, and the schema engine's diff then proposes to drop them again. Each
 * entry matches one such statement of the diff (whitespace collapsed to single spaces, comments removed) and says
 * why it is expected. Add an entry in the same change as the migration that creates the object.
 */
export interface AllowedDriftEntry {
  pattern: RegExp;
  reason: string;
}

export const DRIFT_ALLOWLIST: readonly AllowedDriftEntry[] = [
  {
    pattern: /^(CREATE|DROP) EXTENSION (IF (NOT )?EXISTS )?"?(btree_gist|pg_trgm)"?( CASCADE)?;?$/i,
    reason: 'init migration: btree_gist (exclusion constraints) and pg_trgm (trigram search) are created by hand',
  },
  {
    // Prefer declaring trigram indexes in schema.prisma: @@index([col(ops: raw("gin_trgm_ops"))], type: Gin).
    pattern: /^DROP INDEX "[a-z0-9_]+_trgm";?$/i,
    reason: 'trigram (pg_trgm) GIN indexes written by hand in a migration, named <table>_<column>_trgm',
  },
  {
    pattern: /^DROP INDEX "visit_note_plan_session_key";?$/i,
    reason: 'visit_notes migration: partial unique index (plan, session number) where a session number is set',
  },
  {
    pattern: /^DROP INDEX "outcome_record_one_baseline_key";?$/i,
    reason: 'outcomes migration: partial unique index, one baseline per measure of a plan',
  },
  {
    pattern: /^DROP INDEX "treatment_plan_clinic_id_ends_idx";?$/i,
    reason: 'plan_signed_sessions migration: expression index on a plan\'s end',
  },
  {
    pattern: /^DROP INDEX "appointment_completed_clinic_id_starts_at_idx";?$/i,
    reason: 'appointment_day_figures migration: partial covering index of completed appointments (patients seen)',
  },
  // Not listed because the schema engine's diff does not see them (measured): exclusion constraints
  // (appointment_no_*_overlap), CHECK constraints, triggers and their functions, grants and roles.
];

/** Whether a diff statement is expected (see {@link DRIFT_ALLOWLIST}). */
export function isAllowedDrift(statement: string, allowList: readonly AllowedDriftEntry[] = DRIFT_ALLOWLIST): boolean {
  const normalised = statement.replace(/\s+/g, ' ').trim();
  return allowList.some((entry) => entry.pattern.test(normalised));
}
