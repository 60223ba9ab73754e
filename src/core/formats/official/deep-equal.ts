/**
 * Structural equality of plain data (what YAML and JSON produce). With `ordered`, maps must
 * also list their keys in the same order, which matters where a file is rewritten byte for byte.
 */
export function deepEqual(a: unknown, b: unknown, options: { ordered?: boolean } = {}): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i], options));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  const rightKeys = Object.keys(right);
  if (keys.length !== rightKeys.length) return false;
  if (options.ordered && keys.some((key, i) => key !== rightKeys[i])) return false;
  return keys.every(
    (key) => Object.prototype.hasOwnProperty.call(right, key) && deepEqual(left[key], right[key], options),
  );
}
