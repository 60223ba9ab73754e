/** The scan endpoints; the view shapes are the core's, the same the server builds. */
import type { ScanDetail, ScanListItem, SuggestionView } from '../../core/scan/scan-views.js';
import { request } from '../api/client.js';

export type {
  ScanDetail,
  ScanListItem,
  SuggestionStatus,
  SuggestionView,
} from '../../core/scan/scan-views.js';
export { SUGGESTION_STATUSES } from '../../core/scan/scan-views.js';

export type CsvPreset = 'generic' | 'adcs';
export const CSV_PRESETS: CsvPreset[] = ['generic', 'adcs'];

export interface ScanRequest {
  files: File[];
  /** One `host:port` a line. */
  tls: string;
  csvPreset: CsvPreset;
  /** One issuer name a line. */
  knownIssuers: string;
  pkcs12Password: string;
}

export type Decision = { action: 'accept' } | { action: 'reject' } | { action: 'change'; level: number };

/** The multipart body of a scan: every file as a `files` part, the rest as text fields (empty ones left out). */
export function scanForm(input: ScanRequest): FormData {
  const form = new FormData();
  form.append('csvPreset', input.csvPreset);
  const tls = lines(input.tls);
  if (tls) form.append('tls', tls);
  const issuers = lines(input.knownIssuers);
  if (issuers) form.append('knownIssuers', issuers);
  if (input.pkcs12Password) form.append('pkcs12Password', input.pkcs12Password);
  for (const file of input.files) form.append('files', file, file.name);
  return form;
}

/** Trimmed, non-empty lines joined again by newlines (pasted lists often carry blank lines and CRs). */
export function lines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

/** Open suggestions first; within each group the server's order stays (sort is stable). */
export function openFirst(suggestions: readonly SuggestionView[]): SuggestionView[] {
  return [...suggestions].sort((a, b) => Number(a.status !== 'open') - Number(b.status !== 'open'));
}

const enc = encodeURIComponent;

export const scanApi = {
  scans: (id: string) => request<{ scans: ScanListItem[] }>(`/assessments/${enc(id)}/scans`),
  scan: (id: string, scanId: string) =>
    request<{ scan: ScanDetail }>(`/assessments/${enc(id)}/scans/${enc(scanId)}`),
  run: (id: string, input: ScanRequest) =>
    request<{ scan: ScanDetail; suggestions: SuggestionView[] }>(`/assessments/${enc(id)}/scans`, {
      method: 'POST',
      form: scanForm(input),
    }),
  suggestions: (id: string) =>
    request<{ suggestions: SuggestionView[] }>(`/assessments/${enc(id)}/suggestions`),
  decide: (id: string, suggestionId: string, decision: Decision) =>
    request<{ suggestion: SuggestionView }>(
      `/assessments/${enc(id)}/suggestions/${enc(suggestionId)}/decision`,
      { method: 'POST', body: decision },
    ),
};
