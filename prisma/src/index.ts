// The database package: Prisma client, how to open a database, migrations, seeds and test databases.
export * from './generated/client/client';
export * as Enums from './generated/client/enums';
export { openPostgres, openPglite, type Database, type DatabaseKind, type RawDatabase, type PostgresOptions, type PgliteOptions } from './client/open-database';
export { postgresErrorInfo, isDatabaseUnavailable, SQLSTATE, type PostgresErrorInfo } from './client/database-errors';
export { applyMigrations } from './migrate/migration-runner';
export { pgExecutor, pgliteExecutor, type SqlExecutor } from './migrate/sql-executor';
export { DEMO_USERS, DEMO_PASSWORD, DEMO_ORGANISATION_NAME, DEMO_TIME_ZONE } from './seed/demo-constants';
export { migrateUrl, MigrationError } from './migrate/migration-runner';
export { searchFieldsOf, foldForSearch, healthNumberKey, type SearchFields, type SearchSource } from './patients/search-fields';
export { visitContentHash, signedContentOf, canonicalJson, type SignableVisit } from './visits/visit-content-hash';
