import { z } from 'zod';
import { ModelFile2Schema } from '../core/model/model-schema.js';

/** Where the generated editor schema is committed, relative to the package root. */
export const MODEL_JSON_SCHEMA_PATH = 'model/schema/pkimm-model-2.0.0.schema.json';

/**
 * The JSON Schema of a 2.0.0 model file, for editors, generated from the one zod schema so the
 * two cannot drift. `io: 'input'` describes what a file may contain (open objects). The
 * cross-checks (unique ids, level order) are not expressible here; pkimm still runs them.
 */
export function modelJsonSchemaText(): string {
  return `${JSON.stringify(z.toJSONSchema(ModelFile2Schema, { io: 'input' }), null, 2)}\n`;
}
