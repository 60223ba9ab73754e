import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The CLI tests spawn the built binary; give slow CI machines room.
    testTimeout: 30_000,
  },
});
