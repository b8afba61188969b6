import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '@ims/prisma';
import type { HealthResponse } from '@ims/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InjectDatabase } from '../database/database.tokens';

const API_VERSION = process.env.npm_package_version ?? '0.1.0';

@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();

  constructor(
    @InjectDatabase() private readonly database: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** API and database status; the database part is "unavailable" rather than an error when it cannot answer. */
  async check(): Promise<HealthResponse> {
    let database: HealthResponse['database'];
    try {
      const latencyMs = await withTimeout(this.database.ping(), 2_000);
      database = { status: 'ok', kind: this.database.kind, latencyMs };
    } catch {
      database = { status: 'unavailable', kind: this.database.kind };
    }
    return {
      status: database.status === 'ok' ? 'ok' : 'degraded',
      api: { status: 'ok', version: API_VERSION, uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000) },
      database,
      demo: this.config.demo,
    };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
