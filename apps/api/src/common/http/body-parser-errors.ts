import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { InvalidInputError } from '../problem/domain-errors';
import { sendProblem } from '../problem/send-problem';
import { toProblem } from '../problem/problem-mapping';

/**
 * express.json / express.urlencoded whose failures (malformed JSON, oversized or badly encoded bodies) are answered
 * right here as problem+json. Passing them on with next(err) loses them: Nest flattens a SyntaxError into a bare
 * "Bad Request", and other parser errors never reach its exception handler.
 */
export function parseBodies(options: { jsonLimit: string; formLimit: string; largerJsonRoutes?: LargerJsonRoute[] }): RequestHandler[] {
  return [
    // A route with its own larger limit is parsed first; the general parsers then see the body already read and skip.
    ...(options.largerJsonRoutes ?? []).map((route) => onlyFor(route, guard(express.json({ limit: route.limit })))),
    guard(express.json({ limit: options.jsonLimit })),
    guard(express.urlencoded({ extended: false, limit: options.formLimit })),
  ];
}

/** One route (exact method and path, e.g. POST /api/patient-imports) whose JSON body may exceed the general limit. */
export interface LargerJsonRoute {
  method: string;
  path: string;
  limit: string;
}

function onlyFor(route: LargerJsonRoute, parser: RequestHandler): RequestHandler {
  return (request, response, next) => {
    const path = request.path.length > 1 ? request.path.replace(/\/+$/, '') : request.path;
    if (request.method === route.method && path === route.path) return parser(request, response, next);
    next();
  };
}

function guard(parser: RequestHandler): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    parser(request, response, (error?: unknown) => {
      if (!error) return next();
      const parserError = error as { type?: string; message?: string };
      const mapped =
        parserError.type === 'entity.parse.failed'
          ? toProblem(new InvalidInputError(`The request body is not valid JSON: ${parserError.message}`, [{ path: '(body)', message: 'malformed JSON' }]))
          : toProblem(error);
      sendProblem(request, response, mapped);
    });
  };
}
