import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Minutes of load and faults: run by `npm run test:resilience` (vitest.resilience.config.ts).
    exclude: ['**/node_modules/**', 'test/resilience/**'],
    // The CLI tests spawn the built binary; give slow CI machines room.
    testTimeout: 30_000,
  },
});
