import { serializeAssessment } from '../assessment-io/serialize.js';
import type { Assessment } from '../core/assessment/assessment.types.js';
import type { Model } from '../core/model/model.types.js';
import { erambaCsv } from './csv/eramba-csv.js';
import { requirementsCsv } from './csv/requirements-csv.js';
import { assessmentResults } from './oscal/assessment-results.js';
import { writeWorkbook } from './xlsx/write-workbook.js';

/** Every format an assessment can be exported to, by the name the CLI and the API use. */
export const EXCHANGE_FORMATS = ['xlsx', 'csv', 'oscal', 'json', 'yaml', 'official'] as const;
export type ExchangeFormat = (typeof EXCHANGE_FORMATS)[number];

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

const FILE_TYPES: Record<ExchangeFormat, { extension: string; contentType: string }> = {
  xlsx: { extension: '.xlsx', contentType: XLSX_CONTENT_TYPE },
  csv: { extension: '.requirements.csv', contentType: CSV_CONTENT_TYPE },
  oscal: { extension: '.oscal-ar.json', contentType: 'application/json; charset=utf-8' },
  json: { extension: '.pkimm.json', contentType: 'application/json; charset=utf-8' },
  yaml: { extension: '.pkimm.yaml', contentType: 'application/yaml; charset=utf-8' },
  official: { extension: '.yaml', contentType: 'application/yaml; charset=utf-8' },
};

export interface ExportOptions {
  now: Date;
  /** Evidence items per requirement key, when known (the server); the CSV shows the counts. */
  evidenceItems?: ReadonlyMap<string, number>;
  /** OSCAL metadata.version. */
  documentVersion?: string;
  /** OSCAL: the level from which a requirement is satisfied. */
  satisfiedFrom?: number;
}

export interface ExportedFile {
  content: Buffer;
  fileName: string;
  contentType: string;
}

export function isExchangeFormat(value: string): value is ExchangeFormat {
  return (EXCHANGE_FORMATS as readonly string[]).includes(value);
}

/** The assessment as a file of `format`, with a file name derived from its title. */
export async function exportAssessmentAs(
  assessment: Assessment,
  model: Model,
  format: ExchangeFormat,
  options: ExportOptions,
): Promise<ExportedFile> {
  const type = FILE_TYPES[format];
  return {
    content: await render(assessment, model, format, options),
    fileName: `${fileSlug(assessment.title)}${type.extension}`,
    contentType: type.contentType,
  };
}

async function render(assessment: Assessment, model: Model, format: ExchangeFormat, options: ExportOptions) {
  switch (format) {
    case 'xlsx':
      return writeWorkbook(assessment, model, { now: options.now });
    case 'csv':
      // A byte-order mark makes Excel read the file as UTF-8 instead of the local code page.
      return Buffer.from(`\ufeff${requirementsCsv(assessment, model, options.evidenceItems)}`, 'utf8');
    case 'oscal': {
      const document = assessmentResults(assessment, model, {
        now: options.now,
        ...(options.documentVersion === undefined ? {} : { documentVersion: options.documentVersion }),
        ...(options.satisfiedFrom === undefined ? {} : { satisfiedFrom: options.satisfiedFrom }),
      });
      return Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
    }
    case 'json':
      return Buffer.from(serializeAssessment(assessment, model, 'pkimm-json'), 'utf8');
    case 'yaml':
      return Buffer.from(serializeAssessment(assessment, model, 'pkimm-yaml'), 'utf8');
    case 'official':
      return Buffer.from(serializeAssessment(assessment, model, 'official'), 'utf8');
  }
}

/** The model as the Eramba GRC CSV, with its file name. */
export function erambaFile(model: Model): ExportedFile {
  return {
    content: Buffer.from(erambaCsv(model), 'utf8'),
    fileName: `${model.id}-${model.version}-eramba.csv`,
    contentType: CSV_CONTENT_TYPE,
  };
}

/** A file name from a title: letters, digits and dashes, never empty. */
export function fileSlug(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .toLowerCase()
    .slice(0, 80);
  return base === '' ? 'assessment' : base;
}
