import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // Spawned-CLI tests share two cores; keep the pool small so timings stay sane.
    maxWorkers: 2,
  },
});
