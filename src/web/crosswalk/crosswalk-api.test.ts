import { describe, expect, it } from 'vitest';
import { csvHref, webUrl } from './crosswalk-api.js';

describe('crosswalk links', () => {
  it('turns only http(s) addresses with a host into links', () => {
    expect(webUrl('https://audits.example.test/r.pdf')).toBe('https://audits.example.test/r.pdf');
    expect(webUrl('http://example.test')).toBe('http://example.test/');
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'ftp://x.test/r',
      'http://',
      '/relative',
      '',
      undefined,
    ])
      expect(webUrl(bad)).toBeUndefined();
  });

  it('builds the CSV address with the threshold and escaped ids', () => {
    expect(csvHref('a b', 'nis2', 4)).toBe(
      '/api/v1/assessments/a%20b/crosswalks/nis2?threshold=4&format=csv',
    );
  });
});
