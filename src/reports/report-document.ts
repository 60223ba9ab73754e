/**
 * The neutral report: a title and a flat list of blocks that both renderers (PDF and HTML)
 * understand. Every string in it is plain text; each renderer escapes or places it as its
 * output needs. Charts are SVG strings rendered by ECharts, used as they are in both.
 */
import type { ReportLanguage, ReportType } from './report-input.js';

export interface Heading {
  kind: 'heading';
  /** 1: a section (in the table of contents), 2: a sub-section (also listed), 3: a minor heading. */
  level: 1 | 2 | 3;
  text: string;
}

export interface Paragraph {
  kind: 'paragraph';
  text: string;
  tone?: 'normal' | 'lead' | 'muted';
}

/** Label/value pairs, e.g. date, assessor and model version. */
export interface Facts {
  kind: 'facts';
  rows: { label: string; value: string }[];
}

export interface TableColumn {
  label: string;
  /** Relative width: `fill` takes what is left, `fit` is as wide as its content. */
  width: 'fill' | 'fit';
  align?: 'left' | 'right' | 'center';
}

export interface Table {
  kind: 'table';
  columns: TableColumn[];
  rows: string[][];
  /** Said instead of an empty table. */
  empty: string;
}

export interface Chart {
  kind: 'chart';
  title: string;
  svg: string;
  width: number;
  height: number;
}

export interface BulletList {
  kind: 'list';
  items: string[];
}

export type Block = Heading | Paragraph | Facts | Table | Chart | BulletList;

export interface ReportDocument {
  type: ReportType;
  language: ReportLanguage;
  /** The report's kind, e.g. "Detailed report". */
  title: string;
  /** The assessment's title and organisation. */
  subtitle: string;
  /** PDF metadata. */
  metadata: { title: string; subject: string; keywords: string };
  /** Whether the PDF starts with a table of contents (the long report). */
  tableOfContents: boolean;
  tocTitle: string;
  /** The footer line of page `current` of `total`. */
  pageLabel: (current: number, total: number) => string;
  /** "Generated on …" */
  generatedLine: string;
  /** When it was generated, as the PDF creation date. */
  generatedAt: string;
  blocks: Block[];
}
