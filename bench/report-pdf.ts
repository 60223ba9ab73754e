/**
 * `npm run bench:report`: how long the detailed PDF report of a full PKIMM 2.0.0 assessment
 * (every requirement rated, with notes and evidence) takes to build, as the median of several
 * runs, next to a baseline measured in the same run: the same document rendered without its
 * two charts. The ratio shows what the ECharts SVGs add.
 */
import { join } from 'node:path';
import type { Assessment, Rating } from '../src/core/assessment/assessment.types.js';
import { indexModel } from '../src/core/model/model-index.js';
import { scoreAssessment } from '../src/core/scoring/score-assessment.js';
import { packageRoot } from '../src/io/package-root.js';
import { ModelRegistry } from '../src/model-loader/registry.js';
import { buildReport } from '../src/reports/build-report.js';
import type { ReportInput } from '../src/reports/report-input.js';
import { renderPdf } from '../src/reports/render-pdf.js';
import { isMain, writeResults, type Row } from './support/report.js';

const RUNS = 11;
const model = await new ModelRegistry({ dataDir: join(packageRoot(), 'data', 'bench-empty') }).get(
  'pkimm',
  '2.0.0',
);
const { requirements } = indexModel(model);

/** Every requirement rated (a fixed sequence, so every run renders the same text) with a note and evidence. */
function fullAssessment(): Assessment {
  return {
    title: 'Bench Corp enterprise PKI assessment',
    model: { id: 'pkimm', version: '2.0.0' },
    mode: 'full',
    type: 'formal',
    organisation: 'Bench Corp',
    assessor: { name: 'A. Assessor', company: 'Bench Assurance', position: 'external' },
    dates: { start: '2026-09-01', finish: '2026-10-01' },
    scope: {
      description: 'The internal PKI for staff, servers and devices.',
      components: 'Root CA, two issuing CAs',
    },
    modules: {},
    categories: {},
    extensions: [],
    relevance: {},
    requirements: Object.fromEntries(
      requirements.map((r, i) => [
        r.key,
        {
          applicability: 'applicable' as const,
          level: (1 + ((i * 7) % 5)) as Rating,
          notes: `Interviewed the owner of ${r.name.toLowerCase()}; the practice is documented and partly followed, with gaps noted in the review of ${2020 + (i % 6)}.`,
          evidence: `Document ${r.position}-${i}, revision ${1 + (i % 4)}`,
        },
      ]),
    ),
  };
}

const assessment = fullAssessment();
const input: ReportInput = {
  assessment,
  model,
  score: scoreAssessment(model, assessment),
  language: 'en',
  generatedAt: '2026-10-02T09:00:00.000Z',
};

interface Case {
  label: string;
  run: () => Promise<number>;
}

const cases: Case[] = [
  {
    label: 'same PDF without charts (baseline)',
    run: async () => {
      const document = buildReport(input, 'detailed');
      return (await renderPdf({ ...document, blocks: document.blocks.filter((b) => b.kind !== 'chart') }))
        .length;
    },
  },
  {
    label: 'detailed PDF (build, 2 radar SVGs, render)',
    run: async () => (await renderPdf(buildReport(input, 'detailed'))).length,
  },
  {
    label: 'document only (build, 2 radar SVGs)',
    run: () => Promise.resolve(buildReport(input, 'detailed').blocks.length),
  },
];

interface Figure {
  label: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
  bytes: number;
}

/** The detailed PDF's median build time over `runs` runs, against the same PDF without charts. */
export async function pdfRows(runs = RUNS): Promise<{ rows: Row[]; print: () => void }> {
  // Runs alternate between the cases, so a busy machine slows all of them alike.
  for (let i = 0; i < 2; i++) for (const c of cases) await c.run(); // warm up the JIT and the font cache
  const times = cases.map(() => [] as number[]);
  const sizes = cases.map(() => 0);
  for (let i = 0; i < runs; i++) {
    for (const [n, c] of cases.entries()) {
      const start = process.hrtime.bigint();
      sizes[n] = await c.run();
      times[n]!.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  const [baseline, detailed, documentOnly] = cases.map((c, n) => {
    const sorted = [...times[n]!].sort((a, b) => a - b);
    return {
      label: c.label,
      medianMs: sorted[Math.floor(runs / 2)]!,
      minMs: sorted[0]!,
      maxMs: sorted.at(-1)!,
      bytes: sizes[n]!,
    };
  }) as [Figure, Figure, Figure];
  const rows: Row[] = [
    {
      figure: `detailed PDF build, full assessment (median of ${runs})`,
      value: detailed.medianMs,
      unit: 'ms',
      baseline: 'same PDF without charts',
      baselineValue: baseline.medianMs,
      ratio: detailed.medianMs / baseline.medianMs,
      better: 'lower',
      ok: true,
    },
  ];
  const print = () => {
    const figures = [baseline, detailed, documentOnly];
    const rows = [
      ['figure', 'median ms', 'min ms', 'max ms', 'KiB', 'ratio vs baseline'],
      ...figures.map((f) => [
        f.label,
        f.medianMs.toFixed(1),
        f.minMs.toFixed(1),
        f.maxMs.toFixed(1),
        f === documentOnly ? '–' : (f.bytes / 1024).toFixed(0),
        (f.medianMs / baseline.medianMs).toFixed(2),
      ]),
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    console.log(
      `Detailed PDF report of a full PKIMM 2.0.0 assessment (${requirements.length} requirements rated, with notes), median of ${runs} runs, Node ${process.version}`,
    );
    for (const row of rows)
      console.log(
        row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '),
      );
    writeResults('report-pdf', { runs, figures });
  };
  return { rows, print };
}

if (isMain(import.meta.url)) (await pdfRows()).print();
