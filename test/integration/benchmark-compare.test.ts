/** Peer comparisons and the privacy rules (k, differencing, no single value readable), on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distribution, windowQuantile } from '../../src/core/benchmark/statistics.js';
import { loadConfig } from '../../src/server/config.js';
import { DIALECTS } from '../support/databases.js';
import { call, createWorld, type World } from './assessments-support.js';
import { addPeers, compareAs, finalise, importSample, peers, PROFILE } from './benchmark-support.js';

describe.each(DIALECTS)('benchmark comparison on %s', (dialect) => {
  let w: World;
  let id: string;
  let keys: string[];
  beforeAll(async () => {
    w = await createWorld(dialect);
    id = await importSample(w.app, w.a.owner, w.a.orgId);
    await finalise(w.app, w.a.assessor, w.a.owner, id);
    const preview = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/benchmark/preview`, {
      payload: { profile: PROFILE },
    });
    keys = Object.keys(preview.json<{ payload: { levels: object } }>().payload.levels);
    // 45 peers: industry K = 12 of size 50-249 (formal) + 3 of size 1-49 (formal);
    // industry C = 20 self-assessments at 4 and 10 third-party ones at 1.
    await addPeers(w.database.handle, [
      ...peers(12, keys, { profile: { industry: 'K', size: '50-249' }, type: 'formal', level: 2.5 }),
      ...peers(3, keys, { profile: { industry: 'K', size: '1-49' }, type: 'formal', level: 2.5 }),
      ...peers(20, keys, { type: 'self', level: 4 }),
      ...peers(10, keys, { type: 'third-party', level: 1 }),
    ]);
  });
  afterAll(() => w.close());

  it('compares with everyone: distribution, group size and the user percentile per category', async () => {
    const result = await compareAs(w.app, w.a.viewer, id);
    expect(result).toMatchObject({ status: 'ok', synthetic: false, k: 10, group: { filters: {}, size: 45 } });
    // The median blends the ten values around rank 22 (seven at 2.5, three at 4), so no one value shows.
    expect(result.overall).toMatchObject({ median: 2.95, p10: 1, p90: 4 });
    expect(result.overall!['percentile']).toEqual(expect.any(Number));
    expect(result.categories).toHaveLength(keys.length);
    expect(result.categories![0]).toMatchObject({ size: 45, median: 2.95 });
    const counts = result.overall!.histogram.map((bin) => bin.count);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(45);
    expect(counts.every((count) => count === 0 || count >= 5)).toBe(true);
  });

  it('refuses a group smaller than k and suggests the nearest broader group', async () => {
    const small = await compareAs(w.app, w.a.viewer, id, 'industry=K&size=1-49');
    expect(small).toMatchObject({
      status: 'refused',
      reason: 'too-small',
      k: 10,
      suggestion: { filters: { industry: 'K' } },
    });
    expect(small.message).toContain('fewer than 10');
    const empty = await compareAs(w.app, w.a.viewer, id, 'industry=A');
    expect(empty).toMatchObject({ status: 'refused', reason: 'too-small', suggestion: { filters: {} } });
  });

  it('refuses a group that differs from an overlapping broader one by fewer than k (differencing attack)', async () => {
    // industry K has 15, industry K + size 50-249 has 12: the difference (3 peers) would be exposed.
    expect(await compareAs(w.app, w.a.viewer, id, 'industry=K')).toMatchObject({
      status: 'ok',
      group: { size: 15 },
    });
    const narrow = await compareAs(w.app, w.a.viewer, id, 'industry=K&size=50-249');
    expect(narrow).toMatchObject({
      status: 'refused',
      reason: 'difference-too-small',
      suggestion: { filters: { industry: 'K' } },
    });
    // A type filter that leaves out fewer than k of the group is refused the same way.
    const types = await compareAs(w.app, w.a.viewer, id, 'industry=K&types=formal,self');
    expect(types).toMatchObject({ status: 'ok', group: { size: 15 } });
    await addPeers(
      w.database.handle,
      peers(1, keys, { profile: { industry: 'K', size: '50-249' }, type: 'self' }),
    );
    const oneLeftOut = await compareAs(w.app, w.a.viewer, id, 'industry=K&types=formal');
    expect(oneLeftOut).toMatchObject({ status: 'refused', reason: 'difference-too-small' });
    await w.database.handle.db
      .deleteFrom('benchmark_submissions')
      .where('type', '=', 'self')
      .where('industry', '=', 'K')
      .execute();
  });

  it('filters by assessment type and weights by trust', async () => {
    const third = await compareAs(w.app, w.a.viewer, id, 'types=third-party');
    expect(third).toMatchObject({ status: 'ok', group: { size: 10 }, overall: { median: 1 } });
    const plain = await compareAs(w.app, w.a.viewer, id);
    const trusted = await compareAs(w.app, w.a.viewer, id, 'weighting=trust');
    expect(trusted.group!.size).toBe(45);
    // Third-party results (at 1) count three times, self-assessments (at 4) once: the lower quartile drops.
    expect(trusted.overall!['p25']).toBeLessThan(plain.overall!['p25']!);
    expect(trusted.overall!['p25']).toBe(1);
  });

  it('no single submission can be read off: one peer more or less in a group is refused or unchanged', async () => {
    // The attacker looks at everyone, then at everyone except one peer's unique region: refused.
    await addPeers(
      w.database.handle,
      peers(1, keys, { profile: { region: 'oceania' }, type: 'self', level: 0 }),
    );
    const others = await compareAs(w.app, w.a.viewer, id, 'region=asia');
    expect(others).toMatchObject({ status: 'refused', reason: 'difference-too-small' });
    // Each figure is a mean of at least k order statistics: moving one value from 0 to 5 moves none by more than 5/k.
    const base = Array.from({ length: 30 }, (_, i) => ({ value: (i % 10) / 2, weight: 1 }));
    const before = distribution([...base, { value: 0, weight: 1 }], 10);
    const after = distribution([...base, { value: 5, weight: 1 }], 10);
    for (const name of ['p10', 'p25', 'median', 'p75', 'p90'] as const)
      expect(Math.abs(after[name] - before[name])).toBeLessThanOrEqual(0.5 + 0.05);
    expect(windowQuantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 10)).toBe(5.5);
    await w.database.handle.db.deleteFrom('benchmark_submissions').where('region', '=', 'oceania').execute();
  });

  it('says synthetic when a synthetic submission is in the group', async () => {
    expect((await compareAs(w.app, w.a.viewer, id)).synthetic).toBe(false);
    await addPeers(w.database.handle, peers(10, keys, { profile: { industry: 'J' }, synthetic: true }));
    expect((await compareAs(w.app, w.a.viewer, id)).synthetic).toBe(true);
    expect((await compareAs(w.app, w.a.viewer, id, 'industry=K')).synthetic).toBe(false);
  });

  it('keeps comparisons to readers of the assessment', async () => {
    expect((await call(w.app, w.b.owner, 'GET', `/assessments/${id}/benchmark/compare`)).statusCode).toBe(
      404,
    );
    expect(
      (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/benchmark/compare?weighting=heavy`))
        .statusCode,
    ).toBe(400);
  });
});

describe('benchmark configuration', () => {
  it('defaults k to 10 and refuses a k below 5 at boot', () => {
    expect(loadConfig({}).benchmark.k).toBe(10);
    expect(loadConfig({ PKIMM_BENCHMARK_K: '7' }).benchmark.k).toBe(7);
    expect(() => loadConfig({ PKIMM_BENCHMARK_K: '4' })).toThrow(/configuration is invalid/);
  });
});
