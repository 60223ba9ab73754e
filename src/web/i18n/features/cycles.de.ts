import type { cyclesEn } from './cycles.en.js';

/** German strings of the cycles feature; merged into de.ts. */
export const cyclesDe: Record<keyof typeof cyclesEn, string> = {};
