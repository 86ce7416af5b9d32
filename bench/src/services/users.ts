/**
 * The users subgraph exactly as `subgraphs/users/dist/main.js` starts it, except for its durable
 * consumer group: `BENCH_CONSUMER_GROUP` instead of the shared `vitrine-users`, so that a
 * benchmark never takes partitions (and events) from a stack running on the same machine.
 */
import { loadPlatformConfig, runMain } from '@vitrine/platform';
import { createUsersSubgraph, loadUsersConfig } from '@vitrine/users';

const groupPrefix = process.env.BENCH_CONSUMER_GROUP;
if (!groupPrefix) throw new Error('BENCH_CONSUMER_GROUP is required');
const platform = loadPlatformConfig('users');
runMain(() =>
  createUsersSubgraph(
    loadUsersConfig(process.env, { ...platform, kafka: { ...platform.kafka, groupPrefix } }),
  ),
);
