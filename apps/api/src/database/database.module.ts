import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Database } from '@ims/prisma';
import { DATABASE, PRISMA } from './database.tokens';
import { FastSql } from './fast-sql';

/** Makes the database opened at boot (main.ts) injectable everywhere, and closes it when the app shuts down. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  static forDatabase(database: Database): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        FastSql,
        { provide: DATABASE, useValue: database },
        { provide: PRISMA, useValue: database.prisma },
      ],
      exports: [DATABASE, PRISMA, FastSql],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}
