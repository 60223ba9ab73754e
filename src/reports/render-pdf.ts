/**
 * The neutral report as a PDF, built with pdfmake on Node. pdfmake text is plain text (no
 * markup is interpreted), so values go in as they are; charts stay vector SVG. Fonts are the
 * Roboto files pdfmake ships, and pdfmake may read those files only: no other local file and
 * no URL, so nothing in a report can make it fetch anything.
 */
import { createRequire } from 'node:module';
import { dirname, resolve, sep } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { Block, ReportDocument, Table } from './report-document.js';

const require = createRequire(import.meta.url);
let configured = false;

/** pdfmake is one shared instance; its fonts and access policies are set once per process. */
function configure(): void {
  if (configured) return;
  const fontsModule = require.resolve('pdfmake/fonts/Roboto.js');
  const fontDir = resolve(dirname(fontsModule), 'Roboto') + sep;
  pdfmake.addFonts(require(fontsModule) as Parameters<typeof pdfmake.addFonts>[0]);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => resolve(path).startsWith(fontDir));
  configured = true;
}

/** Tables up to this many rows move to the next page whole with their heading; longer ones may split. */
const KEEP_TABLE_ROWS = 24;

const COLOURS = { text: '#1b1f23', muted: '#5a6270', rule: '#c8ced6', header: '#eef2f6' };

export async function renderPdf(report: ReportDocument): Promise<Buffer> {
  configure();
  const content: Content[] = [
    { text: report.title, style: 'title' },
    { text: report.subtitle, style: 'subtitle' },
    { text: report.generatedLine, style: 'muted', margin: [0, 0, 0, 12] },
  ];
  if (report.tableOfContents) {
    content.push({ toc: { title: { text: report.tocTitle, style: 'h1' } } });
  }
  const tocAt = content.length;
  const blocks = report.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    let rendered = pdfBlock(block);
    // A heading stays on one page with the block it introduces (unless that is a long table).
    // Grouping here is cheap; pdfmake's pageBreakBefore would re-lay out the whole document per move.
    const next = blocks[i + 1];
    if (block.kind === 'heading' && next && next.kind !== 'heading' && !(next.kind === 'table' && next.rows.length > KEEP_TABLE_ROWS)) {
      rendered = { stack: [rendered, pdfBlock(next)], unbreakable: true };
      i++;
    } else if (block.kind === 'heading') {
      // Only ungrouped headings are candidates for pageBreakBefore (see there).
      rendered = { ...(rendered as object), headlineLevel: block.level } as Content;
    }
    // The long report starts its sections after the table of contents, on a new page.
    if (report.tableOfContents && content.length === tocAt) rendered = { stack: [rendered], pageBreak: 'before' };
    content.push(rendered);
  }
  const created = pdfmake.createPdf({
    info: {
      title: report.metadata.title,
      subject: report.metadata.subject,
      keywords: report.metadata.keywords,
      creator: 'pkimm',
      producer: 'pkimm',
      creationDate: new Date(report.generatedAt),
    },
    language: report.language === 'de' ? 'de-DE' : 'en-GB',
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 56],
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.2, color: COLOURS.text },
    styles: {
      title: { fontSize: 20, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 12, margin: [0, 0, 0, 4] },
      h1: { fontSize: 14, bold: true, margin: [0, 14, 0, 6] },
      h2: { fontSize: 11.5, bold: true, margin: [0, 10, 0, 4] },
      h3: { fontSize: 10, bold: true, margin: [0, 8, 0, 3] },
      lead: { fontSize: 12, bold: true, margin: [0, 0, 0, 6] },
      muted: { color: COLOURS.muted, fontSize: 8.5 },
      th: { bold: true, fillColor: COLOURS.header },
    },
    content,
    // The safety net for headings not grouped above (before a long table): one in the last sixth of a page moves on.
    pageBreakBefore: (node) => node.headlineLevel !== undefined && node.startPosition.verticalRatio > 0.84,
    footer: (current: number, total: number) => ({
      margin: [48, 20, 48, 0],
      columns: [
        { text: report.title, style: 'muted' },
        { text: report.pageLabel(current, total), style: 'muted', alignment: 'right' },
      ],
    }),
  });
  return created.getBuffer();
}

function pdfBlock(block: Block): Content {
  switch (block.kind) {
    case 'heading':
      return block.level === 3
        ? { text: block.text, style: 'h3' }
        : {
            text: block.text,
            style: block.level === 1 ? 'h1' : 'h2',
            tocItem: true,
            ...(block.level === 2 ? { tocMargin: [14, 0, 0, 0] as [number, number, number, number] } : {}),
          };
    case 'paragraph':
      return {
        text: block.text,
        ...(block.tone === 'lead' || block.tone === 'muted' ? { style: block.tone } : {}),
        margin: [0, 0, 0, 5],
      };
    case 'facts':
      return {
        table: {
          widths: ['auto', '*'],
          body: block.rows.map((row) => [{ text: row.label, bold: true }, { text: row.value }]),
        },
        layout: 'lightHorizontalLines',
        margin: [0, 0, 0, 8],
      };
    case 'table':
      return pdfTable(block);
    case 'chart':
      // Title and chart on one page: a caption left alone at the foot of a page says nothing.
      return {
        stack: [
          { text: block.title, style: 'h3' },
          { svg: block.svg, width: Math.min(block.width, 499), alignment: 'center' },
        ],
        unbreakable: true,
        margin: [0, 0, 0, 6],
      };
    case 'list':
      return { ul: block.items.map((item) => ({ text: item })), margin: [0, 0, 0, 6] };
  }
}

function pdfTable(table: Table): Content {
  if (table.rows.length === 0) return { text: table.empty, style: 'muted', margin: [0, 0, 0, 6] };
  const header: TableCell[] = table.columns.map((column) => ({ text: column.label, style: 'th' }));
  const body: TableCell[][] = [
    header,
    ...table.rows.map((row) =>
      row.map((cell, i): TableCell => ({ text: breakable(cell), alignment: table.columns[i]?.align ?? 'left' })),
    ),
  ];
  // A row taller than a page cannot move to the next one whole; pdfmake would drop its cells.
  const longCell = table.rows.some((row) => row.some((cell) => cell.length > LONG_CELL));
  return {
    table: {
      headerRows: 1,
      dontBreakRows: !longCell,
      widths: table.columns.map((column) => (column.width === 'fill' ? '*' : 'auto')),
      body,
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0,
      hLineColor: () => COLOURS.rule,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    fontSize: table.columns.length > 4 ? 8.5 : 9.5,
    margin: [0, 0, 0, 8],
  };
}

/** Above this many characters a cell may be taller than a page, so its row is allowed to split. */
const LONG_CELL = 1200;
/** Unbroken runs longer than this get break opportunities, or one word would widen its column off the page. */
const LONG_WORD = 16;

/** The cell's text with a zero-width space inside every overlong run; what it reads as is unchanged. */
function breakable(text: string): string {
  return text.replace(new RegExp(`\\S{${LONG_WORD}}(?=\\S)`, 'gu'), (run) => `${run}\u200B`);
}
