import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * Test tiers by file name (see docs/TESTING.md):
 * - unit:        `*.test.ts` beside the code, no servers;
 * - integration: `*.int.test.ts` against the real local infrastructure (FerretDB, Kafka, ...);
 * - e2e:         `e2e/src/**\/*.e2e.ts` through the gateway with real clients;
 * - resilience:  `*.chaos.test.ts`, which stop shared servers (Kafka), so they run last, alone.
 *
 * esbuild (vitest's default transform) emits no decorator metadata, which type-graphql and
 * typegoose need, so every tier compiles with SWC. Workspace packages resolve to their sources.
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const require = createRequire(import.meta.url);
const alias = [
  // One graphql for everyone: without this, our ESM imports and the CommonJS imports inside Apollo
  // and graphql-ws load two copies, and schemas or errors crossing between them break.
  { find: /^graphql$/, replacement: require.resolve('graphql') },
  { find: /^@vitrine\/platform\/testing$/, replacement: `${root}platform/src/testing/index.ts` },
  { find: /^@vitrine\/platform$/, replacement: `${root}platform/src/index.ts` },
  { find: /^@vitrine\/tools\/infra$/, replacement: `${root}tools/src/infra.ts` },
  { find: /^@vitrine\/gateway$/, replacement: `${root}gateway/src/index.ts` },
  { find: /^@vitrine\/([a-z-]+)$/, replacement: `${root}subgraphs/$1/src/index.ts` },
];

const exclude = ['**/node_modules/**', '**/dist/**', '.data/**', '.infra/**'];
const infra = { globalSetup: ['tools/src/vitest-global-setup.ts'] };

function project(config: TestProjectInlineConfiguration['test']): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: { exclude, ...config },
  };
}

export default defineConfig({
  plugins: [swc.vite({ jsc: { target: 'es2022' } })],
  resolve: { alias },
  test: {
    pool: 'forks',
    reporters: ['default', './tools/src/vitest-summary-reporter.ts'],
    projects: [
      project({
        name: 'unit',
        include: ['**/src/**/*.test.ts'],
        exclude: [...exclude, '**/*.int.test.ts', '**/*.chaos.test.ts'],
      }),
      project({
        name: 'integration',
        include: ['**/src/**/*.int.test.ts'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
        ...infra,
      }),
      project({
        name: 'resilience',
        include: ['**/src/**/*.chaos.test.ts'],
        testTimeout: 180_000,
        hookTimeout: 180_000,
        sequence: { groupOrder: 1 },
        ...infra,
      }),
      project({
        name: 'e2e',
        include: ['e2e/src/**/*.e2e.ts'],
        testTimeout: 60_000,
        hookTimeout: 90_000,
        ...infra,
      }),
    ],
  },
});
