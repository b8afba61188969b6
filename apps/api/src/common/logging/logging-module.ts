import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';

/** Structured JSON logs (pino) with the request id on every line; secrets and cookies are redacted. */
export function loggingModule(level: string) {
  return LoggerModule.forRoot({
      forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
      pinoHttp: {
        level,
        // requestIdMiddleware has already chosen the id; reuse it so log lines and problem bodies agree.
        genReqId: (request: IncomingMessage) => request.id ?? randomUUID(),
        redact: {
          paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
          censor: '[redacted]',
        },
        autoLogging: { ignore: (request: IncomingMessage) => request.url === '/api/health' },
        customLogLevel(_request, response, error) {
          if (error || response.statusCode >= 500) return 'error';
          // Client errors (a 401 before sign-in, a refused booking) are routine: info, not warn.
          if (response.statusCode >= 400) return 'info';
          return 'info';
        },
        serializers: {
          req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, url: redactSecretQuery(request.url) }),
          res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
        },
      },
    });
}

/** Query parameters that are credentials (the calendar feed's `token`): their values never reach the logs. */
const SECRET_QUERY_PARAMETER = /([?&]token=)[^&#]*/gi;

export function redactSecretQuery(url: string): string {
  return url.replace(SECRET_QUERY_PARAMETER, '$1[redacted]');
}
