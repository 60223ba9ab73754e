import { describe, expect, it } from 'vitest';
import { editDistance, nearestKey } from './nearest-key.js';

describe('nearestKey', () => {
  const ids = ['sponsor-support', 'responsible-leadership', 'scope-and-drivers', 'architecture'];

  it('suggests the id a truncated one starts', () => {
    expect(nearestKey('sponsor', ids)).toBe('sponsor-support');
  });

  it('suggests a near miss by edit distance', () => {
    expect(nearestKey('architcture', ids)).toBe('architecture');
    expect(nearestKey('G.automaton', ['G.automation', 'G.awareness'])).toBe('G.automation');
  });

  it('stays silent when nothing is close', () => {
    expect(nearestKey('budget', ids)).toBeUndefined();
    expect(nearestKey('x', ['y'])).toBeUndefined();
  });

  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
