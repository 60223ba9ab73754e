/**
 * A rough strength estimate for a new password, for the meter next to the field (ASVS 2.1.8).
 * It only advises: the server's rule stays the minimum length. The estimate is the bits of a
 * random choice from the character classes used, counted over the characters that add
 * something: a repeat of the previous character, a step of a run (abc, 321) and the letters of
 * a very common word count for little.
 */
import { MIN_PASSWORD_LENGTH } from '../../core/access/password-rule.js';

export type Strength = 'too-short' | 'weak' | 'fair' | 'good' | 'strong';

/** Words that open most guessing lists; a password built on one is weaker than its length says. */
const COMMON = [
  'password',
  'passwort',
  'qwerty',
  'qwertz',
  'azerty',
  'letmein',
  'welcome',
  'willkommen',
  'admin',
  'login',
  'dragon',
  'monkey',
  'sunshine',
  'iloveyou',
  'secret',
  'master',
  'football',
  'baseball',
  'princess',
  'summer',
  'winter',
  'hallo',
  'hello',
  'changeme',
  'abc123',
];

function poolSize(password: string): number {
  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/[0-9]/.test(password)) pool += 10;
  if (/[ -/:-@[-`{-~]/.test(password)) pool += 33;
  if ([...password].some((char) => (char.codePointAt(0) ?? 0) > 0x7f)) pool += 100;
  return Math.max(pool, 1);
}

/** Characters that carry their full weight: not a repeat, not the next step of a run, not in a common word. */
function weightedLength(password: string): number {
  const chars = [...password];
  const lower = password.toLowerCase();
  const inCommonWord = new Array<boolean>(chars.length).fill(false);
  for (const word of COMMON) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
      // Indexes of the lower-cased string match the characters for the ASCII words listed.
      for (let i = at + 1; i < at + word.length; i += 1) inCommonWord[i] = true;
    }
  }
  let weight = 0;
  chars.forEach((char, i) => {
    const previous = chars[i - 1];
    const step =
      previous === undefined ? undefined : (char.codePointAt(0) ?? 0) - (previous.codePointAt(0) ?? 0);
    if (inCommonWord[i] || step === 0 || step === 1 || step === -1) weight += 0.25;
    else weight += 1;
  });
  return weight;
}

export function estimateBits(password: string): number {
  return weightedLength(password) * Math.log2(poolSize(password));
}

export function passwordStrength(password: string): Strength {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too-short';
  const bits = estimateBits(password);
  if (bits < 45) return 'weak';
  if (bits < 60) return 'fair';
  if (bits < 80) return 'good';
  return 'strong';
}
