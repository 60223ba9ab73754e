import { crosswalkContract } from '../../core/crosswalk/crosswalk.types.js';
import type { CrosswalkView } from '../../core/crosswalk/crosswalk-view.js';
import { PkimmError } from '../../core/errors.js';
import { crosswalkViews } from '../../assessment-io/crosswalk-views.js';
import { readAssessmentFile } from '../../assessment-io/read-assessment.js';
import { crosswalkCsv } from '../../exchange/crosswalk/crosswalk-csv.js';
import { CrosswalkCatalog, readPackFile } from '../../model-loader/crosswalks.js';
import type { CliContext } from '../context.js';
import { parseFormat, printJson, type OutputFormat } from '../options.js';
import { renderTable } from '../render/table.js';

function catalog(context: CliContext, option: string | undefined): CrosswalkCatalog {
  const dir = option ?? context.env['PKIMM_CROSSWALKS_DIR'];
  return new CrosswalkCatalog(context.registry, dir === undefined || dir === '' ? {} : { userDir: dir });
}

/** `pkimm crosswalk list`: json gives the ids, as the contract says; the table adds what each covers. */
export async function listCommand(context: CliContext, options: { format?: string; crosswalks?: string }) {
  const format = parseFormat(options.format);
  const packs = await catalog(context, options.crosswalks).list();
  if (format === 'json')
    return printJson(
      context.io.stdout,
      packs.map((p) => p.id),
    );
  context.io.stdout(
    renderTable(
      ['id', 'framework', 'version', 'model', 'controls', 'mappings', 'source'],
      packs.map((p) => [
        p.id,
        p.framework,
        p.version,
        p.model,
        String(p.controls),
        String(p.mappings),
        p.bundled ? 'bundled' : 'yours',
      ]),
      new Set([4, 5]),
    ),
  );
}

export async function showCommand(
  context: CliContext,
  id: string,
  options: { format?: string; crosswalks?: string },
) {
  const format = parseFormat(options.format);
  const pack = await catalog(context, options.crosswalks).get(id);
  if (format === 'json') return printJson(context.io.stdout, crosswalkContract(pack));
  const title = new Map(pack.controls.map((c) => [c.id, c.title]));
  context.io.stdout(
    `${pack.framework} (${pack.version}): ${pack.title}\n\n` +
      renderTable(
        ['control', 'title', 'requirement', 'relationship'],
        pack.mappings.map((m) => [m.control, title.get(m.control) ?? '', m.requirement, m.relationship]),
      ),
  );
}

/** `pkimm crosswalk validate FILE`: exit 0 and a summary, or exit 2 with every issue and its line. */
export async function validateCommand(context: CliContext, file: string) {
  const pack = await readPackFile(file, context.registry);
  context.io.stdout(
    `${file}: valid crosswalk pack "${pack.id}" for ${pack.framework} (${pack.version}), ` +
      `${pack.controls.length} controls, ${pack.mappings.length} mappings, model ${pack.model}\n`,
  );
}

export async function viewCommand(
  context: CliContext,
  file: string,
  options: { framework: string; threshold: string; format?: string; crosswalks?: string },
) {
  const format = parseFormat(options.format, ['table', 'json', 'csv'] as OutputFormat[]) as string;
  const threshold = Number(options.threshold);
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 5)
    throw new PkimmError(
      'USAGE',
      `--threshold must be a whole number from 1 to 5 (got "${options.threshold}")`,
    );
  const packs = catalog(context, options.crosswalks);
  await packs.get(options.framework); // an unknown id fails before the file is read
  const { assessment, model } = await readAssessmentFile(file, context.registry);
  const [view] = await crosswalkViews(packs, [options.framework], model, assessment, threshold);
  if (format === 'json') return printJson(context.io.stdout, view);
  if (format === 'csv') return context.io.stdout(crosswalkCsv(view!));
  context.io.stdout(renderView(view!));
}

const STATUS_TEXT = { supported: 'supported', 'partly-supported': 'partly supported', gap: 'gap' } as const;

function renderView(view: CrosswalkView): string {
  const { summary, rule } = view;
  const head =
    `${view.pack.framework} (${view.pack.version}) for "${view.assessment.title}"\n` +
    `Rule: a requirement supports its control at level ${rule.threshold} (${rule.thresholdName}) or above, ` +
    `or when an existing audit covers it; related mappings count only where nothing else does.\n` +
    `${summary.supported} supported, ${summary['partly-supported']} partly supported, ${summary.gap} gaps ` +
    `of ${summary.controls} controls\n\n`;
  const rows = view.controls.map((c) => [
    c.id,
    STATUS_TEXT[c.status],
    c.supports
      .filter((s) => s.counts)
      .map(
        (s) => `${s.position ?? s.requirement} ${s.level > 0 ? s.level : '–'}${s.audit ? ' (audited)' : ''}`,
      )
      .join(', '),
  ]);
  const gaps =
    view.gaps.length === 0
      ? 'No gaps.\n'
      : 'Gaps, most controls first:\n' +
        renderTable(
          ['requirement', 'name', 'level', 'controls'],
          view.gaps.map((g) => [
            g.position,
            g.name,
            g.level > 0 ? String(g.level) : '–',
            g.controls.join(', '),
          ]),
          new Set([2]),
        );
  return head + renderTable(['control', 'status', 'requirements (level)'], rows) + '\n' + gaps;
}
