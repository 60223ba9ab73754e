import { PkimmError } from '../core/errors.js';

export type OutputFormat = 'table' | 'json';

/** Validates `--format`, naming the allowed values. */
export function parseFormat(
  value: string | undefined,
  allowed: readonly OutputFormat[] = ['table', 'json'],
): OutputFormat {
  const format = (value ?? 'table') as OutputFormat;
  if (!allowed.includes(format)) {
    throw new PkimmError('USAGE', `--format must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return format;
}

export function printJson(write: (text: string) => void, value: unknown): void {
  write(JSON.stringify(value, null, 2) + '\n');
}
