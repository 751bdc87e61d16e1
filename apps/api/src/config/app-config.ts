import { type OidcProviderSettings, readOidcProviders } from './oidc-providers';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

/**
 * The process configuration, read from the environment and validated at boot:
 * an invalid value stops the start with one line per problem (see {@link loadAppConfig}).
 * The README's "Configuration" table documents every variable.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** HTTP port of the API and web app. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** External PostgreSQL; when absent, an embedded server is started with data in `.data/postgres`. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** Redis for the Socket.IO adapter when several API processes run. */
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  /** SMTP server for e-mail notifications (`smtp://user:pass@host:587`); without it, mails are only logged. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Sender of e-mail notifications. */
  @IsString()
  MAIL_FROM = 'Concerto <no-reply@concerto.local>';

  /** Public URL of the web app, used in e-mail links. */
  @IsString()
  PUBLIC_URL = 'http://localhost:3000';

  /**
   * Express `trust proxy` setting: which proxies' X-Forwarded-For to believe for the client IP
   * (rate limits of anonymous callers): `false` (none: the peer address is the client), a hop
   * count, or names/addresses (`loopback`, `uniquelocal`, `10.0.0.0/8`, comma-separated).
   * `true` is refused: it would let any client choose the IP its limits are counted for.
   */
  @IsString()
  @Matches(/^(?!\s*true\s*$).+$/i, {
    message:
      'TRUST_PROXY=true would let any client choose its IP: name the proxies (loopback, uniquelocal, addresses) or give a hop count',
  })
  TRUST_PROXY = 'loopback';

  /** Directory of the embedded PostgreSQL cluster (ignored with DATABASE_URL). */
  @IsString()
  EMBEDDED_POSTGRES_DIR = '.data/postgres';

  /** Port of the embedded PostgreSQL; 0 picks a free port. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  EMBEDDED_POSTGRES_PORT = 0;

  /** Lifetime of a sign-in session, in hours. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 365)
  SESSION_TTL_HOURS = 24 * 14;

  /** E-mail of the first administrator, created at first start. */
  @IsEmail()
  ADMIN_EMAIL = 'admin@concerto.local';

  /** Password of the first administrator; when absent a random one is generated and printed once. */
  @IsOptional()
  @IsString()
  @MinLength(12)
  @MaxLength(128)
  ADMIN_PASSWORD?: string;

  /** Load the filière's demo content at first start. */
  @Transform(toBool)
  @IsBoolean()
  DEMO_CONTENT = true;

  /** Built web app served at `/`; empty disables serving it. */
  @IsString()
  WEB_DIST_DIR = 'dist/apps/web';

  /** Sign-in attempts allowed per client IP and minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE = 10;

  /**
   * GraphQL mutations allowed per caller and minute (a signed-in user wherever they connect
   * from, otherwise a client IP); the stricter per-mutation limits scale with it.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MUTATION_RATE_LIMIT_PER_MINUTE = 120;

  /**
   * Proposals' CONSENSUS order: the shortest time, in seconds, between two recomputations of one
   * component's ranking snapshot (recomputed only when reactions changed since).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86_400)
  PROPOSAL_CONSENSUS_INTERVAL_SECONDS = 30;

  /**
   * Graceful shutdown (SIGTERM/SIGINT): the longest wait, in milliseconds, for in-flight
   * requests and then for background workers to finish their unit of work; past it the
   * remaining connections are closed and the process exits anyway.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  SHUTDOWN_TIMEOUT_MS = 15_000;

  /**
   * Graceful shutdown: how long the process keeps serving while `/readyz` already says 503,
   * before it stops accepting connections — for load balancers that poll readiness (e.g. a
   * Kubernetes Service: set it above the probe period). 0 with nginx, which retries another
   * replica as soon as a connection is refused.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(120_000)
  SHUTDOWN_DELAY_MS = 0;

  /**
   * Port of the Prometheus endpoint (`GET /metrics` on its own listener, never behind the
   * public proxy). Unset: metrics are served on the public port only to callers presenting
   * METRICS_TOKEN, and not at all without a token.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  METRICS_PORT?: number;

  /**
   * Directory of the open-data archive (`GET /open-data.zip`): the current file and the one
   * being built. Several API processes share it (same host or a shared volume).
   */
  @IsString()
  OPEN_DATA_DIR = '.data/open-data';

  /** Age in minutes after which the open-data archive is rebuilt in the background (checked every minute and on download). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  OPEN_DATA_REFRESH_MINUTES = 60;

  /** Address the metrics listener binds to (`0.0.0.0` in a container scraped from another one). */
  @IsString()
  METRICS_HOST = '127.0.0.1';

  /** Bearer token required by `/metrics` (on either port) when set; 24+ characters. */
  @IsOptional()
  @IsString()
  @MinLength(24)
  METRICS_TOKEN?: string;

  /** Log lines: one JSON object per line (`json`, the default in production) or readable text (`pretty`). */
  @IsOptional()
  @IsIn(['json', 'pretty'])
  LOG_FORMAT?: 'json' | 'pretty';

  /** Lowest level written to the log. */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /**
   * Whether an account must confirm its e-mail address (the link mailed at sign-up) before it
   * may participate (propose, support, comment, amend, vote, answer…). Either way it may sign in
   * and manage its own account.
   */
  @Transform(toBool)
  @IsBoolean()
  EMAIL_CONFIRMATION_REQUIRED = false;

  /**
   * Whether this process runs the newsletter sending worker (it polls every 2 s and wakes at
   * « envoyer »). Unset: on, except under `NODE_ENV=test` (tests drive it themselves).
   */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  NEWSLETTER_WORKER?: boolean;

  /** Newsletter mails claimed per batch by the sending worker. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  NEWSLETTER_BATCH_SIZE = 100;

  /**
   * Seconds a claimed batch of newsletter deliveries stays reserved to the worker that claimed
   * it; after a crash the rest of the batch is taken again once the lease has passed.
   */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(3600)
  NEWSLETTER_LEASE_SECONDS = 120;

  /** Lifetime of a password-reset link, in minutes. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(24 * 60)
  PASSWORD_RESET_TTL_MINUTES = 60;

  /** Lifetime of an e-mail confirmation link, in hours. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  EMAIL_CONFIRMATION_TTL_HOURS = 72;

  /** Password-reset and confirmation e-mails sent at most per account and hour (beyond: silently none). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ACCOUNT_MAILS_PER_HOUR = 3;

  /** {@link TRUST_PROXY} as Express expects it: false, a number of hops, or a list of trusted addresses. */
  get trustProxy(): boolean | number | string {
    const value = this.TRUST_PROXY.trim();
    if (/^(false|0)?$/i.test(value)) return false;
    if (/^\d+$/.test(value)) return Number(value);
    return value;
  }

  /** OpenID Connect providers, from `OIDC_PROVIDERS` and `OIDC_<KEY>_*` (see {@link readOidcProviders}); not a variable itself. */
  oidcProviders: OidcProviderSettings[] = [];

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}

/**
 * Reads and validates the configuration.
 * @param env the environment (default `process.env`)
 * @returns the validated configuration, defaults applied
 * @throws Error listing every invalid variable, so the process refuses to start
 */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, unknown> = {};
  for (const key of [
    ...known,
    'DATABASE_URL',
    'REDIS_URL',
    'ADMIN_PASSWORD',
    'SMTP_URL',
    'METRICS_PORT',
    'METRICS_TOKEN',
    'LOG_FORMAT',
    'NEWSLETTER_WORKER',
  ]) {
    if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: true });
  const problems = errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`),
  );
  if (config.NODE_ENV === 'production' && !config.DATABASE_URL) {
    problems.push(
      'DATABASE_URL: required in production (the embedded PostgreSQL is for development)',
    );
  }
  config.oidcProviders = readOidcProviders(env, config.NODE_ENV === 'production', problems);
  if (problems.length) {
    throw new Error(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return config;
}
