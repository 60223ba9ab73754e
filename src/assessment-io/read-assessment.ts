/**
 * Reads an assessment file in either format, resolves its model and validates it, failing
 * once with every problem (file:line path: message). Parser errors never escape untyped.
 */
import type { Assessment } from '../core/assessment/assessment.types.js';
import { isPlainObject } from '../core/assessment/compact.js';
import { parsePkimmAssessment } from '../core/assessment/parse-pkimm-assessment.js';
import { uniqueIssues, type PathIssue } from '../core/assessment/path-issue.js';
import { validateAgainstModel } from '../core/assessment/validate-against-model.js';
import { PkimmError, type Issue } from '../core/errors.js';
import { fromOfficial } from '../core/formats/official/from-official.js';
import { assertSupportedStateSchema } from '../core/formats/official/read-official-core.js';
import type { Model } from '../core/model/model.types.js';
import { readInputFile } from '../io/read-input.js';
import { parseYamlDocument, type SourceDocument } from '../io/yaml-document.js';
import { detectAssessmentFormat, type AssessmentFormat } from './detect-format.js';
import type { ModelSource } from './model-source.js';

export interface ReadAssessment {
  assessment: Assessment;
  format: AssessmentFormat;
  model: Model;
}

export async function readAssessmentFile(path: string, registry: ModelSource): Promise<ReadAssessment> {
  return parseAssessmentText(await readInputFile(path), path, registry);
}

/** The same from text already in memory; `source` names it in messages. */
export async function parseAssessmentText(
  text: string,
  source: string,
  registry: ModelSource,
): Promise<ReadAssessment> {
  const doc = parseYamlDocument(text, source);
  return detectAssessmentFormat(doc.value, source) === 'pkimm'
    ? readPkimm(doc, source, registry)
    : readOfficial(doc, source, registry);
}

async function readPkimm(
  doc: SourceDocument,
  source: string,
  registry: ModelSource,
): Promise<ReadAssessment> {
  const raw = doc.value as Record<string, unknown>;
  const ref = isPlainObject(raw['model']) ? raw['model'] : {};
  const parsed = parsePkimmAssessment(raw);
  const issues: PathIssue[] = [...parsed.issues];
  let model: Model | undefined;
  if (typeof ref['id'] === 'string' && typeof ref['version'] === 'string') {
    model = await resolveModel(registry, ref['id'], ref['version'], doc, source, ['model', 'version']);
    // With a broken shape, still report unknown keys and the like from the raw data.
    issues.push(...validateAgainstModel(parsed.assessment ?? raw, model));
  }
  if (!parsed.assessment || !model || issues.length > 0) throw invalid(doc, source, issues);
  return { assessment: parsed.assessment, format: 'pkimm', model };
}

async function readOfficial(
  doc: SourceDocument,
  source: string,
  registry: ModelSource,
): Promise<ReadAssessment> {
  const raw = doc.value as Record<string, unknown>;
  const version = raw['dataVersion'] as string;
  try {
    assertSupportedStateSchema(raw);
    const model = await resolveModel(registry, 'pkimm', version, doc, source, ['dataVersion']);
    const { assessment, issues } = fromOfficial(raw, model);
    if (issues.length > 0) throw invalid(doc, source, issues);
    return { assessment, format: 'official', model };
  } catch (error) {
    if (error instanceof PkimmError && error.source === undefined) {
      throw new PkimmError(error.code, error.message, { source, issues: [...error.issues], cause: error });
    }
    throw error;
  }
}

async function resolveModel(
  registry: ModelSource,
  id: string,
  version: string,
  doc: SourceDocument,
  source: string,
  path: string[],
) {
  try {
    return await registry.get(id, version);
  } catch (error) {
    if (!(error instanceof PkimmError) || error.code !== 'MODEL_NOT_FOUND') throw error;
    const issues = doc.withLines([{ path, message: error.message }]);
    throw new PkimmError(
      'MODEL_NOT_FOUND',
      `the assessment is for ${id} ${version}, which pkimm does not have`,
      { source, issues, cause: error },
    );
  }
}

function invalid(doc: SourceDocument, source: string, issues: PathIssue[]): PkimmError {
  const located = doc.withLines(uniqueIssues(issues)).sort(byLine);
  const count = located.length === 1 ? '1 problem' : `${located.length} problems`;
  return new PkimmError('ASSESSMENT_INVALID', `the assessment is not valid (${count})`, {
    source,
    issues: located,
  });
}

function byLine(a: Issue, b: Issue): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
