import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const SANE_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Gives every request an id before anything else runs (so even a body-parser failure carries one): an incoming
 * X-Request-Id when it looks sane, else a new UUID; echoed in the response header and used by the logger.
 */
export function requestIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const incoming = request.get('x-request-id');
  (request as Request & { id: string }).id = incoming && SANE_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader('X-Request-Id', String(request.id));
  next();
}
