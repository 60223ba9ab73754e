import type { Assessment } from '../../assessment/assessment.types.js';
import { isPlainObject } from '../../assessment/compact.js';
import { uniqueIssues, type PathIssue } from '../../assessment/path-issue.js';
import { protoKeyIssues } from '../../assessment/proto-keys.js';
import { validateAgainstModel } from '../../assessment/validate-against-model.js';
import { zodIssuesToPathIssues } from '../../assessment/zod-issues.js';
import type { Model } from '../../model/model.types.js';
import { applyPkimmPatch, pkimmPatchSchema, type PkimmPatch } from './pkimm-patch.js';
import { X_PKIMM } from './project-official.js';
import { readOfficialCore } from './read-official-core.js';

/**
 * Reads an official self-assessment export (pkic/self-assessment 2.x, already parsed from
 * YAML) against the model named by its `dataVersion`. Returns the assessment and every issue,
 * with paths into the export. Throws FORMAT_UNKNOWN for a stateSchemaVersion above 2.
 *
 * A file without `x-pkimm` came from the app: it is marked `importedFrom: official`, which
 * lets not-applicable decisions go without a reason as the app allows. With `x-pkimm` it was
 * written by pkimm, and the block restores what the official fields cannot hold.
 */
export function fromOfficial(value: unknown, model: Model): { assessment: Assessment; issues: PathIssue[] } {
  const core = readOfficialCore(value, model);
  const issues = [...core.issues];
  const raw = isPlainObject(value) ? value[X_PKIMM] : undefined;
  let assessment: Assessment = { ...core.assessment, importedFrom: 'official' };
  let patch: PkimmPatch | undefined;
  const unsafe = protoKeyIssues(raw, [X_PKIMM]);
  issues.push(...unsafe);
  if (raw !== undefined && unsafe.length === 0) {
    const parsed = pkimmPatchSchema.safeParse(raw);
    if (parsed.success) {
      patch = parsed.data;
      assessment = applyPkimmPatch(core.assessment, patch);
    } else {
      issues.push(
        ...zodIssuesToPathIssues(parsed.error.issues, raw).map((issue) => ({
          ...issue,
          path: [X_PKIMM, ...issue.path],
        })),
      );
    }
  }
  for (const issue of validateAgainstModel(assessment, model))
    issues.push({ ...issue, path: officialPath(issue.path, patch) });
  return { assessment, issues: uniqueIssues(issues) };
}

const ENTRY_FIELD: Record<string, string> = { reason: 'applicabilityReason' };
const MAP_OF: Record<string, string> = {
  categories: 'progress',
  relevance: 'progress',
  requirements: 'requirementProgress',
};

/** Where a problem found in the assessment sits in the export: its official entry, or the patch that set it. */
function officialPath(path: (string | number)[], patch: PkimmPatch | undefined): (string | number)[] {
  const [field, key, sub, ...rest] = path;
  const patched = patch as Record<string, unknown> | undefined;
  const entries = typeof field === 'string' ? patched?.[field] : undefined;
  if (typeof key === 'string' && isPlainObject(entries) && entries[key] !== undefined)
    return [X_PKIMM, ...path];
  const map = typeof field === 'string' ? MAP_OF[field] : undefined;
  if (map && key !== undefined) {
    const entryField = typeof sub === 'string' ? (ENTRY_FIELD[sub] ?? sub) : sub;
    return [map, key, ...(entryField === undefined ? [] : [entryField]), ...rest];
  }
  if (field === 'model') return ['dataVersion'];
  if (field === 'extensions') return ['enabledExtensions', ...path.slice(1)];
  return [X_PKIMM, ...path];
}
