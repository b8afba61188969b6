import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MUSCLE_POSITIONS } from './body-map-positions';

/** The repository's prisma/migrations, found upwards from where the tests run (apps/web). */
function migrationsFolder(): string {
  for (let folder = process.cwd(); ; folder = dirname(folder)) {
    const candidate = join(folder, 'prisma', 'migrations');
    if (existsSync(candidate)) return candidate;
    if (dirname(folder) === folder) throw new Error('prisma/migrations not found above the working directory');
  }
}

/** Every muscle code the data migrations insert into the catalogue. */
function catalogueCodes(): string[] {
  const migrations = migrationsFolder();
  const codes: string[] = [];
  for (const directory of readdirSync(migrations, { withFileTypes: true })) {
    if (!directory.isDirectory()) continue;
    const sql = readFileSync(join(migrations, directory.name, 'migration.sql'), 'utf8');
    if (!sql.includes('INSERT INTO "muscle"')) continue;
    for (const match of sql.matchAll(/^\s*\('([a-z0-9_]+)',\s*'/gm)) codes.push(match[1]!);
  }
  return codes;
}

describe('MUSCLE_POSITIONS', () => {
  it('has a place of its own for every muscle of the catalogue, not just its region', () => {
    const codes = catalogueCodes();
    expect(codes.length).toBeGreaterThanOrEqual(60);
    expect(codes.filter((code) => !MUSCLE_POSITIONS[code])).toEqual([]);
  });
});
