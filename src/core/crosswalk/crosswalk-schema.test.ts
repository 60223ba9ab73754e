import { describe, expect, it } from 'vitest';
import { factsModel } from '../../../test/support/facts-model.js';
import { checkPackAgainstModel } from './crosswalk-checks.js';
import { parseCrosswalkPack } from './crosswalk-schema.js';
import { samplePack } from '../../../test/support/crosswalk-pack.js';
import { crosswalkContract } from './crosswalk.types.js';

describe('crosswalk pack format', () => {
  it('accepts a complete pack and gives the show contract with exactly framework, version and mappings', () => {
    const { pack, issues } = parseCrosswalkPack(samplePack());
    expect(issues).toEqual([]);
    const contract = crosswalkContract(pack!);
    expect(Object.keys(contract)).toEqual(['framework', 'version', 'mappings']);
    expect(contract.mappings[0]).toEqual({
      requirement: 'G.cryptography.crypto-algorithms',
      control: 'C-1',
      relationship: 'subset',
    });
  });

  it('reports every structural problem at once, each with its path', () => {
    const bad = {
      ...samplePack(),
      kind: 'something-else',
      packVersion: 'one',
      controls: [
        { id: 'C-1', title: 'A' },
        { id: 'C-1', title: 'again' },
        { id: 'C-3', title: 'never mapped' },
      ],
      mappings: [
        { requirement: 'X', control: 'C-1', relationship: 'close', rationale: 'r' },
        { requirement: 'X', control: 'C-9', relationship: 'related', rationale: 'r' },
        { requirement: 'Y', control: 'C-1', relationship: 'related', rationale: 'r' },
        { requirement: 'Y', control: 'C-1', relationship: 'subset', rationale: 'r' },
      ],
      extra: true,
    };
    const { pack, issues } = parseCrosswalkPack(bad);
    expect(pack).toBeUndefined();
    const at = (path: string) => issues.filter((i) => i.path.join('.') === path).map((i) => i.message);
    expect(at('kind')[0]).toMatch(/kind must be "pkimm-crosswalk"/);
    expect(at('packVersion')[0]).toMatch(/a version like/);
    expect(at('controls.1.id')[0]).toMatch(/listed twice/);
    expect(at('controls.2.id')[0]).toMatch(/has no mapping/);
    expect(at('mappings.0.relationship')[0]).toMatch(/one of equivalent, subset, superset, related/);
    expect(at('mappings.1.control')[0]).toMatch(/"C-9" is not listed/);
    expect(at('mappings.3')[0]).toMatch(/mapped to control "C-1" twice/);
    expect(at('extra')).toEqual(['unknown field "extra"']);
  });

  it('refuses an over-long rationale', () => {
    const pack = samplePack();
    pack.mappings[0]!.rationale = 'x'.repeat(601);
    const { issues } = parseCrosswalkPack(pack);
    expect(issues.map((i) => i.path.join('.'))).toEqual(['mappings.0.rationale']);
  });

  it('names requirements the model version lacks, and a model version that does not match', () => {
    const pack = samplePack();
    pack.mappings[1]!.requirement = 'M.certificate-management.no-such-thing';
    expect(checkPackAgainstModel(pack, factsModel('2.0.0'))).toEqual([
      {
        path: ['mappings', 1, 'requirement'],
        message: 'requirement "M.certificate-management.no-such-thing" does not exist in model 2.0.0',
      },
    ]);
    expect(checkPackAgainstModel(pack, factsModel('1.0.0'))[0]!.path).toEqual(['model']);
  });
});
