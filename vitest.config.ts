import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Many tests spawn the built CLI, and the reliability tests run several
    // writers at once: on two busy cores a spawn can take half a second, so
    // hooks that build a journal through the CLI get generous limits.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
