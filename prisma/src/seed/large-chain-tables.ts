import type { Hash } from 'node:crypto';
import { CopyBuffer } from './large-chain-copy';

/** The columns the large chain writes, per table (the rest keep their defaults), and each table's id code. */
const TABLES = {
  organisation: { code: 1, columns: ['id', 'name', 'created_at'] },
  clinic: { code: 2, columns: ['id', 'organisation_id', 'name', 'time_zone', 'address', 'phone', 'late_cancel_notice_hours', 'created_at'] },
  clinic_opening_hours: { code: 3, columns: ['id', 'organisation_id', 'clinic_id', 'weekday', 'opens_at', 'closes_at'] },
  room: { code: 4, columns: ['id', 'organisation_id', 'clinic_id', 'name', 'active'] },
  appointment_type: { code: 5, columns: ['id', 'organisation_id', 'clinic_id', 'name', 'kind', 'duration_minutes', 'active'] },
  app_user: {
    code: 6,
    columns: ['id', 'organisation_id', 'email', 'name', 'password_hash', 'roles', 'active', 'version', 'password_changed_at', 'created_at', 'updated_at'],
  },
  user_clinic: { code: 0, columns: ['organisation_id', 'user_id', 'clinic_id'] },
  clinician: { code: 7, columns: ['id', 'organisation_id', 'user_id', 'display_name', 'registration_number', 'created_at'] },
  needling_authorisation: {
    code: 8,
    columns: ['id', 'organisation_id', 'clinician_id', 'kind', 'issuing_body', 'number', 'valid_from', 'valid_to', 'created_at'],
  },
  working_hours: { code: 9, columns: ['id', 'organisation_id', 'clinic_id', 'clinician_id', 'weekday', 'start_time', 'end_time'] },
  clinician_time_off: { code: 10, columns: ['id', 'organisation_id', 'clinician_id', 'starts_at', 'ends_at', 'reason', 'created_by_id', 'created_at'] },
  patient: {
    code: 11,
    columns: [
      'id', 'organisation_id', 'home_clinic_id', 'first_name', 'last_name', 'middle_name', 'preferred_name', 'date_of_birth', 'sex',
      'phone', 'email', 'address_line1', 'city', 'region', 'postal_code', 'country', 'health_number', 'health_number_issuer',
      'emergency_contact_name', 'emergency_contact_relationship', 'emergency_contact_phone', 'referral_source', 'preferred_contact',
      'reminder_consent_email', 'reminder_consent_sms', 'search_name', 'phone_digits', 'health_number_key', 'archived_at',
      'archived_by_id', 'created_at', 'updated_at',
    ],
  },
  treatment_plan: {
    code: 12,
    columns: [
      'id', 'organisation_id', 'clinic_id', 'patient_id', 'clinician_id', 'version', 'condition', 'regions', 'goals', 'planned_sessions',
      'primary_measure', 'status', 'status_reason', 'started_on', 'ended_on', 'reviewed_at', 'reviewed_by_id', 'review_note',
      'created_at', 'updated_at',
    ],
  },
  appointment: {
    code: 13,
    columns: [
      'id', 'organisation_id', 'clinic_id', 'patient_id', 'clinician_id', 'room_id', 'appointment_type_id', 'plan_id', 'version',
      'starts_at', 'ends_at', 'local_start', 'time_zone', 'status', 'status_changed_at', 'status_changed_by_id', 'cancel_reason',
      'late_cancellation', 'notes', 'created_by_id', 'created_at', 'updated_at',
    ],
  },
  appointment_change: {
    code: 14,
    columns: ['id', 'organisation_id', 'clinic_id', 'appointment_id', 'kind', 'changed_by_id', 'changed_at', 'from_starts_at', 'to_starts_at', 'reason'],
  },
  ims_consent: {
    code: 15,
    columns: [
      'id', 'organisation_id', 'clinic_id', 'patient_id', 'taken_by_id', 'consented_on', 'risks_disclosed', 'thorax_included', 'method',
      'given_by', 'guardian_name', 'guardian_relationship', 'notes', 'withdrawn_on', 'withdrawn_by_id', 'withdrawal_reason', 'created_at',
    ],
  },
  visit_note: {
    code: 16,
    columns: [
      'id', 'organisation_id', 'clinic_id', 'patient_id', 'clinician_id', 'appointment_id', 'plan_id', 'status', 'visited_at',
      'visit_date', 'session_number', 'pain_before', 'pain_after', 'subjective', 'objective', 'assessment', 'plan', 'advice',
      'needling_done', 'needles_opened', 'needles_removed', 'needles_retained', 'needles_disposed', 'minutes_spent', 'signed_at',
      'signed_by_id', 'content_hash', 'created_by_id', 'created_at', 'updated_at',
    ],
  },
  visit_site: {
    code: 17,
    columns: ['id', 'visit_note_id', 'position', 'muscle_id', 'side', 'level', 'gauge_mm', 'length_mm', 'depth_cm', 'technique', 'twitch', 'tolerance'],
  },
  visit_adverse_event: { code: 18, columns: ['id', 'visit_note_id', 'position', 'kind', 'detail'] },
  outcome_record: {
    code: 19,
    columns: [
      'id', 'organisation_id', 'plan_id', 'patient_id', 'measure', 'timepoint', 'session_number', 'answers', 'score', 'subscores',
      'taken_at', 'recorded_by_id', 'created_at',
    ],
  },
  waitlist_entry: {
    code: 20,
    columns: [
      'id', 'organisation_id', 'clinic_id', 'patient_id', 'appointment_type_id', 'preferred_clinician_ids', 'preferred_weekdays',
      'earliest_time', 'latest_time', 'priority', 'notes', 'created_by_id', 'created_at', 'removed_at', 'removed_reason',
    ],
  },
} as const;

export type ChainTable = keyof typeof TABLES;

/** Tables whose indexes and keys are built after the load rather than row by row (the big ones). */
export const BULK_TABLES: readonly ChainTable[] = [
  'patient', 'treatment_plan', 'appointment', 'appointment_change', 'ims_consent', 'visit_note', 'visit_site', 'visit_adverse_event', 'outcome_record',
];

/**
 * Kept during the load: the signing UPDATE finds notes by id, and the trigger on visit_site/visit_adverse_event looks
 * each note up by id for every child row written.
 */
export const KEPT_DURING_LOAD = ['visit_note_pkey'];

/** Dependency order: a table is copied after the tables it refers to. */
export const LOAD_ORDER: readonly ChainTable[] = Object.keys(TABLES) as ChainTable[];

export const tableCode = (table: ChainTable): number => TABLES[table].code;

export type ChainBuffers = { [T in ChainTable]: CopyBuffer };

export function chainBuffers(digest: Hash): ChainBuffers {
  return Object.fromEntries(Object.entries(TABLES).map(([table, { columns }]) => [table, new CopyBuffer(table, columns, digest)])) as ChainBuffers;
}
