import type { Consent, ConsentRisk } from '@ims/contracts';
import type { ImsConsent } from '@ims/prisma';
import { isoDay } from '../clinicians/clinician-view';
import { consentInForceOn, compareNewestFirst, type ConsentPeriod } from './consent-in-force';

/** A consent row with its dates as calendar days, ready for consentInForceOn. */
export type ConsentRecord = Omit<ImsConsent, 'consentedOn' | 'withdrawnOn'> & ConsentPeriod;

export function asRecord(row: ImsConsent): ConsentRecord {
  return { ...row, consentedOn: isoDay(row.consentedOn), withdrawnOn: row.withdrawnOn ? isoDay(row.withdrawnOn) : null };
}

/** Every consent newest first, and the one in force on `today`. */
export function consentList(rows: ImsConsent[], names: Map<string, string>, today: string): { items: Consent[]; inForce: Consent | null } {
  const records = rows.map(asRecord).sort(compareNewestFirst);
  const inForce = consentInForceOn(records, today);
  const items = records.map((record) => toConsent(record, names, record === inForce));
  return { items, inForce: items.find((item) => item.inForce) ?? null };
}

export function toConsent(record: ConsentRecord, names: Map<string, string>, inForce: boolean): Consent {
  const person = (id: string) => ({ id, name: names.get(id) ?? 'Unknown user' });
  return {
    id: record.id,
    patientId: record.patientId,
    clinicId: record.clinicId,
    consentedOn: record.consentedOn,
    takenBy: person(record.takenById),
    risksDisclosed: record.risksDisclosed as ConsentRisk[],
    thoraxIncluded: record.thoraxIncluded,
    method: record.method,
    givenBy: record.givenBy,
    guardianName: record.guardianName,
    guardianRelationship: record.guardianRelationship,
    capacityFinding: record.capacityFinding,
    notes: record.notes,
    withdrawnOn: record.withdrawnOn,
    withdrawnBy: record.withdrawnById ? person(record.withdrawnById) : null,
    withdrawalReason: record.withdrawalReason,
    inForce,
    createdAt: record.createdAt.toISOString(),
  };
}
