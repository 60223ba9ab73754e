import { PkimmError } from '../core/errors.js';

/**
 * Refuses deeply nested JSON or YAML before it reaches the YAML parser: a 5,000-level
 * `{"a":{"a":…}}` of 25 KB makes the parser run out of memory and takes the whole process
 * down, which a caught exception cannot prevent. Real assessment files nest about six levels.
 *
 * The scan is a cheap approximation of both syntaxes in one pass: `[` and `{` outside quoted
 * strings open a level (flow collections, JSON), and in block YAML each deeper indentation or
 * `- ` item does. A quote opens a string only where a scalar can start, so an apostrophe in
 * plain text (`don't`) cannot hide brackets from the count.
 */
export function assertShallow(text: string, source: string, maxDepth: number): void {
  const deepest = deepestNesting(text, maxDepth);
  if (deepest.depth > maxDepth) {
    throw new PkimmError(
      'PARSE_ERROR',
      `nested more than ${maxDepth} levels deep; model and assessment files need about a dozen, so this is refused unparsed`,
      {
        source,
        issues: [
          { path: '', message: `more than ${maxDepth} levels at line ${deepest.line}`, line: deepest.line },
        ],
      },
    );
  }
}

const SCALAR_START = new Set([':', ',', '[', '{', '-', '?']);

/** The deepest nesting found, stopping as soon as `limit` is passed. */
export function deepestNesting(text: string, limit: number): { depth: number; line: number } {
  let flow = 0;
  let quote: '"' | "'" | null = null;
  let line = 1;
  let lineStart = true;
  let indentStack: number[] = [];
  let blockDepth = 0;
  let previous = '\n';
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quote) {
      if (c === '\n') line += 1;
      if (quote === '"' && c === '\\') i += 1;
      else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i += 1;
        else quote = null;
      }
      continue;
    }
    if (lineStart && flow === 0) {
      // Block YAML: the indentation and leading `- ` items of a line say how deep it is.
      let j = i;
      while (text[j] === ' ') j += 1;
      const indent = j - i;
      let dashes = 0;
      while (text[j] === '-' && (text[j + 1] === ' ' || text[j + 1] === '\n')) {
        dashes += 1;
        j += 2;
        while (text[j] === ' ') j += 1;
      }
      const blank = text[j] === '\n' || text[j] === '#' || j >= text.length;
      if (!blank) {
        indentStack = indentStack.filter((width) => width < indent);
        indentStack.push(indent);
        blockDepth = indentStack.length + dashes;
        if (blockDepth + flow > limit) return { depth: blockDepth + flow, line };
      }
      lineStart = false;
    }
    if (c === '\n') {
      line += 1;
      lineStart = true;
    } else if (c === '#' && (previous === ' ' || previous === '\n') && flow === 0) {
      // A comment runs to the end of the line.
      while (i + 1 < text.length && text[i + 1] !== '\n') i += 1;
    } else if ((c === '"' || c === "'") && (SCALAR_START.has(lastNonSpace(text, i)) || previous === '\n')) {
      quote = c;
    } else if (c === '[' || c === '{') {
      flow += 1;
      if (blockDepth + flow > limit) return { depth: blockDepth + flow, line };
    } else if ((c === ']' || c === '}') && flow > 0) flow -= 1;
    previous = c;
  }
  return { depth: blockDepth + flow, line };
}

function lastNonSpace(text: string, before: number): string {
  for (let i = before - 1; i >= 0; i -= 1) {
    const c = text[i] as string;
    if (c !== ' ' && c !== '\t') return c === '\n' || c === '\r' ? ':' : c;
  }
  return ':';
}
