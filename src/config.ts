import { z } from 'zod';

/** The only reader of process.env. Every setting is documented in README.md. */
const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Public address used in links inside e-mails and documents. */
  BASE_URL: z.string().url().optional(),
  /** PGlite data directory, used when DATABASE_URL is not set. ":memory:" keeps it in memory. */
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Tandem <no-reply@tandem.local>'),
  /** "0" starts with an empty database and a first-administrator setup page. */
  DEMO: z.enum(['0', '1']).default('1'),
  DEFAULT_LOCALE: z.enum(['pl', 'en', 'uk', 'de', 'ar']).default('pl'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Reverse proxies in front of Tandem whose X-Forwarded-* headers count: `0` none, a number of hops (`1`: one proxy,
   * the usual case), or the proxies' addresses or CIDR ranges separated by commas. Never "trust everything": a
   * client could then choose its own address and escape every per-address limit.
   */
  TRUST_PROXY: z
    .string()
    .default('0')
    .refine((v) => /^\d{1,2}$/.test(v.trim()) || v.split(',').every((a) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(a.trim())), {
      message: 'a number of proxy hops (0, 1, 2…) or proxy addresses/CIDR ranges separated by commas',
    }),
  /** Attempts per minute and client address on sign-in, password and invitation forms. */
  AUTH_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Run the background job worker in this process. */
  WORKER: z.enum(['0', '1']).default('1'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  demo: boolean;
  defaultLocale: 'pl' | 'en' | 'uk' | 'de' | 'ar';
  logLevel: string;
  /** False, a number of trusted proxy hops, or the trusted proxies' addresses (Fastify's trustProxy). */
  trustProxy: false | number | string[];
  worker: boolean;
  authRateLimit: number;
};

/** Parses an environment (process.env by default); throws a readable error naming the bad variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL || undefined,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    demo: e.DEMO === '1',
    defaultLocale: e.DEFAULT_LOCALE,
    logLevel: e.LOG_LEVEL,
    trustProxy: trustedProxies(e.TRUST_PROXY),
    worker: e.WORKER === '1',
    authRateLimit: e.AUTH_RATE_LIMIT,
  };
}

function trustedProxies(value: string): false | number | string[] {
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) === 0 ? false : Number(v);
  return v.split(',').map((a) => a.trim());
}
