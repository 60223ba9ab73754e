/**
 * A whole assessment with the keyboard alone, in Chromium against a real server: from the
 * organisation page through the wizard (title, mode, scope, one category not applicable with its
 * reason), every requirement of a full 2.0.0 assessment rated with 1–5 (one cleared with 0 and
 * rated again, one marked N/A with N), the status moved to final, and the results opened. No
 * click, no fill, no programmatic focus: only Tab, arrows, Enter and typed keys. The stored
 * document, the heatmap's data table and the level distribution are then checked against what
 * was typed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y.js';
import { storedAssessment, waitForSaved } from './support/answers.js';
import { waitUntil } from './support/flows.js';
import { screenshot } from './support/screenshot.js';
import { signedInSuite } from './support/signed-in.js';

interface Focused {
  tag: string;
  id: string;
  name: string;
  type: string;
}

/** The focused element: tag, id, type and the name a screen reader would announce (roughly). */
async function focused(page: Page): Promise<Focused> {
  // A string, evaluated in the page: the test's tsconfig has no DOM types.
  return page.evaluate(`(() => {
    const element = document.activeElement;
    if (!element) return { tag: '', id: '', name: '', type: '' };
    const labelled = (element.labels && element.labels[0] && element.labels[0].innerText) || '';
    const name = element.getAttribute('aria-label') ?? (labelled || element.innerText || '');
    return { tag: element.tagName, id: element.id, name: name.trim(), type: element.getAttribute('type') ?? '' };
  })()`);
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, matches: (f: Focused) => boolean, what: string, max = 400): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (matches(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  await screenshot(page, `failed-keyboard-tab-to`);
  throw new Error(`Tab never reached ${what}`);
}

const named = (name: string | RegExp) => (f: Focused) =>
  typeof name === 'string' ? f.name === name : name.test(f.name);

interface ModelFile {
  id: string;
  version: string;
  modules: {
    id: string;
    categories: { key: string; position: string; name: string; requirements: { key: string }[] }[];
  }[];
}

describe('a whole assessment with the keyboard alone', { timeout: 300_000 }, () => {
  const suite = signedInSuite('kay@example.test', 'Keyboard Ltd');

  it('creates, answers, finalises and opens the results of a full 2.0.0 assessment', async () => {
    const { page, problems, orgId } = suite;
    const keyboard = page.keyboard;
    const model = (await (await page.request.get('/api/v1/models/pkimm/2.0.0')).json()) as ModelFile;
    const categories = model.modules.flatMap((m) => m.categories);
    const skipped = categories[categories.length - 1];
    if (!skipped) throw new Error('the model has no categories');
    const skippedName = `${skipped.position} ${skipped.name}`;

    // The wizard.
    await page.goto(`/#/orgs/${orgId}`);
    await page.getByRole('heading', { level: 1, name: /^Assessments of / }).waitFor();
    await tabTo(page, named('New assessment'), 'the New assessment link');
    await keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Step 1 of 4/ }).waitFor();
    await tabTo(page, (f) => f.tag === 'INPUT' && f.name === 'Title', 'the title field');
    await keyboard.type('Every requirement, by keyboard');
    await tabTo(page, (f) => f.type === 'radio' && f.name === 'Self (by category)', 'the mode radios');
    await keyboard.press('ArrowDown'); // the radio group's arrow keys pick "Full"
    expect(await page.getByRole('radio', { name: 'Full (by requirement)' }).isChecked()).toBe(true);
    await tabTo(page, named('Next'), 'Next');
    await keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Step 2 of 4/ }).waitFor();
    await tabTo(page, named('Use case description'), 'the use case field');
    await keyboard.type('The issuing CAs of the group');
    await tabTo(page, named('Next'), 'Next');
    await keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Step 3 of 4/ }).waitFor();
    await tabTo(page, named(`Applicability of ${skippedName}`), 'the last category in the matrix');
    await keyboard.press('ArrowDown'); // applicable → partially
    await keyboard.press('ArrowDown'); // → not applicable
    await waitUntil(async () => (await focused(page)).tag === 'SELECT');
    await page.getByRole('textbox', { name: `Reason for ${skippedName}` }).waitFor();
    await keyboard.press('Tab');
    expect((await focused(page)).name).toBe(`Reason for ${skippedName}`);
    await keyboard.type('Run by the parent company');
    await checkA11y(page, 'the applicability step, filled by keyboard');
    await tabTo(page, named('Next'), 'Next');
    await keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Step 4 of 4/ }).waitFor();
    await tabTo(page, named('Create assessment'), 'Create assessment');
    await keyboard.press('Enter');
    const answerUrl = /#\/assessments\/([^/]+)$/;
    await waitUntil(async () => answerUrl.test(page.url()));
    const id = decodeURIComponent(answerUrl.exec(new URL(page.url()).hash)?.[1] ?? '');
    await page.locator('#item-title').waitFor();

    // Every requirement, in order. Focus is on the page heading after the page opens.
    const keys = categories.flatMap((c) => c.requirements.map((r) => r.key));
    const skippedKeys = new Set(skipped.requirements.map((r) => r.key));
    const expected = new Map<string, number | 'na'>();
    const waitForTitle = () => waitUntil(async () => (await focused(page)).id === 'item-title');
    for (const [index, key] of keys.entries()) {
      if (!skippedKeys.has(key)) {
        if (index === 4) {
          await keyboard.press('n');
          await waitUntil(async () => (await focused(page)).tag === 'TEXTAREA');
          await keyboard.type('Not used here');
          await keyboard.press('Tab'); // "Mark not applicable"
          await keyboard.press('Enter');
          await page.getByText('Not applicable: Not used here').waitFor();
          expected.set(key, 'na');
        } else {
          const level = (index % 5) + 1;
          if (index === 2) {
            await keyboard.press('5');
            await keyboard.press('0'); // cleared again
          }
          await keyboard.press(String(level));
          expected.set(key, level);
        }
      }
      if (index < keys.length - 1) {
        await keyboard.press('ArrowDown');
        await waitForTitle();
      }
    }
    await waitForSaved(page);
    await page.getByText(`${keys.length} of ${keys.length} answered`).waitFor();
    await checkA11y(page, 'the answer page, answered by keyboard');
    await screenshot(page, 'keyboard-answered');

    // Final, by the status select's arrow keys.
    await tabTo(page, (f) => f.tag === 'SELECT' && f.name.startsWith('Status'), 'the status select');
    const status = page.getByRole('combobox', { name: 'Status' });
    await keyboard.press('ArrowDown'); // in review
    // The page must have taken the server's answer before the next key, as a person would see.
    await waitUntil(async () => (await status.inputValue()) === 'in-review');
    expect((await storedAssessment(page, id)).status).toBe('in-review');
    await keyboard.press('ArrowDown'); // final
    await waitUntil(async () => (await storedAssessment(page, id)).status === 'final');
    await page.getByText('This assessment is final and read-only.').waitFor();

    const stored = await storedAssessment(page, id);
    expect(stored.mode).toBe('full');
    expect(stored.document.scope?.['description']).toBe('The issuing CAs of the group');
    expect(stored.document.categories?.[skipped.key]).toMatchObject({
      applicability: 'not-applicable',
      reason: 'Run by the parent company',
    });
    for (const [key, want] of expected) {
      const entry = stored.document.requirements?.[key];
      if (want === 'na')
        expect(entry).toMatchObject({ applicability: 'not-applicable', reason: 'Not used here' });
      else expect(entry?.level, key).toBe(want);
    }
    for (const key of skippedKeys) expect(stored.document.requirements?.[key]?.level ?? 0).toBe(0);

    // The results, opened by keyboard: the heatmap's table and the distribution match the typing.
    await tabTo(page, named('See results'), 'See results');
    await keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Results: / }).waitFor();
    const heatmap = page.getByRole('img', { name: 'Heatmap of requirement levels by category' });
    await heatmap.locator('svg').waitFor();
    const cells: [string | null, string | null][] = await page.evaluate(
      `Array.from(document.querySelectorAll('table.heatmap-table td[data-requirement]'))
        .map((td) => [td.getAttribute('data-requirement'), td.textContent])`,
    );
    const shown = new Map(cells.map(([key, text]) => [key ?? '', text ?? '']));
    expect(shown.size).toBe(keys.length);
    for (const key of keys) {
      const want = expected.get(key);
      expect(shown.get(key), key).toBe(want === undefined || want === 'na' ? 'N/A' : String(want));
    }
    // The chart labels every rated cell with its level.
    const labels = await heatmap.locator('svg text').allTextContents();
    const rated = [...expected.values()].filter((v) => v !== 'na').length;
    expect(labels.filter((l) => /^[1-5]$/.test(l.trim())).length).toBeGreaterThanOrEqual(rated);

    const counts = [1, 2, 3, 4, 5].map((level) => [...expected.values()].filter((v) => v === level).length);
    const rows = await page
      .getByRole('table', { name: 'Level distribution' })
      .locator('tbody tr td')
      .allTextContents();
    expect(rows.map((r) => Number(r.trim()))).toEqual(counts);
    await checkA11y(page, 'the results page of the keyboard assessment');
    await screenshot(page, 'keyboard-results');
    expect(problems.errors).toEqual([]);
  });
});
