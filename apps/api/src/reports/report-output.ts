import { createParamDecorator, type ExecutionContext, type StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { csvResponse, wantsCsv, type CsvExport } from './csv-export';

/** How a report route answers: JSON (what it returns), or the CSV it hands to `send`. */
export interface ReportOutput {
  /** `?format=csv`, or an Accept header preferring text/csv (`?format=json` always means JSON). */
  csv: boolean;
  send(pending: Promise<CsvExport>): Promise<StreamableFile>;
}

/** Injects the route's ReportOutput, read from its request and bound to its response. */
export const Output = createParamDecorator((_data: unknown, context: ExecutionContext): ReportOutput => {
  const request = context.switchToHttp().getRequest<Request>();
  const response = context.switchToHttp().getResponse<Response>();
  const format = typeof request.query.format === 'string' ? request.query.format : undefined;
  return { csv: wantsCsv(request, format), send: async (pending) => csvResponse(response, await pending) };
});
