/**
 * vitest globalSetup of the integration and e2e projects (see the root vitest.config.ts).
 *
 * Makes the local infrastructure answer before any test file runs, then exports its endpoints
 * as environment variables: vitest builds the workers' environment from `process.env` after
 * the global setups have run, so every test (pool: forks) sees `MONGODB_URI`, `KAFKA_BROKERS`,
 * `STRIPE_API_BASE`, `SMTP_HOST`, `SMTP_PORT` and `MAILDEV_API_URL`.
 *
 * On teardown it stops only the servers it started itself (a developer's `pnpm infra up` stays
 * up), and none with `VITRINE_KEEP_INFRA=1` (faster reruns).
 */
import type { TestProject } from 'vitest/node';
import { endpointsToEnv, ensureInfra, stopInfra } from './infra.js';

export default async function setup(_project: TestProject): Promise<() => Promise<void>> {
  const endpoints = await ensureInfra();
  Object.assign(process.env, endpointsToEnv(endpoints));

  return async () => {
    if (endpoints.started.length === 0 || process.env.VITRINE_KEEP_INFRA === '1') return;
    await stopInfra(endpoints.started);
  };
}
