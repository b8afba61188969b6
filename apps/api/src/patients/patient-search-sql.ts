import { Prisma } from '@ims/prisma';
import { FLAG_COLUMNS, FLAG_JOINS, SUMMARY_COLUMNS } from './patient-view';
import type { SearchTerms } from './search-terms';
import { closeKeys, prefixKey, soundsAlike } from './name-search-keys';

/**
 * A name search ranks at most this many close candidates (see {@link closeCandidates}), plus partial matches when
 * those leave the first page short (see {@link partialCandidates}); its `total` counts them. The front desk wants
 * the best matches of what it typed, not a count of the thousands of names starting with "mar": ranking every one
 * of those is what made search slow.
 */
export const NAME_CANDIDATE_CAP = 100;
/** Partial matches (tier 3) top the candidates up to a first page of this many, and only then. */
export const NAME_PARTIAL_TOP_UP = 20;

export interface SearchScope {
  organisationId: string;
  includeArchived: boolean;
  clinicId?: string;
}

export interface SearchPage {
  page: number;
  pageSize: number;
}

type Terms<K extends SearchTerms['kind']> = Extract<SearchTerms, { kind: K }>;

const NAME_KEYS = Prisma.sql`patient_name_keys(p.search_name)`;
/** The words of search_name as the keys see them, space-padded: " zoe o brien zoe obrien ". */
const NAME_WORDS = Prisma.sql`' ' || translate(p.search_name, '''-', '  ') || ' ' || replace(replace(p.search_name, '''', ''), '-', '') || ' '`;
/** soundsAlike (name-search-keys.ts) of each word. */
const soundsOf = (text: Prisma.Sql) =>
  Prisma.sql`regexp_replace(regexp_replace(translate(replace(replace(${text}, 'ph', 'f'), 'ck', 'k'), 'yczq', 'iksk'), '([a-z])h', '\\1', 'g'), '([a-z])\\1+', '\\1', 'g')`;
const CANDIDATE_COLUMNS = Prisma.sql`p.id, p.home_clinic_id, p.first_name, p.last_name, p.preferred_name, p.date_of_birth, p.phone, p.email,
  p.health_number, p.archived_at, p.search_name, ${NAME_WORDS} AS words`;
/** Scores are constants of this file, never user input. */
const score = (value: number) => Prisma.raw(value.toFixed(2));

function scopeFilter(scope: SearchScope): Prisma.Sql {
  return Prisma.join(
    [
      Prisma.sql`p.organisation_id = ${scope.organisationId}::uuid`,
      ...(scope.includeArchived ? [] : [Prisma.sql`p.archived_at IS NULL`]),
      ...(scope.clinicId ? [Prisma.sql`p.home_clinic_id = ${scope.clinicId}::uuid`] : []),
    ],
    ' AND ',
  );
}

/**
 * The statement for one page of a search: one row per patient on the page (SUMMARY_COLUMNS and the flags) with
 * `total`, or a single row of nulls carrying `total` when the page is past the end. One round trip, no transaction.
 */
export function searchStatement(scope: SearchScope, terms: SearchTerms, { page, pageSize }: SearchPage): Prisma.Sql {
  const paging = Prisma.sql`LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  if (terms.kind === 'name') return nameStatement(scope, terms, paging);
  const where = Prisma.join([scopeFilter(scope), matchOf(terms)], ' AND ');
  if (terms.kind === 'all') {
    // Everyone: the page straight from the name-ordered index, the count apart (materialising all would cost more).
    return pageWithTotal(
      Prisma.sql`SELECT count(*)::int AS total FROM patient p WHERE ${where}`,
      Prisma.sql`SELECT p.*, 0 AS rank, NULL::real AS closeness FROM patient p WHERE ${where} ORDER BY p.last_name, p.first_name, p.id ${paging}`,
    );
  }
  // A date of birth or a whole number matches few patients: find them once (just what orders them), count them and
  // page them; the page's rows are read in full afterwards. A short fragment of a number ("604") matches thousands.
  const rank = terms.kind === 'digits' ? digitsRank(terms.digits) : Prisma.sql`0`;
  // The page bounds as uncorrelated subqueries: the planner sees them neither in a custom plan nor in the generic
  // one, so the two cost the same and PostgreSQL keeps the generic plan of the prepared statement (FastSql) instead
  // of planning every search anew, which cost more than running it.
  const blindPaging = Prisma.sql`LIMIT (SELECT ${pageSize}::int) OFFSET (SELECT ${(page - 1) * pageSize}::int)`;
  return Prisma.sql`
    WITH matches AS MATERIALIZED (SELECT p.id, ${rank} AS rank, p.last_name, p.first_name FROM patient p WHERE ${where})
    ${pageWithTotal(
      Prisma.sql`SELECT count(*)::int AS total FROM matches`,
      Prisma.sql`SELECT p.*, m.rank, NULL::real AS closeness
        FROM (SELECT * FROM matches m ORDER BY m.rank DESC, m.last_name, m.first_name, m.id ${blindPaging}) AS m
        JOIN patient p ON p.id = m.id`,
    )}`;
}

/** The page's rows with their flags (each page row `p` has `rank` and `closeness`), and the total on every row. */
function pageWithTotal(total: Prisma.Sql, page: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT ${SUMMARY_COLUMNS}, p."imsConsentOnFile", p."precautionsPresent", counted.total
    FROM (${total}) AS counted
    LEFT JOIN LATERAL (SELECT p.*, ${FLAG_COLUMNS} FROM (${page}) AS p ${FLAG_JOINS}) AS p ON true
    ORDER BY p.rank DESC, p.closeness DESC, p.last_name, p.first_name, p.id`;
}

function matchOf(terms: Terms<'all' | 'dateOfBirth' | 'digits'>): Prisma.Sql {
  switch (terms.kind) {
    case 'all':
      return Prisma.sql`TRUE`;
    case 'dateOfBirth':
      return Prisma.sql`p.date_of_birth = ${terms.date}::date`;
    case 'digits':
      // The pattern as a subquery too (see blindPaging): a custom plan would weigh it, the generic one cannot.
      return Prisma.sql`(p.phone_digits LIKE (SELECT ${`%${terms.digits}%`}::text) OR p.health_number_key = ${terms.digits})`;
  }
}

/** A health number exactly, then a whole phone number, then the start of one, then any part. */
function digitsRank(digits: string): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN p.health_number_key = ${digits} THEN 4
    WHEN position(${` ${digits} `} IN ' ' || p.phone_digits || ' ') > 0 THEN 3
    WHEN position(${` ${digits}`} IN ' ' || p.phone_digits) > 0 THEN 2
    ELSE 1 END`;
}

/**
 * Close candidates for a name, by tier, each tier an exact lookup in the name-keys index; tiers are read in order
 * and reading stops at the cap, so a looser tier costs nothing when the closer ones already fill it:
 * 0. the health number, when what was typed can be one;
 * 1. every typed word is a word of the name or the start of one ("mar thom" → Margaret Thompson);
 * 2. every typed word is close to a word of the name (one typo, or the same sound) and not already tier 1.
 */
function closeCandidates(scope: SearchScope, terms: Terms<'name'>): Prisma.Sql {
  const tiers = [
    ...(terms.healthKey ? [tierSelect(scope, 0, Prisma.sql`p.health_number_key = ${terms.healthKey}`, NAME_CANDIDATE_CAP)] : []),
    tierSelect(scope, 1, Prisma.sql`${NAME_KEYS} @> ${terms.tokens.map(prefixKey)}::text[]`, NAME_CANDIDATE_CAP),
    tierSelect(
      scope,
      2,
      Prisma.sql`${Prisma.join(terms.tokens.map((token) => Prisma.sql`${NAME_KEYS} && ${closeKeys(token)}::text[]`), ' AND ')} AND NOT (${startsEveryWord(terms)})`,
      NAME_CANDIDATE_CAP,
    ),
  ];
  // UNION ALL is read in order (a plain Append): the LIMIT stops before a looser tier is even looked up.
  return Prisma.sql`SELECT * FROM (${Prisma.join(tiers, ' UNION ALL ')}) AS tiers LIMIT ${NAME_CANDIDATE_CAP}`;
}

/**
 * Tier 3, partial matches: some typed word is a word of the name or the start of one. Only to top up a first page
 * the close candidates leave short ("jon smyth" also shows Jon Snow); when they fill it, partial matches would only
 * rank below them, so they are not even looked up.
 */
function partialCandidates(scope: SearchScope, terms: Terms<'name'>): Prisma.Sql {
  // The count is an uncorrelated subquery: evaluated once, and when it fails the scan below is never started.
  const closeShort = Prisma.sql`(SELECT count(*) FROM close_matches) < ${NAME_PARTIAL_TOP_UP}`;
  const someWord = Prisma.sql`${NAME_KEYS} && ${terms.tokens.map(prefixKey)}::text[] AND NOT (${startsEveryWord(terms)})`;
  return tierSelect(scope, 3, Prisma.sql`${someWord} AND ${closeShort}`, NAME_PARTIAL_TOP_UP);
}

/** One tier's candidates: the columns ranking and the page need, the words for scoring and (tier 2 only) their sounds. */
function tierSelect(scope: SearchScope, tier: number, where: Prisma.Sql, limit: number): Prisma.Sql {
  // Only tier 2 can hold sound-alike matches worth telling apart, and it is small: its sounds are computed here.
  const sounds = tier === 2 ? soundsOf(NAME_WORDS) : Prisma.sql`NULL::text`;
  return Prisma.sql`(SELECT ${CANDIDATE_COLUMNS}, ${Prisma.raw(String(tier))} AS tier, ${sounds} AS sounds
    FROM patient p WHERE ${scopeFilter(scope)} AND ${where} LIMIT ${limit})`;
}

/** Every typed word starts a word of the name: tier 1, which the looser tiers leave out. */
function startsEveryWord(terms: Terms<'name'>): Prisma.Sql {
  return Prisma.join(terms.tokens.map((token) => Prisma.sql`position(${` ${token}`} IN ${NAME_WORDS}) > 0`), ' AND ');
}

/**
 * How well each typed word fits the candidate, cheaply, from what its tier already tells: a whole word 1; the same
 * sound 0.9; the start of a word 0.9 for the last word (still being typed), 0.7 for an earlier one ("jon" in Jones
 * is a weaker fit than John); otherwise, in tier 2, a typo: 0.8, less in shorter words, where one letter is more.
 */
function wordScores(terms: Terms<'name'>): Prisma.Sql[] {
  const last = terms.tokens.length - 1;
  return terms.tokens.map((token, index) => {
    const length = [...token].length;
    const typo = length >= 5 ? 0.8 : length === 4 ? 0.7 : 0.6;
    return Prisma.sql`CASE
      WHEN position(${` ${token} `} IN c.words) > 0 THEN 1.00
      WHEN position(${` ${soundsAlike(token)} `} IN c.sounds) > 0 THEN 0.90
      WHEN position(${` ${token}`} IN c.words) > 0 THEN ${score(index === last ? 0.9 : 0.7)}
      WHEN c.tier = 2 THEN ${score(typo)}
      ELSE 0.00 END AS ${Prisma.raw(`s${index}`)}`;
  });
}

/**
 * Names: candidates (at most the cap), scored once each, then ranked by the worst word plus the average, so every
 * word has to fit ("jon smyth" finds John Smith before Jon Snow); a matching health number first of all; ties go
 * to the closer spelling of the whole (trigram word similarity), then to name order.
 */
function nameStatement(scope: SearchScope, terms: Terms<'name'>, paging: Prisma.Sql): Prisma.Sql {
  // Prisma.raw only for column names made from array indexes; every typed word travels as a parameter.
  const columns = terms.tokens.map((_token, index) => Prisma.raw(`c.s${index}`));
  const rank = Prisma.sql`CASE WHEN c.tier = 0 THEN 10 ELSE 0 END + least(${Prisma.join(columns, ', ')}) + (${Prisma.join(columns, ' + ')}) / ${terms.tokens.length}`;
  // With a single word, a partial match is a close one: tier 3 only exists for several.
  const partial = terms.tokens.length > 1 ? Prisma.sql`UNION ALL ${partialCandidates(scope, terms)}` : Prisma.empty;
  return Prisma.sql`
    WITH close_matches AS MATERIALIZED (${closeCandidates(scope, terms)}),
    candidates AS MATERIALIZED (
      SELECT DISTINCT ON (c.id) c.*, ${Prisma.join(wordScores(terms), ', ')}, word_similarity(${terms.folded}, c.search_name) AS closeness
      FROM (SELECT * FROM close_matches ${partial}) AS c
      ORDER BY c.id, c.tier
    )
  ${pageWithTotal(
      Prisma.sql`SELECT count(*)::int AS total FROM candidates`,
      Prisma.sql`SELECT c.*, ${rank} AS rank FROM candidates c ORDER BY rank DESC, c.closeness DESC, c.last_name, c.first_name, c.id ${paging}`,
    )}`;
}
