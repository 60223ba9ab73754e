/**
 * Action plans in Chromium against a real server: create a plan on the answer page, add tasks,
 * tick one, reload and find it; the organisation's timeline shows it overdue (its due date is in
 * the past) with a text marker, and offers the CSV and iCalendar files. axe runs on both pages;
 * console errors fail the test.
 */
import { describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y.js';
import { call, createFull } from './support/api.js';
import { levelRadio, waitForSaved } from './support/answers.js';
import { screenshot } from './support/screenshot.js';
import { signedInSuite } from './support/signed-in.js';

describe('action plans in the browser', { timeout: 300_000 }, () => {
  const suite = signedInSuite('pia@example.test', 'Plans Ltd');

  it('creates a plan with tasks, ticks one, and finds it after a reload and on the timeline as overdue', async () => {
    const { page, problems, orgId } = suite;
    const { id } = await createFull(page, orgId, 'Root CA renewal');
    await page.goto(`/#/assessments/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Answer: Root CA renewal' }).waitFor();
    const plans = page.getByRole('region', { name: 'Action plans' });
    await plans.getByText('No action plan yet.').waitFor();
    await plans.getByRole('button', { name: 'Add action plan' }).click();
    const form = plans.getByRole('form', { name: 'New action plan' });
    await form.getByLabel('Concerns').selectOption({ label: 'G.1 Strategy and vision' });
    await form.getByLabel('Title').fill('Multi-year roadmap');
    await form.getByLabel('Objectives (one a line)').fill('A roadmap the board signs off');
    await form.getByLabel('Responsible person').fill('A. Sponsor');
    await form.getByLabel('Due').fill('2020-01-31');
    await form.getByRole('button', { name: 'Create plan' }).click();

    const card = plans.getByRole('region', { name: /Action plan: Multi-year roadmap/ });
    await card.waitFor();
    // Overdue is said in words, not only by the highlight.
    await card.getByRole('heading', { name: 'Action plan: Multi-year roadmap — Overdue' }).waitFor();
    for (const label of ['Draft the roadmap', 'Board review']) {
      await card.getByLabel('New task').fill(label);
      await card.getByRole('button', { name: 'Add task' }).click();
      await card.getByRole('checkbox', { name: label }).waitFor();
    }
    await card.getByRole('checkbox', { name: 'Draft the roadmap' }).check();
    await card.getByText('1 of 2 tasks done').waitFor();
    await card.getByLabel('Status').selectOption('in-progress');
    await expect.poll(() => card.getByLabel('Status').inputValue()).toBe('in-progress');
    // A rating autosaved after the plan writes, then a plan write after the rating: each side
    // holds an older version, and both still go through.
    await levelRadio(page, 3).check();
    await waitForSaved(page);
    await card.getByLabel('New task').fill('Publish');
    await card.getByRole('button', { name: 'Add task' }).click();
    await card.getByRole('checkbox', { name: 'Publish' }).waitFor();
    await card.getByText('1 of 3 tasks done').waitFor();
    await checkA11y(page, 'the answer page with an action plan');
    await screenshot(page, 'plans-editor');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Answer: Root CA renewal' }).waitFor();
    const again = page.getByRole('region', { name: /Action plan: Multi-year roadmap/ });
    await again.waitFor();
    expect(await again.getByRole('checkbox', { name: 'Draft the roadmap' }).isChecked()).toBe(true);
    expect(await again.getByRole('checkbox', { name: 'Board review' }).isChecked()).toBe(false);
    expect(await again.getByLabel('Due').inputValue()).toBe('2020-01-31');

    const stored = (await call(page, 'GET', `/assessments/${id}/plans`)).body as {
      plans: { plan: Record<string, unknown>; overdue: boolean }[];
    };
    expect(stored.plans).toEqual([
      expect.objectContaining({
        overdue: true,
        plan: {
          subject: 'G.strategy-and-vision',
          title: 'Multi-year roadmap',
          status: 'in-progress',
          objectives: ['A roadmap the board signs off'],
          responsible: 'A. Sponsor',
          schedule: { due: '2020-01-31' },
          tasks: [
            { label: 'Draft the roadmap', done: true },
            { label: 'Board review', done: false },
            { label: 'Publish', done: false },
          ],
        },
      }),
    ]);
    const doc = (await call(page, 'GET', `/assessments/${id}`)).body as {
      document: { requirements?: Record<string, { level?: number }> };
    };
    expect(doc.document.requirements?.['G.strategy-and-vision.sponsor-support']?.level).toBe(3);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plans' }).click();
    await page.getByRole('heading', { level: 1, name: 'Action plans of Plans Ltd' }).waitFor();
    const row = page.getByRole('row', { name: /Multi-year roadmap/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/2020-01-31\s+Overdue/);
    expect(await row.innerText()).toContain('1 of 3 tasks done');
    expect(await row.getAttribute('class')).toBe('overdue');
    await page.getByText('1 overdue', { exact: true }).waitFor();
    const ics = page.getByRole('link', { name: 'Due dates as iCalendar (.ics)' });
    const href = (await ics.getAttribute('href')) ?? '';
    const file = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        text: await response.text(),
      };
    }, href);
    expect(file.status).toBe(200);
    expect(file.type).toContain('text/calendar');
    expect(file.text).toContain('DTSTART;VALUE=DATE:20200131');
    expect(await page.getByRole('link', { name: 'Plans as CSV' }).getAttribute('href')).toBe(
      `/api/v1/orgs/${orgId}/plans/export/csv`,
    );
    await checkA11y(page, 'the plans timeline');
    await screenshot(page, 'plans-timeline');
    expect(problems.errors).toEqual([]);
  });
});
