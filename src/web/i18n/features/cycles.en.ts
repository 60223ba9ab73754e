/** English strings of the cycles feature; merged into en.ts. Keys start with 'cycles.'. */
export const cyclesEn = {} as const;
