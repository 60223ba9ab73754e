/** `pkimm crosswalk list|show|validate|view`: the JSON contracts, errors with lines, a pack of one's own. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readAssessmentFile } from '../../src/assessment-io/read-assessment.js';
import { buildCrosswalkView } from '../../src/core/crosswalk/crosswalk-view.js';
import { bundledCrosswalksDir, CrosswalkCatalog } from '../../src/model-loader/crosswalks.js';
import { samplePack } from '../support/crosswalk-pack.js';
import { cli, expectNoStack } from '../support/run-cli.js';
import { bundledRegistry, EXAMPLES } from '../helpers/registry.js';

const registry = bundledRegistry();
const catalog = new CrosswalkCatalog(registry);
const dir = mkdtempSync(join(tmpdir(), 'pkimm-crosswalk-'));
const sample2 = `${EXAMPLES}/sample-assessment-2.0.0.yaml`;
const sample1 = `${EXAMPLES}/sample-self-assessment-1.0.0.yaml`;

function writePack(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : stringify(value));
  return path;
}

describe('pkimm crosswalk', () => {
  it('list --format json gives the ids of the packs', async () => {
    const result = await cli(['crosswalk', 'list', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual((await catalog.list()).map((p) => p.id));
    expect(JSON.parse(result.stdout)).toContain('nis2');
  });

  it('show ID --format json gives framework, version and the mappings with full 2.0.0 ids', async () => {
    const result = await cli(['crosswalk', 'show', 'dora', '--format', 'json']);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['framework', 'version', 'mappings']);
    const pack = await catalog.get('dora');
    expect(body).toEqual({
      framework: pack.framework,
      version: pack.version,
      mappings: pack.mappings.map(({ requirement, control, relationship }) => ({
        requirement,
        control,
        relationship,
      })),
    });
    for (const m of body['mappings'] as { requirement: string }[])
      expect(m.requirement).toMatch(/^[GMOR]\.[a-z-]+\.[a-z0-9-]+$/);
  });

  it('show of an unknown pack names the ones there are (exit 2)', async () => {
    const result = await cli(['crosswalk', 'show', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no crosswalk pack "nope"; available: .*nis2/);
  });

  it('validate accepts every bundled pack and a pack of ones own', async () => {
    for (const id of ['nis2', 'cabf-tls-br']) {
      const result = await cli(['crosswalk', 'validate', join(bundledCrosswalksDir(), `${id}.yaml`)]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`valid crosswalk pack "${id}"`));
    }
    const own = writePack('own.yaml', samplePack({ id: 'own' }));
    const result = await cli(['crosswalk', 'validate', own]);
    expect(result.stdout).toContain('2 controls, 2 mappings, model 2.0.0');
  });

  it('validate names each problem with its line, and unknown requirement ids, exit 2', async () => {
    const pack = samplePack();
    pack.mappings[1]!.requirement = 'M.certificate-management.inventory-of-everything';
    const bad = writePack('unknown-id.yaml', pack);
    const result = await cli(['crosswalk', 'validate', bad]);
    expect(result.code).toBe(2);
    const line =
      readFileSync(bad, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('inventory-of-everything')) + 1;
    expect(result.stderr).toContain(
      `${bad}:${line} mappings.1.requirement: requirement "M.certificate-management.inventory-of-everything" does not exist in model 2.0.0`,
    );
    expect(expectNoStack(result.stderr)).toBe(true);

    const broken = writePack('broken.yaml', { ...samplePack(), relationship: 1, controls: [] });
    const second = await cli(['crosswalk', 'validate', broken]);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/unknown field "relationship"/);
    expect(second.stderr).toMatch(/controls: controls must be a list of controls/);
    const yaml = await cli(['crosswalk', 'validate', writePack('syntax.yaml', 'kind: [unclosed\n')]);
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toMatch(/not valid YAML/);
  });

  it('view prints the same view as the core, as JSON and as CSV', async () => {
    const result = await cli([
      'crosswalk',
      'view',
      sample2,
      '--framework',
      'iso-27001-2022',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(0);
    const { assessment, model } = await readAssessmentFile(sample2, registry);
    const expected = buildCrosswalkView({ pack: await catalog.get('iso-27001-2022'), model, assessment });
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));

    const csv = await cli(['crosswalk', 'view', sample2, '--framework', 'iso-27001-2022', '--format', 'csv']);
    const rows = parseCsv<Record<string, string>>(csv.stdout.replace(/^\ufeff/, ''), { columns: true });
    expect(rows).toHaveLength(expected.controls.reduce((n, c) => n + c.supports.length, 0));
    const first = expected.controls[0]!;
    expect(rows[0]).toMatchObject({
      framework: 'ISO/IEC 27001:2022',
      control: first.id,
      status: first.status,
    });

    const table = await cli(['crosswalk', 'view', sample2, '--framework', 'iso-27001-2022']);
    expect(table.stdout).toContain(`${expected.summary.supported} supported`);
    expect(table.stdout).toMatch(/Rule: a requirement supports its control at level 3 \(Advanced\)/);
  });

  it('view reads a 1.0.0 assessment through the id mapping and takes a threshold', async () => {
    const low = JSON.parse(
      (
        await cli([
          'crosswalk',
          'view',
          sample1,
          '--framework',
          'nis2',
          '--threshold',
          '1',
          '--format',
          'json',
        ])
      ).stdout,
    ) as { assessment: { modelVersion: string }; summary: { gap: number }; rule: { threshold: number } };
    const high = JSON.parse(
      (
        await cli([
          'crosswalk',
          'view',
          sample1,
          '--framework',
          'nis2',
          '--threshold',
          '5',
          '--format',
          'json',
        ])
      ).stdout,
    ) as typeof low;
    expect(low.assessment.modelVersion).toBe('1.0.0');
    expect(low.rule.threshold).toBe(1);
    expect(high.summary.gap).toBeGreaterThan(low.summary.gap);
    const bad = await cli(['crosswalk', 'view', sample1, '--framework', 'nis2', '--threshold', '6']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--threshold must be a whole number from 1 to 5/);
  });

  it('adds packs from a directory of ones own, and refuses an id the bundled packs use', async () => {
    const userDir = mkdtempSync(join(tmpdir(), 'pkimm-packs-'));
    writeFileSync(join(userDir, 'house-rules.yaml'), stringify(samplePack({ id: 'house-rules' })));
    const listed = await cli(['crosswalk', 'list', '--format', 'json', '--crosswalks', userDir]);
    expect(JSON.parse(listed.stdout)).toContain('house-rules');
    const byEnv = await cli(['crosswalk', 'list', '--format', 'json'], { PKIMM_CROSSWALKS_DIR: userDir });
    expect(JSON.parse(byEnv.stdout)).toContain('house-rules');
    copyFileSync(join(bundledCrosswalksDir(), 'nis2.yaml'), join(userDir, 'my-nis2.yaml'));
    const clash = await cli(['crosswalk', 'list', '--crosswalks', userDir]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/pack id "nis2" is already used by nis2.yaml/);
  });
});
