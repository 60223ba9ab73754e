import { PkimmError } from '../core/errors.js';

/** A model or extension named on the command line: `pkimm@2.0.0`, `pqc@0.2.0`, or a bare `2.0.0` for pkimm. */
export interface ModelRef {
  id: string;
  version: string;
}

const REF = /^(?:([a-z][a-z0-9-]*)@)?(\d+\.\d+\.\d+)$/;

export function parseModelRef(text: string): ModelRef {
  const match = REF.exec(text.trim());
  const version = match?.[2];
  if (!match || version === undefined) {
    throw new PkimmError(
      'USAGE',
      `expected ID@VERSION such as pkimm@2.0.0, or a bare version such as 2.0.0 (got ${JSON.stringify(text)})`,
    );
  }
  return { id: match[1] ?? 'pkimm', version };
}
