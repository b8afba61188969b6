import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** Who is calling a public route (no session yet): for audit rows, throttling and links shown to the caller. */
export interface RequestClient {
  ipAddress: string;
  userAgent?: string;
  requestId?: string;
  /**
   * The origin the caller used (`https://host`). Only for links shown back to that same caller: emailed links
   * use APP_URL, since a forged Host header would otherwise put an attacker's site in someone's reset email.
   */
  origin: string;
}

/** Injects the RequestClient into a controller method. */
export const Client = createParamDecorator((_data: unknown, context: ExecutionContext): RequestClient => {
  const request = context.switchToHttp().getRequest<Request>();
  return {
    ipAddress: request.ip ?? 'unknown',
    userAgent: request.get('user-agent'),
    requestId: request.id ? String(request.id) : undefined,
    origin: `${request.protocol}://${request.get('host') ?? 'localhost'}`,
  };
});
