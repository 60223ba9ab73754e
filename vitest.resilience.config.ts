import { defineConfig } from 'vitest/config';

// `npm run test:resilience`: load and fault scenarios against `pkimm serve` child processes.
// One file at a time: each drives a server as hard as the machine allows, and they would only
// measure each other if they ran side by side.
export default defineConfig({
  test: {
    include: ['test/resilience/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
