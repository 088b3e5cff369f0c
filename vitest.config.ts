import { defineConfig } from 'vitest/config';

// Unit tests run in plain Node next to the code they test; browser tests are
// Playwright's (tests/e2e) and never load here.
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/out/**', '**/dist/**', '**/release/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    reporters: ['default', 'json'],
    // scripts/run-tests.ts reads this to print the combined summary line.
    outputFile: { json: 'test-results/unit.json' },
  },
});
