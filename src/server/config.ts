import { join } from 'node:path';
import { z } from 'zod';
import { PkimmError } from '../core/errors.js';
import { attestationSourceOf, type AttestationSource } from './attestations/attestation-config.js';
import { hubClientOf, hubTokensOf, type HubClientConfig } from './hub/hub-config.js';

/** Everything the server reads from its environment, validated once at boot. */
export interface ServerConfig {
  host: string;
  port: number;
  /** `postgres://…`, or the path of the SQLite file. */
  databaseUrl: string;
  /** Where imported models and other local data live. */
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Send cookies with `Secure` (on by default unless the server listens on loopback over plain HTTP). */
  secureCookies: boolean;
  /** Origins allowed to make cookie-authenticated writes (CSRF check); the server's own by default. */
  allowedOrigins: string[];
  maxUploadBytes: number;
  /** A session ends after this many minutes without a request (PKIMM_SESSION_IDLE_MINUTES, default 30). */
  sessionIdleMinutes: number;
  /** …and this many hours after sign-in, however busy (PKIMM_SESSION_HOURS, default 12). */
  sessionHours: number;
  /** Evidence older than this many months is flagged stale (PKIMM_EVIDENCE_MAX_AGE_MONTHS, default 12). */
  evidenceMaxAgeMonths: number;
  /** The signing identity of attestations (PKIMM_ATTEST_*; generated and stored when not set). */
  attestation: AttestationSource;
  /** Benchmark privacy threshold (PKIMM_BENCHMARK_K, ≥ 5) and HMAC secret (PKIMM_BENCHMARK_SECRET, else stored). */
  benchmark: { k: number; secret: string | null; hub: HubClientConfig | null; hubTokens: string[] };
  /**
   * TLS endpoints the server may connect to when an assessor scans (PKIMM_SCAN_TLS_TARGETS:
   * comma-separated `host`, `host:port` or `*.suffix`). Empty by default: a server that reaches
   * into other networks on a user's request must be allowed to explicitly.
   */
  scanTlsTargets: string[];
  /** A directory of the operator's own crosswalk packs (PKIMM_CROSSWALKS_DIR), next to the bundled ones. */
  crosswalksDir?: string;
}

const port = z.coerce
  .number({ error: 'must be a whole number from 1 to 65535' })
  .int('must be a whole number from 1 to 65535')
  .min(1, 'must be a whole number from 1 to 65535')
  .max(65535, 'must be a whole number from 1 to 65535');

const EnvSchema = z.object({
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  PORT: port.default(8080),
  DATABASE_URL: z
    .string()
    .min(1, 'must not be empty')
    .refine((v) => !/^[a-z]+:\/\//.test(v) || /^postgres(ql)?:\/\//.test(v), {
      message: 'must be postgres://… (or postgresql://…), or the path of a SQLite file',
    })
    .optional(),
  PKIMM_HOME: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PKIMM_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  PKIMM_ALLOWED_ORIGINS: z.string().optional(),
  PKIMM_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  // ASVS 4.0.3 level 2 (3.3.2): re-authenticate after 12 hours or 30 minutes of inactivity.
  PKIMM_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int('must be a whole number of minutes from 5 to 1440')
    .min(5, 'must be a whole number of minutes from 5 to 1440')
    .max(1440, 'must be a whole number of minutes from 5 to 1440')
    .default(30),
  PKIMM_SESSION_HOURS: z.coerce
    .number()
    .int('must be a whole number of hours from 1 to 720')
    .min(1, 'must be a whole number of hours from 1 to 720')
    .max(720, 'must be a whole number of hours from 1 to 720')
    .default(12),
  PKIMM_SESSION_DAYS: z
    .never({
      error: 'is no longer read: set PKIMM_SESSION_HOURS (lifetime) and PKIMM_SESSION_IDLE_MINUTES instead',
    })
    .optional(),
  PKIMM_EVIDENCE_MAX_AGE_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  PKIMM_BENCHMARK_K: z.coerce
    .number({ error: 'must be a whole number of at least 5' })
    .int('must be a whole number of at least 5')
    .min(5, 'must be a whole number of at least 5 (smaller groups would expose single peers)')
    .default(10),
  PKIMM_BENCHMARK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  PKIMM_SCAN_TLS_TARGETS: z.string().optional(),
  PKIMM_CROSSWALKS_DIR: z.string().min(1).optional(),
});

/** Reads and validates the configuration; every wrong variable is named with what it should be. */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = EnvSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  const attestation = attestationSourceOf(env);
  const hub = hubClientOf(env);
  const hubTokens = hubTokensOf(env);
  const otherIssues = [...attestation.issues, ...hub.issues, ...hubTokens.issues];
  if (!parsed.success || otherIssues.length > 0) {
    const issues = (parsed.error?.issues ?? []).map((issue) => {
      const name = String(issue.path[0] ?? '');
      return { path: name, message: `${issue.message} (got ${JSON.stringify(env[name])})` };
    });
    issues.push(...otherIssues);
    throw new PkimmError('CONFIG_INVALID', 'the server configuration is invalid', { issues });
  }
  const e = parsed.data;
  const loopback = e.HOST === '127.0.0.1' || e.HOST === 'localhost' || e.HOST === '::1';
  const ownOrigins = [
    `http://${e.HOST}:${e.PORT}`,
    ...(loopback ? [`http://localhost:${e.PORT}`, `http://127.0.0.1:${e.PORT}`] : []),
  ];
  const databaseUrl = e.DATABASE_URL ?? join(e.PKIMM_HOME, 'pkimm.sqlite');
  return {
    host: e.HOST,
    port: e.PORT,
    databaseUrl,
    dataDir: e.PKIMM_HOME,
    logLevel: e.LOG_LEVEL,
    secureCookies: e.PKIMM_SECURE_COOKIES ? e.PKIMM_SECURE_COOKIES === 'true' : !loopback,
    allowedOrigins: e.PKIMM_ALLOWED_ORIGINS
      ? e.PKIMM_ALLOWED_ORIGINS.split(',').map((o) => o.trim())
      : [...new Set(ownOrigins)],
    maxUploadBytes: e.PKIMM_MAX_UPLOAD_BYTES,
    sessionIdleMinutes: e.PKIMM_SESSION_IDLE_MINUTES,
    sessionHours: e.PKIMM_SESSION_HOURS,
    evidenceMaxAgeMonths: e.PKIMM_EVIDENCE_MAX_AGE_MONTHS,
    attestation: attestation.source,
    benchmark: {
      k: e.PKIMM_BENCHMARK_K,
      secret: e.PKIMM_BENCHMARK_SECRET ?? null,
      hub: hub.hub,
      hubTokens: hubTokens.tokens,
    },
    scanTlsTargets: (e.PKIMM_SCAN_TLS_TARGETS ?? '')
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
    ...(e.PKIMM_CROSSWALKS_DIR === undefined ? {} : { crosswalksDir: e.PKIMM_CROSSWALKS_DIR }),
  };
}
