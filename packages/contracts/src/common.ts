import { z } from 'zod';

/** A UUID as the API emits it. */
export const Id = z.uuid();

/** Calendar date without time (YYYY-MM-DD), e.g. a date of birth. */
export const IsoDate = z.iso.date();

/** An instant on the wire: ISO 8601 with an offset (`2026-03-08T10:00:00-07:00`) or `Z`. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** A list page: `items` plus the `total` that matched. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().nonnegative() });
}

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.infer<typeof PageQuery>;
