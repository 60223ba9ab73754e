/**
 * One call from inputs to a finished file: builds the document, renders it as PDF or HTML,
 * and names the file. The CLI and the server both use it, so both give the same report.
 */
import { buildReport } from './build-report.js';
import type { ReportFormat, ReportInput, ReportType } from './report-input.js';
import { renderHtml } from './render-html.js';
import { renderPdf } from './render-pdf.js';

export interface ReportFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

export async function generateReport(
  input: ReportInput,
  type: ReportType,
  format: ReportFormat,
): Promise<ReportFile> {
  const document = buildReport(input, type);
  const bytes = format === 'pdf' ? await renderPdf(document) : Buffer.from(renderHtml(document), 'utf8');
  return {
    bytes,
    contentType: CONTENT_TYPES[format],
    fileName: `${slug(input.assessment.title)}-${type}-report.${format}`,
  };
}

/** Letters, digits and dashes from the title, never empty. */
function slug(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .toLowerCase()
    .slice(0, 80);
  return base === '' ? 'assessment' : base;
}
