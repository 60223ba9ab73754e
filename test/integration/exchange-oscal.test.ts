/**
 * OSCAL 1.1 assessment results: the structure the OSCAL assessment-results model requires
 * (required fields, UUID and date-time formats, token-shaped ids), written down here as a zod
 * schema independent of the writer, and the links inside the document (findings → observations,
 * import-ap → back-matter) resolve.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readAssessmentFile } from '../../src/assessment-io/read-assessment.js';
import { indexModel } from '../../src/core/model/model-index.js';
import { assessmentResults } from '../../src/exchange/oscal/assessment-results.js';
import { bundledRegistry, EXAMPLES } from '../helpers/registry.js';
import { cli } from '../support/run-cli.js';

const registry = bundledRegistry();

// From the OSCAL 1.1 metaschema: uuid is RFC 4122 version 4 or 5; date-time-with-timezone.
const uuid = z
  .string()
  .regex(/^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[45][0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$/);
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
const token = z.string().regex(/^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$/u);
const nonEmpty = z.string().regex(/^\S(.*\S)?$/s);
const prop = z.strictObject({
  name: token,
  value: nonEmpty,
  ns: z.string().url().optional(),
  remarks: z.string().optional(),
});
const controlRef = z.strictObject({ 'control-id': token });

const Observation = z.looseObject({
  uuid,
  description: z.string().min(1),
  methods: z.array(z.enum(['EXAMINE', 'INTERVIEW', 'TEST', 'UNKNOWN'])).min(1),
  collected: dateTime,
  'relevant-evidence': z.array(z.looseObject({ description: z.string().min(1) })).optional(),
});
const Finding = z.looseObject({
  uuid,
  title: z.string().min(1),
  description: z.string().min(1),
  props: z.array(prop).optional(),
  target: z.looseObject({
    type: z.enum(['statement-id', 'objective-id']),
    'target-id': token,
    status: z.looseObject({ state: z.enum(['satisfied', 'not-satisfied']), reason: token.optional() }),
  }),
  'related-observations': z.array(z.strictObject({ 'observation-uuid': uuid })).optional(),
});
const Result = z.looseObject({
  uuid,
  title: z.string().min(1),
  description: z.string().min(1),
  start: dateTime,
  end: dateTime.optional(),
  props: z.array(prop).optional(),
  'reviewed-controls': z.looseObject({
    'control-selections': z
      .array(
        z.looseObject({
          'include-all': z.strictObject({}).optional(),
          'include-controls': z.array(controlRef).optional(),
          'exclude-controls': z.array(controlRef).optional(),
        }),
      )
      .min(1),
  }),
  observations: z.array(Observation).optional(),
  findings: z.array(Finding).optional(),
});
const AssessmentResults = z.strictObject({
  'assessment-results': z.looseObject({
    uuid,
    metadata: z.looseObject({
      title: z.string().min(1),
      'last-modified': dateTime,
      version: z.string().min(1),
      'oscal-version': z.string().regex(/^1\.1\.\d+$/),
      parties: z
        .array(z.looseObject({ uuid, type: z.enum(['person', 'organization']), name: z.string().min(1) }))
        .optional(),
    }),
    'import-ap': z.strictObject({ href: z.string().min(1) }),
    results: z.array(Result).min(1),
    'back-matter': z
      .looseObject({ resources: z.array(z.looseObject({ uuid, title: z.string().optional() })) })
      .optional(),
  }),
});

async function sample() {
  return readAssessmentFile(join(EXAMPLES, 'sample-assessment-2.0.0.yaml'), registry);
}

describe('OSCAL assessment results', () => {
  it('has the structure the OSCAL 1.1 assessment-results model requires', async () => {
    const { assessment, model } = await sample();
    const document = assessmentResults(assessment, model, { now: new Date('2026-10-20T12:00:00Z') });
    const parsed = AssessmentResults.parse(JSON.parse(JSON.stringify(document)));
    const ar = parsed['assessment-results'];
    expect(ar.metadata['oscal-version']).toBe('1.1.2');
    expect(ar.metadata['last-modified']).toBe('2026-10-20T12:00:00.000Z');
    const [result] = ar.results;
    if (!result) throw new Error('no result');
    expect(result.start).toBe('2026-09-07T00:00:00.000Z');
    expect(result.end).toBe('2026-10-14T00:00:00.000Z');
    // Every uuid in the document is unique.
    const uuids = JSON.stringify(document).match(/"uuid":"[^"]+"/g) ?? [];
    expect(new Set(uuids).size).toBe(uuids.length);
    // import-ap points at a back-matter resource.
    const resources = new Set(ar['back-matter']?.resources.map((r) => r.uuid));
    expect(resources.has(ar['import-ap'].href.replace(/^#/, ''))).toBe(true);
  });

  it('has a finding per in-scope requirement whose observations resolve, and excludes N/A ones', async () => {
    const { assessment, model } = await sample();
    const document = assessmentResults(assessment, model, { now: new Date('2026-10-20T12:00:00Z') });
    const [result] = AssessmentResults.parse(document)['assessment-results'].results;
    if (!result) throw new Error('no result');
    const keys = indexModel(model).requirements.map((r) => r.key);
    const findings = result.findings ?? [];
    const excluded = result['reviewed-controls']['control-selections'][0]?.['exclude-controls'] ?? [];
    const included = result['reviewed-controls']['control-selections'][0]?.['include-controls'] ?? [];
    expect(excluded.map((c) => c['control-id'])).toContain(
      'G.policies-and-documentation.disclosure-statement',
    );
    expect(findings.length + excluded.length).toBe(keys.length);
    expect(findings.map((f) => f.target['target-id'])).toEqual(included.map((c) => c['control-id']));
    const observations = new Set((result.observations ?? []).map((o) => o.uuid));
    for (const finding of findings) {
      expect(keys).toContain(finding.target['target-id']);
      expect(finding.target.type).toBe('objective-id');
      for (const related of finding['related-observations'] ?? []) {
        expect(observations.has(related['observation-uuid'])).toBe(true);
      }
      expect(finding['related-observations']).toHaveLength(1);
      const level = assessment.requirements[finding.target['target-id']]?.level ?? 0;
      expect(finding.target.status.state, finding.target['target-id']).toBe(
        level >= 3 ? 'satisfied' : 'not-satisfied',
      );
      const rating = finding.props?.find((p) => p.name === 'maturity-level')?.value;
      expect(rating).toBe(level === 0 ? 'not assessed' : String(level));
    }
    const sponsor = findings.find((f) => f.target['target-id'] === 'G.strategy-and-vision.sponsor-support');
    expect(sponsor?.description).toBe('Rated level 4 (Managed) of 5.');
    const observation = result.observations?.find(
      (o) => o.uuid === sponsor?.['related-observations']?.[0]?.['observation-uuid'],
    );
    expect(observation?.['relevant-evidence']?.[0]?.description).toContain('SC-2025-11');
  });

  it('is stable for the same input, and moves the threshold on request', async () => {
    const { assessment, model } = await sample();
    const now = new Date('2026-10-20T12:00:00Z');
    expect(assessmentResults(assessment, model, { now })).toEqual(
      assessmentResults(assessment, model, { now }),
    );
    const strict = assessmentResults(assessment, model, { now, satisfiedFrom: 5 });
    const states = strict['assessment-results'].results[0]?.findings?.map((f) => f.target.status.state) ?? [];
    expect(states.every((s) => s === 'not-satisfied')).toBe(true);
  });

  it('is written by `pkimm export --format oscal`', async () => {
    const result = await cli([
      'export',
      join(EXAMPLES, 'official-export-2.0.0-full.yaml'),
      '--format',
      'oscal',
    ]);
    expect(result.code).toBe(0);
    expect(AssessmentResults.safeParse(JSON.parse(result.stdout)).success).toBe(true);
    const bad = await cli([
      'export',
      join(EXAMPLES, 'official-export-2.0.0-full.yaml'),
      '--format',
      'oscal',
      '--satisfied-from',
      '9',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--satisfied-from must be a level from 1 to 5');
  });
});
