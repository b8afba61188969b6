import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from './config-error';
import { mfaRequiredRoles } from './mfa-required-roles';

/** The repository root, from both src/ (ts-node, jest) and dist/ (built). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Optional owner connection used only to apply migrations (the app's DATABASE_URL role then owns nothing). */
  MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, '.data')),
  WEB_DIST_DIR: z.string().min(1).default(path.join(REPO_ROOT, 'apps', 'web', 'dist')),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  /** 0 (default) leaves lock waits to the statement timeout; see PostgresOptions.lockTimeoutMs. */
  DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(0).default(0),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  /** Public base URL of the app, used in links sent to people (password reset). */
  APP_URL: z.string().url().optional(),
  /** SMTP server for outgoing email (password reset requests, reminders), e.g. smtp://user:pass@mail:587. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().default('IMS Clinic <no-reply@ims.clinic>'),
  /** Hours before an appointment its email reminder is sent; JOB_WORKERS=off stops this process polling the job queue. */
  REMINDER_LEAD_HOURS: z.coerce.number().min(0).max(24 * 14).default(24),
  JOB_WORKERS: z.enum(['on', 'off']).default('on'),
  /**
   * Secret for encrypting secrets at rest (two-factor keys): 32+ random characters. Required with DATABASE_URL;
   * in demo mode one is generated and kept in DATA_DIR.
   */
  APP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Roles that must use two-factor sign-in (comma-separated); empty turns enforcement off. */
  MFA_REQUIRED_ROLES: z.string().optional(),
  /** Express "trust proxy": set when served behind a reverse proxy that terminates https. */
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
}).superRefine((env, context) => {
  // Emailed links must not be built from a request's Host header, which a caller controls.
  if (env.SMTP_URL && !env.APP_URL) {
    context.addIssue({ code: 'custom', path: ['APP_URL'], message: 'is required when SMTP_URL is set (links in emails use it)' });
  }
});

export type AppConfig = ReturnType<typeof loadConfig>;

/** Reads and validates the environment once at boot; a bad setting stops the process with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const values = parsed.data;
  const demo = !values.DATABASE_URL;
  return {
    ...values,
    demo,
    pgliteDir: path.resolve(values.DATA_DIR, 'pglite'),
    mfaRequiredRoles: mfaRequiredRoles({ MFA_REQUIRED_ROLES: values.MFA_REQUIRED_ROLES, demo }),
  };
}

export { ConfigError };

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
