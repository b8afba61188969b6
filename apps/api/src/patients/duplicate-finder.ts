import { Injectable } from '@nestjs/common';
import type { DuplicateCandidate } from '@ims/contracts';
import { Prisma, foldForSearch, healthNumberKey } from '@ims/prisma';
import { SUMMARY_COLUMNS, summariesOf, type Db, type SummaryRow } from './patient-view';

/** Who is being registered, as far as telling them apart from existing patients goes. */
export interface DuplicateProbe {
  firstName: string;
  lastName: string;
  /** `YYYY-MM-DD` */
  dateOfBirth: string;
  /** E.164 numbers (phone and alternative phone). */
  phones: Array<string | null | undefined>;
  healthNumber?: string | null;
  email?: string | null;
}

type Reason = DuplicateCandidate['reasons'][number];

/** Names with at least this trigram similarity (on the same date of birth) are "similar". */
export const SIMILAR_NAME = 0.4;
/** At most this many candidates are shown: more would not help anyone pick. */
export const MAX_CANDIDATES = 10;

const REASON_TEXT: Record<Reason, string> = {
  same_dob_similar_name: 'same date of birth and a similar name',
  same_phone: 'same phone number',
  same_health_number: 'same health number',
  same_email_and_dob: 'same email and date of birth',
};

/** "same phone number; same health number": a candidate's reasons as the 409 problem names them. */
export const describeReasons = (reasons: Reason[]): string => reasons.map((reason) => REASON_TEXT[reason]).join('; ');

interface CandidateRow extends SummaryRow {
  sameDobSimilarName: boolean;
  samePhone: boolean;
  sameHealthNumber: boolean;
  sameEmailAndDob: boolean;
}

/**
 * Likely duplicates of a registration within the organisation, strongest first: the same health number, the same
 * phone, the same date of birth with a similar name (trigram similarity, or the same last name), or the same email
 * with the same date of birth. Archived patients count (someone coming back should be unarchived, not registered
 * twice); anonymised ones do not, having no demographics left to compare.
 */
@Injectable()
export class DuplicateFinder {
  async find(db: Db, organisationId: string, probe: DuplicateProbe, excludeId?: string): Promise<DuplicateCandidate[]> {
    const name = foldForSearch(`${probe.firstName} ${probe.lastName}`);
    const lastName = foldForSearch(probe.lastName);
    const dob = probe.dateOfBirth;
    const phones = [...new Set(probe.phones.filter((phone): phone is string => !!phone))];
    const healthKey = healthNumberKey(probe.healthNumber);
    const email = probe.email?.toLowerCase() ?? null;

    // Each branch of the outer filter can use an index (date of birth, health number key, phone digits trigrams).
    const reach = [
      Prisma.sql`p.date_of_birth = ${dob}::date`,
      ...(healthKey ? [Prisma.sql`p.health_number_key = ${healthKey}`] : []),
      ...phones.map((phone) => Prisma.sql`p.phone_digits LIKE ${`%${phone.replace(/\D/g, '')}%`}`),
    ];
    const rows = await db.$queryRaw<CandidateRow[]>`
      SELECT * FROM (
        SELECT ${SUMMARY_COLUMNS},
          -- Every reason is true or false, never NULL (a NULL phone would sort a weak candidate first).
          (p.date_of_birth = ${dob}::date AND (
            similarity(p.search_name, ${name}) >= ${SIMILAR_NAME}
            OR word_similarity(${name}, p.search_name) >= ${SIMILAR_NAME + 0.2}
            OR position(${` ${lastName} `} IN ' ' || p.search_name || ' ') > 0
          )) AS "sameDobSimilarName",
          COALESCE(p.phone = ANY(${phones}::text[]) OR p.phone_alt = ANY(${phones}::text[]), false) AS "samePhone",
          (p.health_number_key IS NOT DISTINCT FROM ${healthKey}::text AND p.health_number_key IS NOT NULL) AS "sameHealthNumber",
          COALESCE(${email}::text IS NOT NULL AND lower(p.email) = ${email}::text AND p.date_of_birth = ${dob}::date, false) AS "sameEmailAndDob",
          similarity(p.search_name, ${name}) AS "nameScore"
        FROM patient p
        WHERE p.organisation_id = ${organisationId}::uuid
          AND p.anonymised_at IS NULL
          AND p.id IS DISTINCT FROM ${excludeId ?? null}::uuid
          AND (${Prisma.join(reach, ' OR ')})
      ) AS c
      WHERE c."sameDobSimilarName" OR c."samePhone" OR c."sameHealthNumber" OR c."sameEmailAndDob"
      ORDER BY c."sameHealthNumber"::int + c."samePhone"::int + c."sameDobSimilarName"::int + c."sameEmailAndDob"::int DESC,
        c."sameHealthNumber" DESC, c."nameScore" DESC, c."lastName", c."firstName", c.id
      LIMIT ${MAX_CANDIDATES}`;

    const summaries = await summariesOf(db, rows);
    return rows.map((row, index) => ({ patient: summaries[index], reasons: reasonsOf(row) }));
  }
}

function reasonsOf(row: CandidateRow): Reason[] {
  const reasons: Reason[] = [];
  if (row.sameHealthNumber) reasons.push('same_health_number');
  if (row.samePhone) reasons.push('same_phone');
  if (row.sameDobSimilarName) reasons.push('same_dob_similar_name');
  if (row.sameEmailAndDob) reasons.push('same_email_and_dob');
  return reasons;
}
