import { ModelRegistry } from '../model-loader/registry.js';
import type { CliIo } from './io.js';

/** What every command gets: where to write and where models come from. */
export interface CliContext {
  io: CliIo;
  registry: ModelRegistry;
  /** The environment the command runs in (tests pass their own instead of process.env). */
  env: Record<string, string | undefined>;
}

export function createContext(io: CliIo, env: Record<string, string | undefined> = process.env): CliContext {
  const dataDir = env['PKIMM_HOME'];
  return { io, env, registry: new ModelRegistry(dataDir === undefined ? {} : { dataDir }) };
}
