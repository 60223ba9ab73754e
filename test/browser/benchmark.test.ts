/**
 * The benchmark page in Chromium against a real server whose pool is filled with 200 synthetic
 * submissions by the CLI (`pkimm benchmark synth`) in the server's own PKIMM_HOME: preview the
 * exact payload (no title, no names), submit, see the submission, compare with everyone (box plots,
 * table, synthetic badge), be refused for a very narrow group and take the suggested broader one,
 * then withdraw, and see the page in German. axe runs on the page; console errors fail the test.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli.js';
import { checkA11y } from './support/a11y.js';
import { answer, call, createFull } from './support/api.js';
import { screenshot } from './support/screenshot.js';
import { signedInSuite } from './support/signed-in.js';

const TITLE = 'Benchmark Issuing CA 2026';
const FIELDS = ['industry', 'size', 'region', 'role', 'cas'] as const;

describe('benchmark in the browser', { timeout: 300_000 }, () => {
  const suite = signedInSuite('bea@example.test', 'Benchmark Ltd');

  it('previews, submits, compares with peers, is refused for a tiny group and withdraws', async () => {
    const { page, problems, orgId, server } = suite;
    if (!server.home) throw new Error('the browser test server has no PKIMM_HOME');
    const synth = await cli(['benchmark', 'synth', '--count', '200', '--seed', '1'], {
      PKIMM_HOME: server.home,
    });
    expect(synth.code, synth.stderr).toBe(0);

    const created = await createFull(page, orgId, TITLE);
    const model = (await call(page, 'GET', '/models/pkimm/2.0.0')).body as {
      modules: { categories: { requirements: { key: string }[] }[] }[];
    };
    const keys = model.modules.flatMap((m) => m.categories.flatMap((c) => c.requirements.map((r) => r.key)));
    await answer(
      page,
      created,
      keys.map((key, i) => ({ target: 'requirement', key, field: 'level', value: (i % 4) + 1 })),
    );
    for (const status of ['in-review', 'final']) {
      const reply = await call(
        page,
        'POST',
        `/assessments/${created.id}/status`,
        { status },
        { 'if-match': `"${created.version}"` },
      );
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      created.version = (reply.body as { version: number }).version;
    }

    await page.goto(`/#/assessments/${created.id}/results`);
    await page.getByRole('link', { name: 'Benchmark' }).click();
    await page.getByRole('heading', { level: 1, name: `Benchmark: ${TITLE}` }).waitFor();
    await page.getByTestId('no-submission').waitFor();

    // Contribute: every profile field chosen from its fixed list, then the exact payload.
    const preview = page.getByRole('button', { name: 'Show what will be sent' });
    expect(await preview.isDisabled()).toBe(true);
    for (const field of FIELDS) await page.locator(`#contribute-${field}`).selectOption({ index: 1 });
    await preview.click();
    const json = page.getByTestId('payload-json');
    await json.waitFor();
    const payload = JSON.parse(await json.innerText()) as Record<string, unknown>;
    const text = JSON.stringify(payload);
    expect(text).not.toContain(TITLE);
    expect(text).not.toContain('Benchmark Ltd');
    expect(text).not.toContain('bea@example.test');
    expect(text).toContain('2.0.0');
    expect(text).toMatch(/\d{4}-Q[1-4]/);
    expect(await page.getByTestId('payload').locator('tbody tr').count()).toBeGreaterThan(5);
    await checkA11y(page, 'the benchmark page with the payload');

    await page.getByRole('button', { name: 'Submit to the benchmark pool' }).click();
    await page.getByRole('status').filter({ hasText: 'Submitted for model version 2.0.0' }).first().waitFor();
    const submission = page.getByTestId('submission');
    await submission.waitFor();
    expect(await submission.innerText()).toMatch(/\d{4}-Q[1-4]/);
    const listed = (await call(page, 'GET', `/orgs/${orgId}/benchmark/submissions`)).body as {
      submissions: { modelVersion: string }[];
    };
    expect(listed.submissions.map((s) => s.modelVersion)).toEqual(['2.0.0']);

    // Compare with everyone: the synthetic pool is big enough.
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.getByTestId('compare-result').waitFor();
    await page.getByTestId('synthetic-badge').waitFor();
    expect(await page.getByTestId('group-size').innerText()).toMatch(/Group size: (\d{3}) submissions/);
    await page.getByTestId('benchmark-boxplots').locator('svg').waitFor();
    await page.getByTestId('benchmark-radar').locator('svg').waitFor();
    const table = page.getByTestId('benchmark-table');
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(10);
    expect(await table.locator('tbody tr').first().innerText()).toMatch(/^Overall/);
    await checkA11y(page, 'the benchmark page with a comparison');
    await screenshot(page, 'benchmark-compare');

    // A group narrowed on every field is far below k: refused, with a broader group offered.
    for (const field of FIELDS) await page.locator(`#compare-${field}`).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const refused = page.getByTestId('refused');
    await refused.getByRole('heading', { name: 'This comparison cannot be shown' }).waitFor();
    expect(await refused.innerText()).toMatch(/fewer than \d+|smaller than \d+/);
    await checkA11y(page, 'the benchmark page with a refusal');
    await screenshot(page, 'benchmark-refused');
    const narrowed = async () => {
      let set = 0;
      for (const field of FIELDS) if ((await page.locator(`#compare-${field}`).inputValue()) !== '') set++;
      return set;
    };
    expect(await narrowed()).toBe(5);
    await refused.getByRole('button', { name: /^Use the broader group/ }).click();
    await expect.poll(narrowed).toBeLessThan(5);
    await page.locator('[data-testid="compare-result"], [data-testid="refused"]').first().waitFor();

    // Withdraw asks once more, then the submission is gone.
    await page.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await page.getByText('Withdraw the submission for model version 2.0.0 from the pool?').waitFor();
    await page.getByRole('button', { name: 'Yes, withdraw' }).click();
    await page.getByTestId('no-submission').waitFor();
    const after = (await call(page, 'GET', `/orgs/${orgId}/benchmark/submissions`)).body as {
      submissions: unknown[];
    };
    expect(after.submissions).toEqual([]);

    // The page in German: headings, fields and the empty state are translated.
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Deutsch' });
    await page.getByRole('heading', { level: 2, name: 'Vergleichen' }).waitFor();
    await page.getByRole('button', { name: 'Anzeigen, was gesendet wird' }).waitFor();
    expect(await page.getByTestId('no-submission').innerText()).toContain('keinen Beitrag');
    await checkA11y(page, 'the benchmark page in German');
    await page.getByRole('combobox', { name: 'Sprache' }).selectOption({ label: 'English' });
    expect(problems.errors).toEqual([]);
  });
});
