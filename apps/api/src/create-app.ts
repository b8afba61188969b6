import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { Database } from '@ims/prisma';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { setupOpenApi } from './openapi/setup-openapi';
import { requestIdMiddleware } from './common/http/request-id.middleware';
import { parseBodies } from './common/http/body-parser-errors';
import { PATIENT_IMPORT_BODY_LIMIT } from './patient-imports/import-body-limit';

/** Builds the configured Nest application (not listening yet). Shared by main.ts and the HTTP tests. */
export async function createApp(config: AppConfig, database: Database): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register({ config, database }), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Mantine injects CSS variables in style attributes; Swagger UI needs inline styles too.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  // API answers carry personal and clinical data: no browser or proxy may keep a copy (a handler may still override).
  app.use('/api', (_request: unknown, response: { setHeader(name: string, value: string): void }, next: () => void) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(parseBodies({ jsonLimit: '256kb', formLimit: '64kb', largerJsonRoutes: [PATIENT_IMPORT_BODY_LIMIT] }));
  app.use(cookieParser());
  app.setGlobalPrefix('api');
  setupOpenApi(app);
  return app;
}
