import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';

/** Serves the OpenAPI document generated from the zod contracts at /api/docs (UI) and /api/docs-json. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('IMS Clinic API')
    .setDescription(
      'Practice management for IMS physiotherapy clinics. Cookie sessions; writes need the X-CSRF-Token header. ' +
        'Errors are application/problem+json (RFC 9457).',
    )
    .setVersion('1')
    .addCookieAuth('ims_session')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' }, 'csrf')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(document), { jsonDocumentUrl: 'api/docs-json' });
}
