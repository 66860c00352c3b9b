import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Pure functions and small file I/O: no site is built (`npm run test:unit`). The files
        // share worker processes instead of a fresh module graph each, which is most of their start-up.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], pool: 'forks', isolate: false },
      },
      {
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          // The shared fixture sites, built once before any of these files runs.
          globalSetup: ['tests/global-setup.ts'],
          // Fixture builds and browser tests spawn processes; give them room on a small machine.
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
