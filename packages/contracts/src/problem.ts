import { z } from 'zod';

/** Base of every problem `type` URI; the last path segment names the kind of problem (`/validation`, `/csrf`). */
export const PROBLEM_TYPE_BASE = 'https://ims.clinic/problems';

export const ProblemFieldError = z.object({ path: z.string(), message: z.string() });
export const ProblemConflict = z.object({ entity: z.string(), id: z.string().optional(), message: z.string() });
export const ProblemViolation = z.object({ rule: z.string(), message: z.string() });

/** RFC 9457 problem details as every error response of the API carries them (`application/problem+json`). */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(ProblemFieldError).optional(),
  conflicts: z.array(ProblemConflict).optional(),
  violations: z.array(ProblemViolation).optional(),
});
export type Problem = z.infer<typeof Problem>;
export type ProblemFieldError = z.infer<typeof ProblemFieldError>;
export type ProblemConflict = z.infer<typeof ProblemConflict>;
export type ProblemViolation = z.infer<typeof ProblemViolation>;

export const problemType = (kind: string) => `${PROBLEM_TYPE_BASE}/${kind}`;
