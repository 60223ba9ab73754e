import { describe, expect, it } from 'vitest';
import { estimateBits, passwordStrength } from './password-strength.js';

describe('passwordStrength', () => {
  it('calls anything under the minimum length too short, whatever it holds', () => {
    expect(passwordStrength('')).toBe('too-short');
    expect(passwordStrength('Xy7#qL9!pR2')).toBe('too-short');
    // Counted in characters, not UTF-16 units: eleven emoji are still eleven.
    expect(passwordStrength('🔑'.repeat(11))).toBe('too-short');
  });

  it('rates repeats, runs and common words low even when long enough', () => {
    expect(passwordStrength('aaaaaaaaaaaa')).toBe('weak');
    expect(passwordStrength('abcdefghijkl')).toBe('weak');
    expect(passwordStrength('123456789012')).toBe('weak');
    expect(passwordStrength('password1234')).toBe('weak');
    expect(passwordStrength('Password1234')).toBe('weak');
  });

  it('rates length and mixed classes up', () => {
    expect(passwordStrength('correct horse battery staple')).toBe('strong');
    expect(passwordStrength('mydogisbrown')).toBe('fair');
    expect(passwordStrength('tq8vmz3kx2wp')).toBe('good');
    expect(passwordStrength('Tq8#vmZ3k!x2')).toBe('good');
    expect(passwordStrength('Tq8#vmZ3k!x2Lp9$wR')).toBe('strong');
  });

  it('grows with every character that adds something, and not with a repeat', () => {
    const base = estimateBits('tq8vmz3kx2wp');
    expect(estimateBits('tq8vmz3kx2wpf')).toBeGreaterThan(base);
    expect(estimateBits('tq8vmz3kx2wpp') - base).toBeLessThan(estimateBits('tq8vmz3kx2wpf') - base);
    expect(estimateBits('Tq8vmz3kx2wp')).toBeGreaterThan(base);
  });
});
