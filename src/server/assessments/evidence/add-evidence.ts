import { createHash, randomUUID } from 'node:crypto';
import {
  insertEvidence,
  type EvidenceRecord,
  type NewEvidence,
} from '../../../persistence/repositories/assessments/evidence.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../deps.js';
import { assertNoIssues, unknownKeyIssues } from '../model-issues.js';
import { assertNotFinal, openAssessment } from '../open-assessment.js';
import { sniffContentType } from './sniff-content-type.js';

export type EvidenceInput = { title: string; requirements: string[] } & (
  | { kind: 'text'; text: string }
  | { kind: 'link'; url: string }
  | { kind: 'file'; fileName: string; content: Uint8Array }
);

/**
 * Adds an evidence item to an assessment, tied to requirements that must exist in its model.
 * A file is stored with its SHA-256, its size and a content type sniffed from its bytes.
 */
export async function addEvidence(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  input: EvidenceInput,
): Promise<EvidenceRecord> {
  const opened = await openAssessment(deps, principal, assessmentId, 'annotate');
  assertNotFinal(opened);
  const requirements = [...new Set(input.requirements)];
  assertNoIssues(
    unknownKeyIssues(opened.assessment, opened.model, 'requirements', requirements),
    'evidence must be tied to requirements of the model',
  );
  const base = {
    id: randomUUID(),
    orgId: opened.record.orgId,
    assessmentId,
    title: input.title,
    requirementKeys: requirements,
    createdBy: opened.principal.userId,
    createdAt: deps.now().toISOString(),
  };
  return deps.database.db
    .transaction()
    .execute((trx) => insertEvidence(trx, { ...base, ...contentOf(input) }));
}

/** The fields that depend on the kind of item. */
type Content = Omit<
  NewEvidence,
  'id' | 'orgId' | 'assessmentId' | 'title' | 'requirementKeys' | 'createdBy' | 'createdAt'
>;

function contentOf(input: EvidenceInput): Content {
  const none = {
    text: null,
    url: null,
    fileName: null,
    contentType: null,
    size: null,
    sha256: null,
    content: null,
  };
  switch (input.kind) {
    case 'text':
      return { ...none, kind: 'text', text: input.text };
    case 'link':
      return { ...none, kind: 'link', url: input.url };
    case 'file':
      return {
        ...none,
        kind: 'file',
        fileName: input.fileName,
        contentType: sniffContentType(input.content),
        size: input.content.byteLength,
        sha256: createHash('sha256').update(input.content).digest('hex'),
        content: input.content,
      };
  }
}
