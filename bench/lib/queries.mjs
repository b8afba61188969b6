// The search mix: what a front desk types, built from seeded patients so each query has an intended patient.

/** A deterministic typo: two inner letters swapped (thompson → thopmson), or one dropped from a short name. */
export function misspell(name) {
  const letters = [...name];
  if (letters.length >= 6) [letters[3], letters[4]] = [letters[4], letters[3]];
  else if (letters.length >= 4) letters.splice(2, 1);
  return letters.join('');
}

const PHONE_STYLES = [
  (n) => `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`,
  (n) => `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`,
  (n) => n,
  (n) => `${n.slice(0, 3)}.${n.slice(3, 6)}.${n.slice(6)}`,
];

/** Query kinds and their share of the mix (out of 10). */
export const MIX = { name_typo: 3, name_fragment: 3, phone: 2, date_of_birth: 1, health_number: 1 };

function queryOf(kind, patient, index) {
  const first = patient.first_name.toLowerCase();
  const last = patient.last_name.toLowerCase();
  switch (kind) {
    case 'name_typo':
      return `${first} ${misspell(last)}`;
    case 'name_fragment':
      // Typing as you go: the start of the last name, sometimes with the start of the first name before it.
      return index % 2 === 0 ? last.slice(0, 4) : `${first.slice(0, 3)} ${last.slice(0, 4)}`;
    case 'phone':
      return PHONE_STYLES[index % PHONE_STYLES.length](patient.phone.slice(2));
    case 'date_of_birth':
      return patient.dob;
    case 'health_number':
      return patient.health_number;
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

/** 1,000 queries in a fixed order, the kinds interleaved per MIX, from a deterministic sample of active patients. */
export async function buildQueries(client, organisationId) {
  const { rows: patients } = await client.query(
    `SELECT id, first_name, last_name, to_char(date_of_birth, 'YYYY-MM-DD') AS dob, phone, health_number
     FROM patient WHERE organisation_id = $1 AND archived_at IS NULL AND substr(health_number_key, 2)::int % 199 = 0
     ORDER BY health_number_key LIMIT 1000`,
    [organisationId],
  );
  const cycle = Object.entries(MIX).flatMap(([kind, weight]) => Array(weight).fill(kind));
  return Array.from({ length: 1000 }, (_, index) => {
    const patient = patients[index % patients.length];
    const kind = cycle[index % cycle.length];
    return { kind, q: queryOf(kind, patient, index), patientId: patient.id };
  });
}
