import { describe, expect, it } from 'vitest';
import { lines, openFirst, scanForm, type SuggestionView } from './api.js';

describe('the scan request', () => {
  it('sends every file as a files part and the lists as trimmed lines, leaving empty fields out', async () => {
    const a = new File(['-----BEGIN CERTIFICATE-----'], 'a.pem');
    const b = new File([new Uint8Array([0x30, 0x82])], 'b.der');
    const form = scanForm({
      files: [a, b],
      tls: ' ca.example.org:443 \r\n\n127.0.0.1:8443\n',
      csvPreset: 'adcs',
      knownIssuers: '',
      pkcs12Password: '',
    });
    const files = form.getAll('files').map((part) => (part as File).name);
    expect(files).toEqual(['a.pem', 'b.der']);
    expect(await (form.get('files') as File).text()).toBe('-----BEGIN CERTIFICATE-----');
    expect(form.get('tls')).toBe('ca.example.org:443\n127.0.0.1:8443');
    expect(form.get('csvPreset')).toBe('adcs');
    expect(form.has('knownIssuers')).toBe(false);
    expect(form.has('pkcs12Password')).toBe(false);
  });

  it('keeps a PKCS#12 password exactly as typed', () => {
    const form = scanForm({
      files: [],
      tls: '',
      csvPreset: 'generic',
      knownIssuers: 'CN=A\nCN=B',
      pkcs12Password: ' p w ',
    });
    expect(form.get('pkcs12Password')).toBe(' p w ');
    expect(form.get('knownIssuers')).toBe('CN=A\nCN=B');
    expect(lines('\n \n')).toBe('');
  });
});

describe('the suggestion order', () => {
  it('puts open suggestions first and keeps the order within each group', () => {
    const s = (id: string, status: SuggestionView['status']): SuggestionView => ({
      id,
      scanId: 'scan',
      requirement: 'M.x.y',
      rule: 'rule',
      level: 3,
      reasoning: [],
      status,
      currentLevel: 0,
    });
    const ordered = openFirst([s('1', 'accepted'), s('2', 'open'), s('3', 'rejected'), s('4', 'open')]);
    expect(ordered.map((x) => x.id)).toEqual(['2', '4', '1', '3']);
  });
});
