import type { roadmapEn } from './roadmap.en.js';

/** German strings of the roadmap feature; merged into de.ts. */
export const roadmapDe: Record<keyof typeof roadmapEn, string> = {};
