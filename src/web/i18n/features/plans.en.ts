/** English strings of the plans feature; merged into en.ts. Keys start with 'plans.'. */
export const plansEn = {} as const;
