import { NotFoundError } from '../problem/domain-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path ids that are not UUIDs cannot name anything: answer 404 like any unknown id (PostgreSQL would reject them). */
export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * Loads one row of the caller's organisation with `load` (which must filter by organisation), or throws 404 naming
 * `entity`. Another organisation's row is "not found", exactly like an id that does not exist or is not a UUID.
 */
export async function ofOrganisation<T>(entity: string, id: string, load: () => Promise<T | null>): Promise<T> {
  const row = isUuid(id) ? await load() : null;
  if (!row) throw new NotFoundError(entity, id);
  return row;
}
