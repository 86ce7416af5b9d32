import { randomUUID } from 'node:crypto';
import { loadPlatformConfig, type PlatformConfig } from '../config.js';
import type { ServiceName } from '../ports.js';

/**
 * A configuration for a subgraph started inside a test: any free port, a database and consumer
 * groups of its own (so test files never see each other's data), the local infrastructure that the vitest global
 * setup started (its addresses arrive in the environment), and quiet logs unless TEST_LOG_LEVEL.
 */
export function testConfig(
  service: ServiceName,
  overrides: Partial<PlatformConfig> = {},
): PlatformConfig {
  const base = loadPlatformConfig(service, { ...process.env, NODE_ENV: 'test', PORT: '0' });
  const suffix = randomUUID().replace(/-/g, '').slice(0, 12);
  return {
    ...base,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    instanceId: `test-${suffix}`,
    mongo: { ...base.mongo, dbName: `test_${service}_${suffix}`, monitorCommands: true },
    // Each instance consumes alone: a shared group would hand its events to another test's database.
    kafka: { ...base.kafka, groupPrefix: `test-${service}-${suffix}` },
    ...overrides,
  };
}

let counter = 0;
/** A fresh, valid email address for each call. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}${counter}.${randomUUID().slice(0, 6)}@example.com`;
}

/** Stops a subgraph started by a test and drops its database, so that test runs leave nothing behind. */
export async function disposeTestSubgraph(
  subgraph:
    { runtime: { db: { dropDatabase(): Promise<unknown> } }; stop(): Promise<void> } | undefined,
): Promise<void> {
  if (!subgraph) return;
  await subgraph.runtime.db.dropDatabase();
  await subgraph.stop();
}
