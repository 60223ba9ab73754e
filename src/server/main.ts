/**
 * Starting and stopping the server process: configuration, database, migrations, listening,
 * and a graceful shutdown on SIGTERM/SIGINT. Never exits the process itself; the CLI does
 * that from what `stopped` reports (src/cli/main.ts is the only process.exit).
 */
import { accessSync, constants } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PkimmError } from '../core/errors.js';
import { ModelRegistry } from '../model-loader/registry.js';
import { openDatabase, type DatabaseHandle } from '../persistence/database.js';
import { pingDatabase } from '../persistence/dialect.js';
import { migrateToLatest } from '../persistence/migrate.js';
import { buildApp, type AppDeps } from './app.js';
import { loadConfig, type ServerConfig } from './config.js';
import { buildHubApp } from './hub/hub-app.js';

export interface StartOptions {
  /** Where the one human-readable "listening" line goes; logs go to stdout as JSON regardless. */
  announce?: (line: string) => void;
  /** Signals that start a graceful stop; a second one forces it. None for in-process use. */
  signals?: readonly NodeJS.Signals[];
  logger?: AppDeps['logger'];
  /** Serve only the benchmark hub (`pkimm serve --benchmark-hub`, docs/benchmark.md). */
  hub?: boolean;
}

export interface StopOutcome {
  /** The signal that stopped the server, or `stop()` when called directly. */
  reason: NodeJS.Signals | 'stop()';
  /** True when a second signal cut the drain short: in-flight requests may have been dropped. */
  forced: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  config: ServerConfig;
  url: string;
  /** Drains and stops; resolves once the database is closed. Safe to call more than once. */
  stop(): Promise<StopOutcome>;
  /** Settles when the server has stopped, whoever stopped it. */
  stopped: Promise<StopOutcome>;
}

/** loadConfig, with the problems attributed to the environment rather than to "<input>". */
export function configFromEnv(env: Record<string, string | undefined>): ServerConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof PkimmError) || error.code !== 'CONFIG_INVALID') throw error;
    throw new PkimmError('CONFIG_INVALID', error.message, {
      source: 'environment',
      issues: [...error.issues],
      cause: error,
    });
  }
}

/** The database URL as it may be printed: PostgreSQL without its password, SQLite as a path. */
export function describeDatabase(url: string): string {
  if (/^postgres(ql)?:\/\//.test(url)) {
    // Never echo a URL we cannot parse: its password could not be taken out.
    if (!URL.canParse(url)) return 'postgres (a URL that cannot be parsed)';
    const parsed = new URL(url);
    parsed.password = '';
    return `postgres ${parsed.toString()}`;
  }
  const path = url.replace(/^sqlite:/, '');
  return `sqlite ${isAbsolute(path) || path.startsWith('.') ? path : `./${path}`}`;
}

/**
 * SQLite's own "unable to open database file" does not say why; the usual reason is a folder
 * mounted read-only, where WAL mode cannot create its -wal and -shm files next to the database.
 */
function readOnlyFolderHint(url: string): string {
  if (/^postgres(ql)?:\/\//.test(url)) return '';
  const folder = dirname(url.replace(/^sqlite:/, ''));
  try {
    accessSync(folder, constants.W_OK);
    return '';
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === 'EROFS' || code === 'EACCES'
      ? ` (the folder ${folder} is read-only; SQLite needs to write its -wal and -shm files there)`
      : '';
  }
}

/** Opens the database and proves it answers, so a wrong URL fails at boot with a clear message. */
export async function openCheckedDatabase(config: ServerConfig): Promise<DatabaseHandle> {
  let database: DatabaseHandle | undefined;
  try {
    database = openDatabase(config.databaseUrl);
    await pingDatabase(database.db);
    return database;
  } catch (error) {
    await database?.close().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new PkimmError(
      'DATABASE_UNAVAILABLE',
      `cannot open ${describeDatabase(config.databaseUrl)}: ${reason}${readOnlyFolderHint(config.databaseUrl)}`,
      { cause: error },
    );
  }
}

export async function startServer(
  env: Record<string, string | undefined>,
  options: StartOptions = {},
): Promise<RunningServer> {
  const config = configFromEnv(env);
  const database = await openCheckedDatabase(config);
  let app: FastifyInstance | undefined;
  try {
    await migrateToLatest(database.db as never, database.dialect);
    const registry = new ModelRegistry({ dataDir: config.dataDir });
    const logger = options.logger === undefined ? {} : { logger: options.logger };
    if (options.hub) {
      app = await buildHubApp({ config, database, ...logger });
      await listen(app, config);
      const url = listeningUrl(app);
      options.announce?.(`pkimm benchmark hub listening on ${url} (${describeDatabase(config.databaseUrl)})`);
      return { app, config, url, ...stopper(app, database, options.signals ?? []) };
    }
    app = await buildApp({
      config,
      database,
      registry,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    });
    // Parse and validate the models once before taking traffic, so the first requests (and a
    // broken imported model file) do not pay for it; a problem is logged, not fatal here.
    await registry
      .list()
      .catch((error: unknown) => app?.log.warn({ err: error }, 'a stored model could not be loaded'));
    await listen(app, config);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
  const url = listeningUrl(app);
  options.announce?.(`pkimm listening on ${url} (${describeDatabase(config.databaseUrl)})`);
  return { app, config, url, ...stopper(app, database, options.signals ?? []) };
}

/** Listens, turning the usual socket errors into configuration problems that name the variable. */
async function listen(app: FastifyInstance, config: ServerConfig): Promise<void> {
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const problem =
      code === 'EADDRINUSE'
        ? { path: 'PORT', message: `port ${config.port} is already in use on ${config.host}; choose another` }
        : code === 'EACCES'
          ? {
              path: 'PORT',
              message: `port ${config.port} needs privileges this process lacks; use 1024 or above`,
            }
          : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
            ? { path: 'HOST', message: `${config.host} is not an address of this machine` }
            : undefined;
    if (!problem) throw error;
    throw new PkimmError('CONFIG_INVALID', 'the server cannot listen', {
      source: 'environment',
      issues: [problem],
    });
  }
}

function listeningUrl(app: FastifyInstance): string {
  const address = app.server.address();
  if (address === null || typeof address === 'string') return String(address);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** A repeated signal within this time is an echo of the first (see onSignal), not a second one. */
const ECHO_WINDOW_MS = 1000;

/**
 * The graceful stop: readyz turns 503 first, then Fastify stops accepting connections and waits
 * for in-flight requests (app.close), and only then is the database closed, so a write that
 * was accepted is committed and answered. A second signal drops open connections at once.
 */
function stopper(app: FastifyInstance, database: DatabaseHandle, signals: readonly NodeJS.Signals[]) {
  let settle: (outcome: StopOutcome) => void = () => undefined;
  const stopped = new Promise<StopOutcome>((resolve) => (settle = resolve));
  let stopping: Promise<StopOutcome> | undefined;

  const stop = (reason: StopOutcome['reason']): Promise<StopOutcome> => {
    stopping ??= (async () => {
      app.draining = true;
      app.log.info({ reason }, 'draining: no new connections, finishing in-flight requests');
      // A failure to close one part must not leave the other open or `stopped` unsettled.
      await app
        .close()
        .catch((error: unknown) => app.log.error({ err: error }, 'closing the HTTP server failed'));
      await database
        .close()
        .catch((error: unknown) => app.log.error({ err: error }, 'closing the database failed'));
      app.log.info({ reason }, 'stopped');
      const outcome = { reason, forced: false };
      settle(outcome);
      return outcome;
    })();
    return stopping;
  };

  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (!stopping) {
      firstSignalAt = Date.now();
      return void stop(signal);
    }
    // Ctrl-C under `npm start` reaches us twice, from the terminal and forwarded by npm: a repeat
    // within a second is that echo, not a user insisting.
    if (Date.now() - firstSignalAt < ECHO_WINDOW_MS) return;
    app.log.warn({ signal }, 'second signal: dropping open connections without waiting');
    app.server.closeAllConnections();
    settle({ reason: signal, forced: true });
  };
  for (const signal of signals) process.on(signal, onSignal);
  // Once stopped, the process gets its default signal behaviour back (matters for in-process use).
  void stopped.then(() => signals.forEach((signal) => process.off(signal, onSignal)));

  return { stop: () => stop('stop()'), stopped };
}
