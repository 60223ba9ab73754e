/**
 * Reading reports back with independent tools: poppler's pdftotext/pdfinfo/pdftoppm for
 * PDFs and Python's html.parser for HTML, so the tests do not trust our own renderers.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelRegistry } from '../../src/model-loader/registry.js';
import { readAssessmentFile } from '../../src/assessment-io/read-assessment.js';
import { scoreAssessment } from '../../src/core/scoring/score-assessment.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SAMPLE = join(ROOT, 'examples', 'sample-assessment-2.0.0.yaml');
export const OFFICIAL = join(ROOT, 'examples', 'official-export-2.0.0-full.yaml');
export const SNAPSHOTS = join(ROOT, 'test-results', 'reports');

export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'pkimm-reports-'));
}

/** The text of a PDF in reading layout, as poppler extracts it. */
export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

/** The same with every run of whitespace made one space, for phrases that span columns of spaces. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
}

/** PNGs of the first pages at 50 dpi under test-results/reports/, for a person to look at. */
export function snapshot(path: string, name: string, pages = 2): void {
  mkdirSync(SNAPSHOTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', String(pages), path, join(SNAPSHOTS, name)]);
}

export function writeBytes(dir: string, name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** The scoring engine's levels for a file, to compare with what the report prints. */
export async function scoreOf(path: string) {
  const { assessment, model } = await readAssessmentFile(path, new ModelRegistry({ dataDir: scratch() }));
  return { assessment, model, score: scoreAssessment(model, assessment) };
}

export interface ParsedHtml {
  /** Every start tag, in order. */
  tags: string[];
  /** Attributes whose name starts with "on" (event handlers), as tag.attribute. */
  handlers: string[];
  /** Values of href/src/xlink:href attributes. */
  urls: string[];
  /** All text content, with entities decoded. */
  text: string;
  styleBlocks: number;
}

const PARSER = String.raw`
import json, sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.handlers, self.urls, self.text, self.styles = [], [], [], [], 0
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == 'style': self.styles += 1
        for name, value in attrs:
            if name.startswith('on'): self.handlers.append(tag + '.' + name)
            if name in ('href', 'src', 'xlink:href'): self.urls.append(value or '')
    def handle_data(self, data):
        self.text.append(data)
p = P()
p.feed(sys.stdin.read())
print(json.dumps({'tags': p.tags, 'handlers': p.handlers, 'urls': p.urls, 'text': ''.join(p.text), 'styleBlocks': p.styles}))
`;

export function parseHtml(html: string): ParsedHtml {
  return JSON.parse(execFileSync('python3', ['-c', PARSER], { input: html, encoding: 'utf8' })) as ParsedHtml;
}

/** A compact JWS with a pkimm attestation payload; the signature bytes are filler (reports do not verify). */
export function fakeAttestation(payload: Record<string, unknown>): { jws: string; payloadBytes: Buffer } {
  const b64 = (value: Buffer) => value.toString('base64url');
  const payloadBytes = Buffer.from(JSON.stringify(payload), 'utf8');
  const header = Buffer.from(JSON.stringify({ alg: 'ES256', typ: 'JOSE' }), 'utf8');
  return { jws: `${b64(header)}.${b64(payloadBytes)}.${b64(Buffer.alloc(64, 7))}`, payloadBytes };
}

/** An assessment in our format with attacker-controlled text in every free-text field. */
export const HOSTILE = {
  title: '<script>alert(1)</script> Review',
  organisation: 'Evil & Co <b>bold</b>',
  assessor: '<img src=x onerror=alert(2)>',
  scope: '</style><script>alert(3)</script>',
  notes: '<img src=x onerror=alert(4)> "quoted" \'single\'',
  evidence: '<a href="javascript:alert(5)">click</a>',
};

export function hostileAssessmentYaml(): string {
  const q = (value: string) => JSON.stringify(value);
  return [
    'format: pkimm-assessment',
    'formatVersion: 1',
    `title: ${q(HOSTILE.title)}`,
    'model: { id: pkimm, version: 2.0.0 }',
    'mode: full',
    'type: self',
    `organisation: ${q(HOSTILE.organisation)}`,
    `assessor: { name: ${q(HOSTILE.assessor)}, position: internal }`,
    `scope: { description: ${q(HOSTILE.scope)} }`,
    'requirements:',
    '  G.strategy-and-vision.sponsor-support:',
    '    level: 3',
    `    notes: ${q(HOSTILE.notes)}`,
    `    evidence: ${q(HOSTILE.evidence)}`,
    '  G.strategy-and-vision.responsible-leadership: { level: 2 }',
    '  M.key-management.key-inventory: { level: 4 }',
    '',
  ].join('\n');
}
