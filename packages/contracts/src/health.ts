import { z } from 'zod';

export const HealthStatus = z.enum(['ok', 'degraded']);

export const HealthResponse = z.object({
  status: HealthStatus,
  api: z.object({ status: z.literal('ok'), version: z.string(), uptimeSeconds: z.number() }),
  database: z.object({
    status: z.enum(['ok', 'unavailable']),
    kind: z.enum(['postgresql', 'pglite']),
    latencyMs: z.number().optional(),
  }),
  demo: z.boolean(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
