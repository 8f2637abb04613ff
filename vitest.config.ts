import { defineConfig } from 'vitest/config';

/** The fast suite (`npm test`); heavy suites are `*.integration.test.ts` (vitest.integration.config.ts). */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/*.integration.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
