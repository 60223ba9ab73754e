/**
 * The organisation and results pages in Chromium against a real server, on data set up through
 * the API: switching organisation (remembered after a reload), the trend sparkline, and the
 * results of a full 2.0.0 assessment with one module and one category out of scope and an
 * earlier assessment of the same model: the previous assessment overlaid on the radars, N/A
 * axes left out, the heatmap's table, the level distribution, the gap to the next level with the
 * limiting requirement, and "How is this calculated" with the server's numbers.
 */
import { describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y.js';
import { answer, call, createFull } from './support/api.js';
import { waitUntil } from './support/flows.js';
import { screenshot } from './support/screenshot.js';
import { signedInSuite } from './support/signed-in.js';

interface ModelFile {
  modules: {
    id: string;
    name: string;
    categories: {
      key: string;
      name: string;
      position: string;
      requirements: { key: string; id: string }[];
    }[];
  }[];
}

describe('organisation and results pages', { timeout: 300_000 }, () => {
  const suite = signedInSuite('rita@example.test', 'Results Ltd');

  it('switches organisation in the header and remembers the choice after a reload', async () => {
    const { page, problems, orgId } = suite;
    const second = await call(page, 'POST', '/orgs', { name: 'Second Ltd' });
    expect(second.status).toBe(201);
    const secondId = (second.body as { id: string }).id;
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Assessments of Results Ltd' }).waitFor();
    await page.getByRole('combobox', { name: 'Organisation' }).selectOption(secondId);
    await page.getByRole('heading', { level: 1, name: 'Assessments of Second Ltd' }).waitFor();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Assessments of Second Ltd' }).waitFor();
    await page.getByRole('combobox', { name: 'Organisation' }).selectOption(orgId);
    await page.getByRole('heading', { level: 1, name: 'Assessments of Results Ltd' }).waitFor();
    expect(problems.errors).toEqual([]);
  });

  it('shows the results with the overlay, N/A axes left out, heatmap, distribution, gaps and numbers', async () => {
    const { page, problems, orgId } = suite;
    const model = (await (await page.request.get('/api/v1/models/pkimm/2.0.0')).json()) as ModelFile;
    const [governance, management, , resources] = model.modules;
    if (!governance || !management || !resources) throw new Error('unexpected model');
    const skippedCategory = management.categories[0];
    const limited = governance.categories[0];
    if (!skippedCategory || !limited) throw new Error('unexpected model');
    const all = model.modules.flatMap((m) => m.categories.flatMap((c) => c.requirements));

    // The earlier assessment: every requirement at 2.
    const earlier = await createFull(page, orgId, 'Last year');
    await answer(
      page,
      earlier,
      all.map((r) => ({ target: 'requirement', key: r.key, field: 'level', value: 2 })),
    );
    // This year's: 4 everywhere except one requirement of G.1 at 1; Resources and one Management
    // category out of scope.
    const current = await createFull(page, orgId, 'This year');
    const [weakest] = limited.requirements;
    if (!weakest) throw new Error('unexpected model');
    await answer(page, current, [
      {
        target: 'module',
        key: resources.id,
        field: 'applicability',
        value: 'not-applicable',
        reason: 'Outsourced',
      },
      {
        target: 'category',
        key: skippedCategory.key,
        field: 'applicability',
        value: 'not-applicable',
        reason: 'No keys of our own',
      },
      ...all
        .filter((r) => !resources.categories.some((c) => c.requirements.includes(r)))
        .filter((r) => !skippedCategory.requirements.includes(r))
        .map((r) => ({ target: 'requirement', key: r.key, field: 'level', value: r === weakest ? 1 : 4 })),
    ]);
    const score = (await call(page, 'GET', `/assessments/${current.id}/score`)).body as {
      overall: { raw: number | null };
    };

    // The organisation page: the trend over both, in date order.
    await page.goto(`/#/orgs/${orgId}`);
    await page.reload(); // the page may be open already, with the list from before
    const trend = page.getByRole('img', { name: /^Overall levels in date order: / });
    await trend.waitFor();
    expect(await trend.getAttribute('aria-label')).toMatch(/^Overall levels in date order: 2, \d$/);

    await page.goto(`/#/assessments/${current.id}/results`);
    await page.getByRole('heading', { level: 1, name: 'Results: This year' }).waitFor();
    const categoriesRadar = page.getByRole('img', { name: 'Radar chart of category levels' });
    await categoriesRadar.locator('svg').waitFor();
    await waitUntil(async () => (await categoriesRadar.locator('svg text').count()) > 0);
    const categoryTexts = (await categoriesRadar.locator('svg text').allTextContents()).map((t) => t.trim());
    expect(categoryTexts).toContain('Previous: Last year');
    expect(categoryTexts).toContain('This assessment');
    expect(categoryTexts).toContain(limited.name);
    expect(categoryTexts).not.toContain(skippedCategory.name);
    for (const category of resources.categories) expect(categoryTexts).not.toContain(category.name);
    const moduleTexts = (
      await page
        .getByRole('img', { name: 'Radar chart of module levels' })
        .locator('svg text')
        .allTextContents()
    ).map((t) => t.trim());
    expect(moduleTexts).toContain(governance.name);
    expect(moduleTexts).not.toContain(resources.name);
    expect(moduleTexts).toContain('Previous: Last year');

    // Heatmap table: N/A where out of scope, the typed level elsewhere.
    const cells: [string | null, string | null][] = await page.evaluate(
      `Array.from(document.querySelectorAll('table.heatmap-table td[data-requirement]'))
        .map((td) => [td.getAttribute('data-requirement'), td.textContent])`,
    );
    const shown = new Map(cells);
    expect(shown.get(weakest.key)).toBe('1');
    for (const r of skippedCategory.requirements) expect(shown.get(r.key)).toBe('N/A');
    for (const c of resources.categories)
      for (const r of c.requirements) expect(shown.get(r.key)).toBe('N/A');

    // Distribution: one at 1, the rest of the in-scope requirements at 4.
    const inScope =
      all.length -
      skippedCategory.requirements.length -
      resources.categories.reduce((n, c) => n + c.requirements.length, 0);
    const counts = (
      await page.getByRole('table', { name: 'Level distribution' }).locator('tbody tr td').allTextContents()
    ).map((t) => Number(t.trim()));
    expect(counts).toEqual([1, 0, 0, inScope - 1, 0]);

    // Gap: G.1 is held below 4 by its weakest requirement, which is listed as limiting.
    const gaps = page.locator('section[aria-labelledby="gaps"]');
    const line = gaps.locator('li', { hasText: `${limited.name}:` }).first();
    await line.waitFor();
    expect(await line.textContent()).toContain(`${weakest.id} `);
    expect(await line.textContent()).toMatch(/1 → [2-5]/);

    // How is this calculated: the overall raw level the server computes is in the explanation.
    await page.getByText('How is this calculated', { exact: true }).last().click();
    const explain = await page.locator('pre.explain').textContent();
    const raw = score.overall.raw;
    if (raw === null) throw new Error('no overall score');
    const overall = await page.getByTestId('overall-level').textContent();
    const shownRaw = /Raw level ([\d.]+)/.exec(overall ?? '')?.[1];
    expect(Number(shownRaw)).toBeCloseTo(raw, 3);
    expect(explain).toContain(shownRaw);
    await checkA11y(page, 'the results page with an overlay and N/A');
    await screenshot(page, 'results-overlay');
    expect(problems.errors).toEqual([]);
  });
});
