import { LineCounter, parseDocument, type Document } from 'yaml';
import { PkimmError, type Issue } from '../core/errors.js';
import { assertShallow } from './nesting-guard.js';

/** A parsed YAML (or JSON, which is YAML) document that can say where a path is in the source. */
export interface SourceDocument {
  /** Plain data: objects, arrays, strings, numbers, booleans, null. */
  value: unknown;
  /** 1-based line and column of the node at `path`, or of its nearest existing ancestor. */
  locate(path: readonly (string | number)[]): { line: number; column: number } | undefined;
  /** Adds line and column to issues whose path is given as dotted segments. */
  withLines(issues: readonly { path: (string | number)[]; message: string }[]): Issue[];
}

/** Aliases allowed in one document; a billion-laughs file needs far more than this. */
const MAX_ALIASES = 100;

/** Nesting allowed before parsing; model and assessment files need about a dozen levels. */
export const MAX_NESTING = 64;

/**
 * Parses YAML keeping line positions. Syntax errors, deep nesting and alias bombs become one PARSE_ERROR
 * naming the file and line; the text is never evaluated (no custom tags, no merge surprises).
 */
export function parseYamlDocument(text: string, source: string): SourceDocument {
  // Before the parser: a deeply nested file exhausts its memory in a way no catch can stop.
  assertShallow(text, source, MAX_NESTING);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false });
  const problems = [...doc.errors];
  if (problems.length > 0) {
    const issues: Issue[] = problems.map((problem) => {
      const at = lineCounter.linePos(problem.pos[0]);
      return { path: '', message: firstLine(problem.message), line: at.line, column: at.col };
    });
    throw new PkimmError('PARSE_ERROR', 'not valid YAML or JSON', { source, issues });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new PkimmError('PARSE_ERROR', `cannot be read: ${firstLine(message)}`, { source, cause: error });
  }
  const locate = (path: readonly (string | number)[]) => locateIn(doc, lineCounter, path);
  return {
    value,
    locate,
    withLines: (issues) =>
      issues.map((issue) => {
        const at = locate(issue.path);
        const base = { path: issue.path.join('.'), message: issue.message };
        return at ? { ...base, line: at.line, column: at.column } : base;
      }),
  };
}

function locateIn(doc: Document, lineCounter: LineCounter, path: readonly (string | number)[]) {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range && (depth === 0 || node !== undefined)) {
      const at = lineCounter.linePos(range[0]);
      return { line: at.line, column: at.col };
    }
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
