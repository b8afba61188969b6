import pg from 'pg';
import { cloneDatabase, type TestDatabase } from '@ims/prisma/testing';
import { closeKeys, prefixKey } from '../../src/patients/name-search-keys';

/**
 * The two halves of name search by keys must agree: the SQL function `patient_name_keys` (migration, GIN-indexed)
 * builds a name's keys, name-search-keys.ts builds a typed word's. Each case is decided by the database itself.
 */
describe('patient_name_keys (SQL) against the typed keys (TypeScript)', () => {
  let database: TestDatabase;
  let sql: pg.Client;

  /** Whether the typed word finds the stored search name with the given keys. */
  const finds = async (searchName: string, keys: string[]) =>
    (await sql.query<{ found: boolean }>('SELECT patient_name_keys($1) && $2::text[] AS found', [searchName, keys])).rows[0].found;

  beforeAll(async () => {
    database = await cloneDatabase(process.env.IMS_TEST_TEMPLATE_DB!);
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await database.drop();
  });

  it.each([
    ['thom', 'robert thompson bob'],
    ['bob', 'robert thompson bob'],
    ['obrien', "zoe o'brien"],
    ['brien', "zoe o'brien"],
    ['jones', 'sam smyth-jones'],
    ['smythjones', 'sam smyth-jones'],
  ])('finds "%s" as a word or the start of one in "%s"', async (typed, searchName) => {
    expect(await finds(searchName, [prefixKey(typed)])).toBe(true);
  });

  it.each([
    ['jon', 'john smith', 'a letter missing (and the same sound)'],
    ['smyth', 'john smith', 'a wrong letter'],
    ['thopmson', 'margaret thompson', 'two letters swapped'],
    ['ngyuen', 'minh nguyen', 'two letters swapped'],
    ['smithh', 'jane smith', 'a letter too many'],
    ['kathrine', 'katherine walsh', 'a letter missing'],
    ['kowalsky', 'grace kowalski', 'the same sound'],
    ['philips', 'anna filips', 'the same sound'],
    ['gurpret', 'gurpreet singh', 'a doubled letter single'],
  ])('finds "%s" in "%s" (%s)', async (typed, searchName) => {
    expect(await finds(searchName, closeKeys(typed))).toBe(true);
  });

  it('does not take the middle or a misspelt start of a word for its start', async () => {
    expect(await finds('omar ali', [prefixKey('mar')])).toBe(false);
    expect(await finds('katherine walsh', [prefixKey('catherin')])).toBe(false);
  });

  it('keeps two typos and unrelated names out', async () => {
    expect(await finds('katherine walsh', closeKeys('catherin'))).toBe(false);
    expect(await finds('erik thomsen', closeKeys('thompsun'))).toBe(false);
    expect(await finds('wei zhang', closeKeys('smith'))).toBe(false);
  });
});
