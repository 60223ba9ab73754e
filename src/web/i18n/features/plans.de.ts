import type { plansEn } from './plans.en.js';

/** German strings of the plans feature; merged into de.ts. */
export const plansDe: Record<keyof typeof plansEn, string> = {};
