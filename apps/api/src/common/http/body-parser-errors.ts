import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { InvalidInputError } from '../problem/domain-errors';
import { sendProblem } from '../problem/send-problem';
import { toProblem } from '../problem/problem-mapping';

/**
 * express.json / express.urlencoded whose failures (malformed JSON, oversized or badly encoded bodies) are answered
 * right here as problem+json. Passing them on with next(err) loses them: Nest flattens a SyntaxError into a bare
 * "Bad Request", and other parser errors never reach its exception handler.
 */
export function parseBodies(options: { jsonLimit: string; formLimit: string }): RequestHandler[] {
  return [
    guard(express.json({ limit: options.jsonLimit })),
    guard(express.urlencoded({ extended: false, limit: options.formLimit })),
  ];
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
