import { defineConfig } from 'vitest/config';

/**
 * The integration suite (`npm run test:integration`): backtest-heavy, browser, Prometheus, EVM property and
 * crash tests, each `*.integration.test.ts`. Files run one at a time: most of them use both cores on their own.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.integration.test.ts', 'test/**/*.integration.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
    reporters: ['default'],
  },
});
