import type { Request, Response } from 'express';
import type { MappedProblem } from './problem-mapping';

/** Writes a mapped problem as `application/problem+json`, with the request's path and id. */
export function sendProblem(request: Request, response: Response, { problem, headers }: MappedProblem): void {
  if (response.headersSent) return;
  for (const [name, value] of Object.entries(headers ?? {})) response.setHeader(name, value);
  response
    .status(problem.status)
    .type('application/problem+json')
    .json({ ...problem, instance: request.originalUrl, ...(request.id ? { requestId: String(request.id) } : {}) });
}
