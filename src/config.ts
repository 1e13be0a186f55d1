import { resolve } from 'node:path';
import { z } from 'zod';

/** Every setting Debrief reads, validated once at start. The README's settings table mirrors this schema. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Debrief <feedback@debrief.localhost>'),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://debrief.example.com' }).optional(),
  SIGNUP: z.enum(['open', 'closed']).default('open'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  INVITE_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  PORTAL_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  REQUEST_DEADLINE_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  JOB_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  JOB_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(30_000),
  JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  /** How many jobs (emails above all) run at once, so that one slow mail server does not hold up the rest. */
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** How long a claimed job stays claimed without a heartbeat: a crashed worker's job is taken over after this. */
  JOB_LEASE_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Behind a reverse proxy: take the client's address from the last X-Forwarded-For hop (for sign-in limits). */
  TRUST_PROXY: z.stringbool().default(false),
  /**
   * The key(s) that encrypt stored secrets (SMTP and identity provider credentials, ATS keys): 32 bytes as hex or
   * base64, several separated by commas to rotate (the first seals). Unset: a key file in DATA_DIR.
   */
  SECRETS_KEY: z
    .string()
    .regex(
      /^\s*([0-9a-fA-F]{64}|[A-Za-z0-9_\-+/]{43}=?)\s*(,\s*([0-9a-fA-F]{64}|[A-Za-z0-9_\-+/]{43}=?)\s*)*$/,
      'must be one or more 32-byte keys (64 hex digits or base64), separated by commas',
    )
    .optional(),
  /**
   * Whether outbound webhooks may go to private and loopback addresses. Unset: refused in production (a request
   * forged to the internal network), allowed in development and tests.
   */
  WEBHOOK_ALLOW_PRIVATE_URLS: z.stringbool().optional(),
  /** Greenhouse's Harvest API (another address only for a test double of it). */
  GREENHOUSE_API_URL: z.url().default('https://harvest.greenhouse.io'),
  /** Ashby's API (another address only for a test double of it). */
  ASHBY_API_URL: z.url().default('https://api.ashbyhq.com'),
  /** Lever's API root, version included (another address only for a test double of it). */
  LEVER_API_URL: z.url().default('https://api.lever.co/v1'),
  /** How old a webhook event may be (its last activity) before it is refused as stale or replayed. */
  ATS_EVENT_MAX_AGE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
});

export type Settings = z.infer<typeof schema>;
export interface Config extends Settings {
  dataDir: string;
  publicUrl: string;
  secureCookies: boolean;
}

export class ConfigError extends Error {}

/** Reads settings from an environment; an empty string counts as unset. Throws ConfigError naming each bad setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in schema.shape && v !== ''));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(input[String(i.path[0])])})`,
    );
    throw new ConfigError(`Invalid settings:\n${lines.join('\n')}`);
  }
  const s = parsed.data;
  const publicUrl = (
    s.PUBLIC_URL ?? `http://${s.HOST === '0.0.0.0' ? 'localhost' : s.HOST}:${s.PORT}`
  ).replace(/\/+$/, '');
  return { ...s, dataDir: resolve(s.DATA_DIR), publicUrl, secureCookies: publicUrl.startsWith('https://') };
}
