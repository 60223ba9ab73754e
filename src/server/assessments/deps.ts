import type { ModelRegistry } from '../../model-loader/registry.js';
import type { DatabaseHandle } from '../../persistence/database.js';
import type { ServerConfig } from '../config.js';

/** What the assessment services need from the app: the same object as `app.deps`. */
export interface ServiceDeps {
  config: ServerConfig;
  database: DatabaseHandle;
  registry: ModelRegistry;
  now: () => Date;
}
