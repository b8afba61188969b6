import { Prisma } from '@ims/prisma';

/**
 * SQL fragments the report queries share. Every value goes in as a parameter; only these fixed fragments are spliced,
 * so each report's statement text takes a handful of shapes (good for PostgreSQL's plan cache).
 */

/**
 * An instant as ISO 8601 with the offset it has in `zone`, formatted by PostgreSQL (`2026-03-08T10:00:00-07:00`), so
 * a streamed export does no per-row date work in Node. `to_char` on a negative interval prints `-03:-30`, hence the
 * sign handled apart.
 */
export function isoInZone(instant: Prisma.Sql, zone: Prisma.Sql): Prisma.Sql {
  const offset = Prisma.sql`((${instant}) AT TIME ZONE ${zone} - (${instant}) AT TIME ZONE 'UTC')`;
  return Prisma.sql`CASE WHEN ${instant} IS NULL THEN NULL ELSE to_char((${instant}) AT TIME ZONE ${zone}, 'YYYY-MM-DD"T"HH24:MI:SS') ||
    CASE WHEN ${offset} < interval '0' THEN '-' || to_char(-${offset}, 'HH24:MI') ELSE '+' || to_char(${offset}, 'HH24:MI') END END`;
}

/** A `date` column as `YYYY-MM-DD` text (no time zone conversion: it already is a local calendar day). */
export const dayText = (day: Prisma.Sql): Prisma.Sql => Prisma.sql`to_char(${day}, 'YYYY-MM-DD')`;

/** The patient's name as the schedule shows it (preferred or first name, then last name), from alias `pt`. */
export const PATIENT_NAME = Prisma.sql`coalesce(nullif(pt.preferred_name, ''), pt.first_name) || ' ' || pt.last_name`;

/** Hours between two instants, as a float (half an hour is 0.5). */
export const hoursBetween = (start: Prisma.Sql, end: Prisma.Sql): Prisma.Sql => Prisma.sql`(extract(epoch FROM (${end}) - (${start})) / 3600)::float8`;
