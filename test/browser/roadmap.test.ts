/**
 * The roadmap page in Chromium against a real server: set an overall target, see the ranked steps
 * in the two tracks with projected levels, move an item to the other track, reload and find it
 * there; then the diff of two assessments on the compare page. axe runs on each page; console
 * errors fail the test.
 */
import { describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y.js';
import { answer, call, createFull } from './support/api.js';
import { screenshot } from './support/screenshot.js';
import { signedInSuite } from './support/signed-in.js';

const SPONSOR = 'G.strategy-and-vision.sponsor-support';

describe('roadmap and diff in the browser', { timeout: 300_000 }, () => {
  const suite = signedInSuite('rhea@example.test', 'Roadmap Ltd');
  let id = '';

  it('sets a target, shows the steps in two tracks, moves one and keeps it after a reload', async () => {
    const { page, problems, orgId } = suite;
    const created = await createFull(page, orgId, 'Issuing CA 2026');
    id = created.id;
    const model = (await call(page, 'GET', '/models/pkimm/2.0.0')).body as {
      modules: { id: string; categories: { requirements: { key: string }[] }[] }[];
    };
    const keys = model.modules.flatMap((m) => m.categories.flatMap((c) => c.requirements.map((r) => r.key)));
    await answer(
      page,
      created,
      keys.map((key, i) => ({ target: 'requirement', key, field: 'level', value: (i % 3) + 1 })),
    );

    await page.goto(`/#/assessments/${id}/results`);
    await page.getByRole('link', { name: 'Roadmap' }).click();
    await page.getByRole('heading', { level: 1, name: 'Roadmap: Issuing CA 2026' }).waitFor();
    await page.getByText('Set an overall target').waitFor();
    await page.getByLabel('Overall target').selectOption('3');
    await page.getByRole('button', { name: 'Save targets' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    const organisational = page.getByTestId('track-organisational');
    const operational = page.getByTestId('track-operational');
    await organisational.getByRole('table').waitFor();
    await operational.getByRole('table').waitFor();
    expect(await organisational.getByRole('row').count()).toBeGreaterThan(1);
    expect(await operational.locator('tbody tr').count()).toBeGreaterThan(0);
    // Projected overall levels rise down the ranked steps.
    expect(await page.getByTestId('next-levels').locator('li').count()).toBeGreaterThan(0);
    await checkA11y(page, 'the roadmap page');
    await screenshot(page, 'roadmap');

    const first = organisational.locator('tbody tr').first();
    const key = (await first.getAttribute('data-key')) ?? '';
    expect(key).toMatch(/^[GR]\./);
    await first.getByRole('button', { name: /to operational tooling$/ }).click();
    await operational.locator(`tr[data-key="${key}"]`).waitFor();
    expect(await organisational.locator(`tr[data-key="${key}"]`).count()).toBe(0);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Roadmap: Issuing CA 2026' }).waitFor();
    await operational.locator(`tr[data-key="${key}"]`).waitFor();
    await expect.poll(() => page.getByLabel('Overall target').inputValue()).toBe('3');
    const stored = (await call(page, 'GET', `/assessments/${id}`)).body as {
      document: { roadmap?: { targets?: { overall?: number }; tracks?: Record<string, string> } };
    };
    expect(stored.document.roadmap).toEqual({ targets: { overall: 3 }, tracks: { [key]: 'operational' } });
    expect(problems.errors).toEqual([]);
  });

  it('lists what changed between two assessments on the compare page', async () => {
    const { page, problems, orgId } = suite;
    const other = await createFull(page, orgId, 'Issuing CA 2027');
    await answer(page, other, [{ target: 'requirement', key: SPONSOR, field: 'level', value: 5 }]);
    await page.goto(`/#/orgs/${orgId}/compare/${id}/${other.id}`);
    const diff = page.getByTestId('diff');
    await diff.getByRole('heading', { name: 'Changes from Issuing CA 2026 to Issuing CA 2027' }).waitFor();
    const sponsor = diff.getByRole('row').filter({ hasText: SPONSOR });
    await sponsor.waitFor();
    expect(await sponsor.innerText()).toMatch(/1\s+5\s+up/);
    expect(await diff.getByRole('row').filter({ hasText: 'rating removed' }).count()).toBeGreaterThan(0);
    await checkA11y(page, 'the compare page with the diff');
    await screenshot(page, 'roadmap-diff');
    expect(problems.errors).toEqual([]);
  });
});
