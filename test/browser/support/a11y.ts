/**
 * axe-core in the page, limited to WCAG 2.1 A and AA rules. The server's CSP (script-src
 * 'self') blocks page.addScriptTag, which inlines the file into a <script>; page.evaluate runs
 * through the DevTools protocol instead, which CSP does not govern, so the check runs against
 * the page exactly as users get it, CSP on, with no bypassCSP context.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  resultTypes: ['violations'],
};

export class A11yViolations extends Error {
  constructor(
    readonly where: string,
    readonly violations: Result[],
  ) {
    super(
      `${violations.length} WCAG 2.1 AA violation(s) on ${where}:\n${violations.map(describe).join('\n')}`,
    );
    this.name = 'A11yViolations';
  }
}

/** Throws A11yViolations listing every violation (rule, impact, the offending elements). */
export async function checkA11y(page: Page, where: string = page.url()): Promise<void> {
  const loaded = await page.evaluate('typeof axe === "object"');
  if (loaded !== true) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate<AxeResults>(`axe.run(document, ${JSON.stringify(OPTIONS)})`);
  if (results.violations.length > 0) throw new A11yViolations(where, results.violations);
}

function describe(violation: Result): string {
  const nodes = violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`);
  return `  ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n${nodes.join('\n')}`;
}
