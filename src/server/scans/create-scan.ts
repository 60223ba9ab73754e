import { createHash, randomUUID } from 'node:crypto';
import { PkimmError } from '../../core/errors.js';
import { indexModel } from '../../core/model/model-index.js';
import type { RatingSuggestion } from '../../core/scan/scan.types.js';
import { knownIssuersFromScope } from '../../core/scan/scope-issuers.js';
import { suggestionKeyFor } from '../../core/scan/suggestion-keys.js';
import { loadIdMapping } from '../../assessment-io/mapping.js';
import { insertScan, type NewSuggestion } from '../../persistence/repositories/scans.js';
import { recordAudit } from '../../persistence/repositories/audit.js';
import { bufferInput } from '../../scanner/input.js';
import { eventsOfInput } from '../../scanner/input-kind.js';
import { runScan } from '../../scanner/run-scan.js';
import type { ScanSource } from '../../scanner/source.js';
import { tlsSource } from '../../scanner/sources/tls.js';
import type { Principal } from '../auth/principal.js';
import type { ServiceDeps } from '../assessments/deps.js';
import { assertNotFinal, openAssessment } from '../assessments/open-assessment.js';
import type { Model } from '../../core/model/model.types.js';
import { assertTlsTargetsAllowed } from './tls-allow-list.js';
import { suggestionView, type ScanDetail, type SuggestionView } from './scan-views.js';

export interface ScanUpload {
  files: { name: string; bytes: Uint8Array }[];
  tls: string[];
  csvPreset: 'generic' | 'adcs';
  csvIssuer?: string;
  knownIssuers: string[];
  pkcs12Password?: string;
}

/**
 * Runs a scan over uploaded files and allowed TLS endpoints and stores the inventory as one
 * evidence item (kind `scan`, the inventory as JSON, the SHA-256 of every input inside) with its
 * suggested ratings, mapped to the assessment's model version. Nothing in the assessment's
 * answers changes: suggestions wait for an assessor's decision.
 */
export async function createScan(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  upload: ScanUpload,
): Promise<{ scan: ScanDetail; suggestions: SuggestionView[] }> {
  const opened = await openAssessment(deps, principal, assessmentId, 'annotate');
  assertNotFinal(opened);
  if (upload.files.length === 0 && upload.tls.length === 0)
    throw new PkimmError('VALIDATION_FAILED', 'nothing to scan', {
      issues: [{ path: 'body', message: 'send at least one file or one TLS endpoint' }],
    });
  assertTlsTargetsAllowed(upload.tls, deps.config.scanTlsTargets);
  const readerOptions = {
    csv: { preset: upload.csvPreset, ...(upload.csvIssuer ? { issuer: upload.csvIssuer } : {}) },
    ...(upload.pkcs12Password ? { pkcs12Passwords: [upload.pkcs12Password] } : {}),
  };
  const sources: ScanSource[] = upload.files.map((file) => ({
    kind: 'file',
    name: file.name,
    events: () => eventsOfInput(bufferInput(file.name, file.bytes), readerOptions),
  }));
  if (upload.tls.length > 0) sources.push(tlsSource(upload.tls, { concurrency: 8, timeoutMs: 5000 }));
  const knownIssuers = [...upload.knownIssuers, ...knownIssuersFromScope(opened.assessment.scope)];
  const now = deps.now();
  const { inventory, suggestions } = await runScan(sources, {
    now: now.toISOString(),
    ...(knownIssuers.length > 0 ? { knownIssuers } : {}),
  });

  const id = randomUUID();
  const createdAt = now.toISOString();
  const createdBy = opened.principal.userId;
  const mapped = await mapToModel(suggestions, opened.model);
  const content = Buffer.from(JSON.stringify(inventory));
  const newSuggestions: NewSuggestion[] = mapped.map((s) => ({
    id: randomUUID(),
    orgId: opened.record.orgId,
    assessmentId,
    scanId: id,
    requirement: s.requirement,
    rule: s.rule,
    level: s.level,
    reasoning: s.reasoning,
    createdAt,
  }));
  const requirementKeys = [...new Set(newSuggestions.map((s) => s.requirement))];
  await insertScan(
    deps.database.db,
    {
      id,
      orgId: opened.record.orgId,
      assessmentId,
      kind: 'scan',
      title: `Automated scan: ${inventory.summary.unique} certificates from ${inventory.inputs.length} input(s)`,
      text: JSON.stringify({ summary: inventory.summary, inputs: inventory.inputs }),
      url: null,
      fileName: `scan-${createdAt.replace(/[:.]/g, '-')}.json`,
      contentType: 'application/json',
      size: content.byteLength,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      requirementKeys,
      createdBy,
      createdAt,
    },
    newSuggestions,
  );
  await recordAudit(deps.database.db, {
    orgId: opened.record.orgId,
    actorUserId: createdBy,
    event: 'scan.created',
    detail: {
      assessmentId,
      scanId: id,
      inputs: inventory.inputs.map((i) => ({ kind: i.kind, name: i.name, sha256: i.sha256 })),
      suggestions: newSuggestions.length,
    },
    at: now,
  });
  return {
    scan: { ...inventory, id, createdAt, createdBy },
    suggestions: newSuggestions.map((s) =>
      suggestionView(
        { ...s, status: 'open', decidedLevel: null, decidedBy: null, decidedAt: null },
        opened.assessment,
      ),
    ),
  };
}

/** The rules speak of 2.0.0 requirements; a 1.0.0 assessment gets them under its own ids. */
async function mapToModel(suggestions: RatingSuggestion[], model: Model): Promise<RatingSuggestion[]> {
  const keys = indexModel(model).requirementByKey;
  const mapping = model.version === '2.0.0' ? undefined : await loadIdMapping();
  const out: RatingSuggestion[] = [];
  for (const suggestion of suggestions) {
    const key = suggestionKeyFor(suggestion.requirement, model.version, mapping);
    if (key !== undefined && keys.has(key)) out.push({ ...suggestion, requirement: key });
  }
  return out;
}
