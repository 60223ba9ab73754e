/**
 * The neutral report as one standalone HTML page: a single <style> block, charts as inline
 * SVG, and no script at all. Every text value is HTML-escaped here, in one place, so names,
 * notes, evidence and scope typed by users can never become markup. The SVG strings come
 * from ECharts, which escapes the text it puts into them.
 */
import type { Block, ReportDocument, Table } from './report-document.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Escaped text with line breaks kept (notes often have several lines). */
function lines(value: string): string {
  return value.split('\n').map(escapeHtml).join('<br>');
}

const STYLE = `
:root { color-scheme: light; }
body { font-family: Roboto, "Segoe UI", Helvetica, Arial, sans-serif; color: #1b1f23; margin: 0; background: #f6f7f9; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 2.5rem 3rem; background: #fff; }
h1.title { font-size: 1.8rem; margin: 0 0 .25rem; }
p.subtitle { font-size: 1.1rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; border-bottom: 1px solid #c8ced6; padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
p { line-height: 1.45; margin: 0 0 .6rem; }
.lead { font-size: 1.15rem; font-weight: 600; }
.muted { color: #5a6270; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #dde2e8; }
th { background: #eef2f6; }
td.right, th.right { text-align: right; }
td.center, th.center { text-align: center; }
table.facts th { background: none; width: 14rem; }
figure { margin: 0 0 1rem; text-align: center; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-weight: 600; text-align: left; margin: 1rem 0 .3rem; }
nav ol { line-height: 1.6; list-style: none; padding-left: 0; }
nav li.sub { margin-left: 1.5rem; }
@media print { body { background: #fff; } main { padding: 0; } }
`;

export function renderHtml(report: ReportDocument): string {
  const sections = report.blocks.map(htmlBlock).join('\n');
  const toc = report.tableOfContents ? tableOfContents(report) : '';
  return `<!doctype html>
<html lang="${report.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${escapeHtml(report.metadata.subject)}">
<title>${escapeHtml(report.metadata.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1 class="title">${escapeHtml(report.title)}</h1>
<p class="subtitle">${escapeHtml(report.subtitle)}</p>
<p class="muted">${escapeHtml(report.generatedLine)}</p>
</header>
${toc}
${sections}
</main>
</body>
</html>
`;
}

/** Headings become h2 (sections), h3 (sub-sections) and h4 under the page's h1. */
function htmlBlock(block: Block, index: number): string {
  switch (block.kind) {
    case 'heading': {
      const tag = `h${block.level + 1}`;
      const id = block.level < 3 ? ` id="s${index}"` : '';
      return `<${tag}${id}>${escapeHtml(block.text)}</${tag}>`;
    }
    case 'paragraph': {
      const tone = block.tone === 'lead' || block.tone === 'muted' ? ` class="${block.tone}"` : '';
      return `<p${tone}>${lines(block.text)}</p>`;
    }
    case 'facts':
      return `<table class="facts"><tbody>${block.rows
        .map((row) => `<tr><th scope="row">${escapeHtml(row.label)}</th><td>${lines(row.value)}</td></tr>`)
        .join('')}</tbody></table>`;
    case 'table':
      return htmlTable(block);
    case 'chart':
      return `<figure><figcaption>${escapeHtml(block.title)}</figcaption>${block.svg}</figure>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${lines(item)}</li>`).join('')}</ul>`;
  }
}

function htmlTable(table: Table): string {
  if (table.rows.length === 0) return `<p class="muted">${escapeHtml(table.empty)}</p>`;
  const align = (i: number) => {
    const a = table.columns[i]?.align;
    return a && a !== 'left' ? ` class="${a}"` : '';
  };
  const head = table.columns.map((c, i) => `<th scope="col"${align(i)}>${escapeHtml(c.label)}</th>`).join('');
  const body = table.rows
    .map((row) => `<tr>${row.map((cell, i) => `<td${align(i)}>${lines(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Links to the section and sub-section headings (same-page anchors only). */
function tableOfContents(report: ReportDocument): string {
  const items = report.blocks
    .map((block, index) => ({ block, index }))
    .filter(
      (entry): entry is { block: Extract<Block, { kind: 'heading' }>; index: number } =>
        entry.block.kind === 'heading' && entry.block.level < 3,
    )
    .map(
      ({ block, index }) =>
        `<li${block.level === 2 ? ' class="sub"' : ''}><a href="#s${index}">${escapeHtml(block.text)}</a></li>`,
    )
    .join('');
  return `<nav aria-label="${escapeHtml(report.tocTitle)}"><h2>${escapeHtml(report.tocTitle)}</h2><ol>${items}</ol></nav>`;
}
