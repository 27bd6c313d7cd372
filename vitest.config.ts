import { defineConfig } from 'vitest/config';

const sources = ['services', 'contracts', 'tools', 'test'].map((root) => `${root}/**/`);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: sources.map((root) => `${root}*.spec.ts`),
          exclude: ['**/node_modules/**', '**/*.int.spec.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: sources.map((root) => `${root}*.int.spec.ts`),
          exclude: ['**/node_modules/**'],
          // One platform per run: started here if none is up, reused if one is, or taken from the env.
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        // `npm run chaos`: the fault suite, minutes long, never part of `npm test`.
        test: {
          name: 'chaos',
          include: sources.map((root) => `${root}*.chaos.ts`),
          exclude: ['**/node_modules/**'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
