import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectNoStack } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'pkimm-score-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

interface ScoreJson {
  model: { id: string; version: string };
  mode: string;
  overall: { raw: number | null; level: number | null; name: string | null; progress: number | null };
  modules: { id: string; name: string; raw: number | null; level: number | null; levelName: string | null }[];
  categories: {
    id: string;
    module: string;
    name: string;
    weight: number;
    raw: number | null;
    level: number | null;
    levelName: string | null;
    rated: number;
    notApplicable: number;
    notAssessed: number;
  }[];
}

// An official full-mode export: Strategy and vision 4,3,2,1 (weights 3,2,2,1 → 23/8), Compliance
// self-declared 3 with no requirement rated, Automation explicitly N/A despite a rating, one
// requirement of Resilience N/A and the others partly rated.
const official = `stateSchemaVersion: 2
dataVersion: 2.0.0
name: Scoring check
id: 6a1f0c52-5b1e-4c1a-9d43-0e0b7c1d2e3f
progress:
  G.strategy-and-vision:
    level: 0
    result: Not Assessed
    description: ''
    applicability: true
  G.compliance:
    level: 3
    result: 3 - Advanced
    description: ''
    applicability: true
  O.automation:
    level: 0
    result: Not Applicable
    description: ''
    applicability: false
    applicabilityReason: Manual issuance only
enabledExtensions: []
assessmentName: Scoring check
assessorName: Tester
useCaseDescription: ''
sourceStructure:
  byKey: {}
meta:
  createdAt: '2026-10-01T09:00:00.000Z'
  updatedAt: '2026-10-02T16:00:00.000Z'
exportedAt: '2026-10-02T16:05:00.000Z'
requirementProgress:
  G.strategy-and-vision.sponsor-support:
    level: 4
    applicability: true
    notes: ''
    evidence: ''
  G.strategy-and-vision.responsible-leadership:
    level: 3
    applicability: true
    notes: ''
    evidence: ''
  G.strategy-and-vision.scope-and-drivers:
    level: 2
    applicability: true
    notes: ''
    evidence: ''
  G.strategy-and-vision.architecture:
    level: 1
    applicability: true
    notes: ''
    evidence: ''
  O.automation.automation-description:
    level: 5
    applicability: true
    notes: ''
    evidence: ''
  O.resilience.risk-assessment:
    level: 0
    applicability: false
    notes: ''
    evidence: ''
    applicabilityReason: Covered by group risk management
  O.resilience.incident-planning:
    level: 5
    applicability: true
    notes: ''
    evidence: ''
  O.resilience.business-continuity:
    level: 4
    applicability: true
    notes: ''
    evidence: ''
`;

describe('pkimm score', () => {
  it('scores an official export exactly as the official rules do', async () => {
    const result = await cli(['score', file('official.yaml', official), '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const score = JSON.parse(result.stdout) as ScoreJson;
    expect(score.model).toEqual({ id: 'pkimm', version: '2.0.0' });
    expect(score.mode).toBe('full');
    const byId = new Map(score.categories.map((c) => [c.id, c]));
    expect(byId.get('strategy-and-vision')).toMatchObject({
      module: 'G',
      weight: 5,
      raw: 23 / 8,
      level: 2,
      levelName: 'Foundational',
      rated: 4,
      notApplicable: 0,
      notAssessed: 0,
    });
    expect(byId.get('compliance')).toMatchObject({ raw: 3, level: 3, levelName: 'Advanced' });
    expect(byId.get('automation')).toMatchObject({ raw: null, level: null, rated: 0, notApplicable: 3 });
    const resilience = (5 * 4 + 4 * 5) / (4 + 5);
    expect(byId.get('resilience')).toMatchObject({
      raw: resilience,
      level: 4,
      rated: 2,
      notApplicable: 1,
      notAssessed: 3,
    });
    expect(byId.get('cryptography')).toMatchObject({ raw: null, level: null, notAssessed: 6 });
    const overall = ((23 / 8) * 5 + 3 * 2 + resilience * 4) / (5 + 2 + 4);
    expect(score.overall.raw).toBeCloseTo(overall, 14);
    expect(score.overall).toMatchObject({ level: 3, name: 'Advanced' });
    expect(score.overall.progress).toBeCloseTo(overall - 3, 14);
    expect(score.modules.find((m) => m.id === 'G')!.raw).toBeCloseTo(((23 / 8) * 5 + 3 * 2) / 7, 14);
    expect(score.modules.find((m) => m.id === 'O')!.raw).toBe(resilience);
    expect(score.modules.find((m) => m.id === 'R')).toMatchObject({
      raw: null,
      level: null,
      levelName: null,
    });
  });

  it('gives the same numbers after converting the official export to our format and back', async () => {
    const input = file('official-2.yaml', official);
    const ours = join(dir, 'ours.yaml');
    const back = join(dir, 'back.yaml');
    expect((await cli(['convert', input, ours])).code).toBe(0);
    expect((await cli(['convert', ours, back, '--to', 'official'])).code).toBe(0);
    const scores = await Promise.all(
      [input, ours, back].map((path) => cli(['score', path, '--format', 'json'])),
    );
    expect(scores[1]!.stdout).toBe(scores[0]!.stdout);
    expect(scores[2]!.stdout).toBe(scores[0]!.stdout);
    expect(readFileSync(back, 'utf8')).toBe(official);
  });

  it('prints a table with the overall level and a progress bar', async () => {
    const result = await cli(['score', file('official-3.yaml', official)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^G\.strategy-and-vision +Strategy and vision +5 +2\.87 +2 Foundational/m);
    expect(result.stdout).toMatch(/^O\.automation .* N\/A +not applicable/m);
    expect(result.stdout).toMatch(/^Overall: level 3 Advanced \(raw 3\.\d+\) \[#*\.*\]/m);
  });

  it('explains the calculation with the actual numbers', async () => {
    const result = await cli(['score', file('official-4.yaml', official), '--explain']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'G.strategy-and-vision Strategy and vision (category weight 5): (4×3 + 3×2 + 2×2 + 1×1) ÷ 8 = 23 ÷ 8 = 2.875 → level 2 Foundational',
    );
    expect(result.stdout).toContain(
      'O.resilience Resilience (category weight 4): (5×4 + 4×5) ÷ 9 = 40 ÷ 9 = 4.4444 → level 4 Managed',
    );
    expect(result.stdout).toContain('1 not applicable and 3 not assessed requirement(s) carry no weight.');
  });

  it('shows the gap to the next level', async () => {
    const result = await cli(['score', file('official-5.yaml', official), '--gaps', '--format', 'json']);
    const gaps = (
      JSON.parse(result.stdout) as { gaps: { key: string; limiting: { requirementKey: string }[] }[] }
    ).gaps;
    expect(
      gaps.find((g) => g.key === 'G.strategy-and-vision')!.limiting.map((s) => s.requirementKey),
    ).toEqual(['G.strategy-and-vision.scope-and-drivers', 'G.strategy-and-vision.architecture']);
  });
});

describe('pkimm score on bad input', () => {
  const bad = async (name: string, text: string) => {
    const path = file(name, text);
    const result = await cli(['score', path]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(expectNoStack(result.stderr)).toBe(true);
    expect(result.stderr).toContain(path);
    return result.stderr;
  };

  it('malformed YAML names the line', async () => {
    expect(await bad('broken.yaml', 'format: pkimm-assessment\nmodel: {id: pkimm, version: 2.0.0\n')).toMatch(
      /broken\.yaml:\d+/,
    );
  });

  it('an alias bomb is refused', async () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefghi'.split('').map(
        (k, i) =>
          `${k}: &${k} [${Array(9)
            .fill('*' + 'abcdefghi'[i])
            .join(', ')}]`,
      ),
    ].join('\n');
    expect(await bad('bomb.yaml', bomb + '\n')).toMatch(/alias/i);
  });

  it('an unknown requirement id is named with its line', async () => {
    const text = official.replace(
      'G.strategy-and-vision.architecture:',
      'G.strategy-and-vision.architecturez:',
    );
    expect(await bad('unknown.yaml', text)).toMatch(
      /unknown\.yaml:\d+ .*G\.strategy-and-vision\.architecturez/,
    );
  });

  it('a rating out of range is named with its line', async () => {
    const text = official.replace(
      "    level: 4\n    applicability: true\n    notes: ''\n    evidence: ''\n  G.strategy-and-vision.responsible",
      "    level: 7\n    applicability: true\n    notes: ''\n    evidence: ''\n  G.strategy-and-vision.responsible",
    );
    expect(text).not.toBe(official);
    expect(await bad('range.yaml', text)).toMatch(/range\.yaml:\d+ .*level.*7/);
  });

  it('a model version that does not exist', async () => {
    expect(await bad('version.yaml', official.replace('dataVersion: 2.0.0', 'dataVersion: 3.1.0'))).toMatch(
      /3\.1\.0/,
    );
  });

  it('a file that is too large', async () => {
    expect(await bad('large.yaml', 'x: ' + 'a'.repeat(11 * 1024 * 1024) + '\n')).toMatch(/limit/);
  });

  it('a file that is neither format', async () => {
    expect(await bad('other.yaml', 'hello: world\n')).toMatch(/format/i);
  });

  it('a missing file', async () => {
    const result = await cli(['score', join(dir, 'nope.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nope\.yaml: no such file/);
  });
});
