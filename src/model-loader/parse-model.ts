/**
 * From text to validated core objects: parse YAML keeping line numbers, validate with the core
 * schemas, and throw ONE typed error listing every problem as `file:line path: message`.
 */
import { PkimmError, type ErrorCode, type Issue } from '../core/errors.js';
import { extensionFromFile } from '../core/extensions/extension-from-file.js';
import type { Extension } from '../core/extensions/extension.types.js';
import { modelFromFile, type ModelFileOptions } from '../core/model/from-file.js';
import {
  LevelFileSchema,
  ReferenceCatalogSchema,
  type LevelFile,
  type ReferenceCatalog,
} from '../core/model/support-files-schema.js';
import { toSchemaIssues, type SchemaIssue } from '../core/model/schema-parts.js';
import type { Model } from '../core/model/model.types.js';
import { parseYamlDocument, type SourceDocument } from '../io/yaml-document.js';

export type { ModelFileOptions };

export function parseModelText(text: string, source: string, options: ModelFileOptions): Model {
  return modelFromDocument(parseYamlDocument(text, source), source, options);
}

export function modelFromDocument(doc: SourceDocument, source: string, options: ModelFileOptions): Model {
  const { model, issues } = modelFromFile(doc.value, options);
  return model ?? fail('MODEL_INVALID', 'model file', source, doc, issues);
}

export function parseExtensionText(text: string, source: string, model: Model): Extension {
  return extensionFromDocument(parseYamlDocument(text, source), source, model);
}

export function extensionFromDocument(doc: SourceDocument, source: string, model: Model): Extension {
  const { extension, issues } = extensionFromFile(doc.value, model);
  return extension ?? fail('EXTENSION_INVALID', 'extension file', source, doc, issues);
}

/** `model/pkimm-levels.yaml`: the generic level definitions. */
export function parseLevelFileText(text: string, source: string): LevelFile {
  const doc = parseYamlDocument(text, source);
  const parsed = LevelFileSchema.safeParse(doc.value);
  return parsed.success
    ? parsed.data
    : fail('MODEL_INVALID', 'level file', source, doc, toSchemaIssues(parsed.error));
}

/** A references catalog such as `model/pkimm-references.yaml`. */
export function parseReferenceCatalogText(text: string, source: string): ReferenceCatalog {
  const doc = parseYamlDocument(text, source);
  const parsed = ReferenceCatalogSchema.safeParse(doc.value);
  if (parsed.success) return parsed.data;
  return fail('MODEL_INVALID', 'references catalog', source, doc, toSchemaIssues(parsed.error));
}

function fail(
  code: ErrorCode,
  what: string,
  source: string,
  doc: SourceDocument,
  issues: SchemaIssue[],
): never {
  const located = sortByLine(doc.withLines(issues));
  const count = located.length === 1 ? '1 problem' : `${located.length} problems`;
  throw new PkimmError(code, `${what} has ${count}`, { source, issues: located });
}

/** In file order, so the list reads top to bottom; problems on one line keep the order they were found in. */
function sortByLine(issues: Issue[]): Issue[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => (a.issue.line ?? 0) - (b.issue.line ?? 0) || a.index - b.index)
    .map(({ issue }) => issue);
}
