import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_MIGRATIONS_DIR } from '../src/migrate/migrations-dir';

/** A temporary copy of the real migrations folder; tests add or edit migrations there, never in the real one. */
export function copyMigrations(): { dir: string; add(name: string, sql: string): string; remove(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'ims-migrations-'));
  const dir = path.join(root, 'migrations');
  cpSync(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return {
    dir,
    add(name, sql) {
      mkdirSync(path.join(dir, name));
      const file = path.join(dir, name, 'migration.sql');
      writeFileSync(file, sql);
      return file;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
