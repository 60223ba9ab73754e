/**
 * Reads the API's assessment document (the pkimm-assessment format as JSON) into the core's
 * Assessment for in-browser scoring. The server has validated it; this only fills defaults,
 * without pulling the zod schemas into the bundle.
 */
import type {
  Applicability,
  Assessment,
  CategoryAnswer,
  Rating,
  RequirementAnswer,
  ScopeDecision,
} from '../../core/assessment/assessment.types.js';

type Doc = Record<string, unknown>;

function isRecord(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function rating(value: unknown): Rating {
  return value === 1 || value === 2 || value === 3 || value === 4 || value === 5 ? value : 0;
}

function applicability(value: unknown): Applicability {
  return value === 'partial' || value === 'not-applicable' ? value : 'applicable';
}

function decision(entry: Doc): ScopeDecision {
  const reason = str(entry.reason);
  return { applicability: applicability(entry.applicability), ...(reason ? { reason } : {}) };
}

function optionalText(entry: Doc, ...keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const value = str(entry[key]);
    if (value) out[key] = value;
  }
  return out;
}

function mapRecord<T>(value: unknown, map: (entry: Doc) => T): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isRecord(value)) return out;
  for (const [key, entry] of Object.entries(value)) if (isRecord(entry)) out[key] = map(entry);
  return out;
}

export function categoryOf(entry: Doc): CategoryAnswer {
  return { level: rating(entry.level), ...decision(entry), ...optionalText(entry, 'notes') };
}

export function requirementOf(entry: Doc): RequirementAnswer {
  return {
    level: rating(entry.level),
    ...decision(entry),
    ...optionalText(entry, 'notes', 'evidence', 'flagNote', 'updatedAt'),
    ...(entry.flagged === true ? { flagged: true } : {}),
    ...(entry.completed === true ? { completed: true } : {}),
  };
}

export function fromDocument(doc: Doc): Assessment {
  const model = isRecord(doc.model) ? doc.model : {};
  const scope = isRecord(doc.scope) ? doc.scope : {};
  const type =
    doc.type === 'self' || doc.type === 'formal' || doc.type === 'third-party' ? doc.type : undefined;
  return {
    title: str(doc.title) ?? '',
    model: { id: str(model.id) ?? 'pkimm', version: str(model.version) ?? '' },
    mode: doc.mode === 'full' ? 'full' : 'self',
    ...(type ? { type } : {}),
    scope: optionalText(
      scope,
      'description',
      'components',
      'outOfScope',
      'highLevelDesign',
      'pointsOfInteraction',
    ),
    modules: mapRecord(doc.modules, decision),
    categories: mapRecord(doc.categories, categoryOf),
    requirements: mapRecord(doc.requirements, requirementOf),
    extensions: [],
    relevance: {},
  };
}
