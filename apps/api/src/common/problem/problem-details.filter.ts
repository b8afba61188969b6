import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { toProblem } from './problem-mapping';
import { sendProblem } from './send-problem';

/** The one global exception filter: every error leaves the API as `application/problem+json`. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const mapped = toProblem(error);
    if (mapped.unexpected) this.logger.error({ err: error, requestId: request.id }, 'unhandled error');
    sendProblem(request, context.getResponse<Response>(), mapped);
  }
}
