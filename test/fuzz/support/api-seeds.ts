/**
 * Valid bodies for the routes whose handlers do the most with what they are sent, so the
 * mutations of hostile.ts start from something the schema accepts and reach the handler's own
 * checks (model keys, dates, merges) rather than stopping at the validator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SPONSOR } from '../../integration/assessments-support.js';

const CATEGORY = 'G.strategy-and-vision';
const example = (name: string): unknown =>
  parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', name), 'utf8'));

const plan = {
  subject: CATEGORY,
  title: 'Roadmap',
  status: 'planned',
  targetLevel: 4,
  objectives: ['A roadmap the board signs off'],
  responsible: 'CIO office',
  schedule: { start: '2026-01-10', due: '2026-02-15' },
  tasks: [{ label: 'Draft', done: false }],
};

export const SEEDS: Record<string, unknown[]> = {
  'PATCH /api/v1/assessments/{id}/answers': [
    { target: 'requirement', key: SPONSOR, field: 'level', value: 3 },
    { target: 'requirement', key: SPONSOR, field: 'notes', value: 'Board minutes' },
    { target: 'requirement', key: SPONSOR, field: 'applicability', value: 'not-applicable', reason: 'x' },
    { target: 'category', key: CATEGORY, field: 'level', value: 2 },
    { target: 'module', key: 'G', field: 'applicability', value: 'partial', reason: 'y' },
  ],
  'PATCH /api/v1/assessments/{id}': [
    { title: 'Renamed', organisation: 'Org', dates: { start: '2026-09-01', finish: '2026-10-01' } },
  ],
  'POST /api/v1/orgs/{orgId}/assessments': [
    { title: 'Another', model: { version: '2.0.0' }, mode: 'full' },
    { title: 'Old', model: { id: 'pkimm', version: '1.0.0' }, mode: 'self', extensions: [{ id: 'pqc' }] },
  ],
  'POST /api/v1/orgs/{orgId}/assessments/import': [
    example('sample-assessment-2.0.0.yaml'),
    example('official-export-2.0.0-full.yaml'),
  ],
  'POST /api/v1/assessments/{id}/import': [example('sample-assessment-2.0.0.yaml')],
  'POST /api/v1/assessments/{id}/plans': [plan],
  'PUT /api/v1/assessments/{id}/plans/{planId}': [plan],
  'PUT /api/v1/assessments/{id}/roadmap': [{ targets: { [CATEGORY]: 4 } }],
  'POST /api/v1/assessments/{id}/contacts': [{ name: 'Bo', role: 'PKI owner', requirements: [SPONSOR] }],
  'POST /api/v1/assessments/{id}/artifacts': [{ title: 'Runbook', requirements: [SPONSOR] }],
  'POST /api/v1/assessments/{id}/evidence': [
    { kind: 'link', title: 'Policy', url: 'https://example.org/policy', requirements: [SPONSOR] },
  ],
  'PATCH /api/v1/assessments/{id}/cycle': [{ reminderOn: '2026-01-15', scopeKey: 'Root CA' }],
  'POST /api/v1/assessments/{id}/next-cycle': [{ title: 'Next cycle' }],
};
