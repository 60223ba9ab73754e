/** English strings of the roadmap feature; merged into en.ts. Keys start with 'roadmap.'. */
export const roadmapEn = {} as const;
