import { describe, expect, it } from 'vitest';
import { PkimmError } from '../core/errors.js';
import { parseModelRef } from './parse-ref.js';

describe('parseModelRef', () => {
  it.each([
    ['pkimm@2.0.0', { id: 'pkimm', version: '2.0.0' }],
    ['2.0.0', { id: 'pkimm', version: '2.0.0' }],
    ['pqc@0.2.0', { id: 'pqc', version: '0.2.0' }],
    [' pkimm@1.0.0 ', { id: 'pkimm', version: '1.0.0' }],
  ])('reads %j', (text, ref) => {
    expect(parseModelRef(text)).toEqual(ref);
  });

  it.each(['pkimm', 'pkimm@', '@2.0.0', 'pkimm@2.0', 'PKIMM@2.0.0', 'pkimm@2.0.0@x', ''])(
    'refuses %j',
    (text) => {
      const error = (() => {
        try {
          parseModelRef(text);
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(PkimmError);
      expect(error).toMatchObject({
        code: 'USAGE',
        message: `expected ID@VERSION such as pkimm@2.0.0, or a bare version such as 2.0.0 (got ${JSON.stringify(text)})`,
      });
    },
  );
});
