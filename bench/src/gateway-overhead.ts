/**
 * What the gateway costs: the same operations through the gateway and on the users subgraph
 * directly, interleaved over several rounds, reported as gateway/direct ratios.
 */
import { randomUUID } from 'node:crypto';
import { graphql, operationBody } from './lib/graphql.js';
import { compareInterleaved, runLoad, type Comparison, type Target } from './lib/load.js';
import type { ServiceProcess } from './lib/processes.js';
import { launchGateway, launchUsers, type ServiceContext } from './lib/services.js';
import { loadAverage, type Memory } from './lib/system.js';

const ME = /* GraphQL */ `
  query Me {
    me {
      id
      email
      profile {
        firstName
      }
    }
  }
`;
const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      refreshToken
      user {
        id
      }
    }
  }
`;
const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      accessToken
      user {
        id
      }
    }
  }
`;

export interface OverheadOptions {
  context: ServiceContext;
  rounds: number;
  durationSec: number;
  warmupSec: number;
  /** `me` is cheap: enough connections to keep both cores busy. */
  meConnections: number;
  /** `login` is one argon2id hash (19 MiB, 2 passes) each: a few connections saturate the CPU. */
  loginConnections: number;
  log: (line: string) => void;
}

export interface ServiceMemory {
  users: Memory;
  gateway: Memory;
}

export interface OverheadResult {
  mode: ServiceContext['mode'];
  me: Comparison;
  login: Comparison;
  /** Resident memory at each stage; `afterLogin` is after all the load. */
  memory: {
    idle: ServiceMemory;
    afterMeWarmup: ServiceMemory;
    afterMe: ServiceMemory;
    afterLogin: ServiceMemory;
  };
  loadAverage: { before: number[]; after: number[] };
}

function memoryOfBoth(users: ServiceProcess, gateway: ServiceProcess): ServiceMemory {
  return { users: users.memory(), gateway: gateway.memory() };
}

/** Answers of `me` must be the user's own; of `login`, tokens. Both without GraphQL errors. */
function accepts(...fragments: string[]): (body: string) => boolean {
  return (body) => !body.includes('"errors"') && fragments.every((f) => body.includes(f));
}

async function measure(
  options: OverheadOptions,
  users: ServiceProcess,
  gateway: ServiceProcess,
): Promise<Omit<OverheadResult, 'mode' | 'loadAverage'>> {
  const { log } = options;
  const email = `bench.${randomUUID().slice(0, 8)}@example.com`;
  const password = 'Vitrine-Bench-2026!';
  const { register } = await graphql<{ register: { accessToken: string; user: { id: string } } }>(
    gateway.graphqlUrl,
    REGISTER,
    { input: { email, password, firstName: 'Bench', lastName: 'Runner' } },
  );
  const token = register.accessToken;
  const userId = register.user.id;

  // Both paths must give the same answer before their speeds mean anything.
  const [viaGateway, direct] = await Promise.all([
    graphql(gateway.graphqlUrl, ME, undefined, token),
    graphql(users.graphqlUrl, ME, undefined, token),
  ]);
  if (JSON.stringify(viaGateway) !== JSON.stringify(direct)) {
    throw new Error(`me differs: ${JSON.stringify(viaGateway)} vs ${JSON.stringify(direct)}`);
  }

  const pair = (body: string, verify: Target['verify'], headers?: Record<string, string>) => ({
    gateway: { name: 'gateway', url: gateway.graphqlUrl, body, headers, verify },
    direct: { name: 'direct', url: users.graphqlUrl, body, headers, verify },
  });
  const me = pair(operationBody(ME), accepts(`"id":"${userId}"`), {
    authorization: `Bearer ${token}`,
  });
  const login = pair(
    operationBody(LOGIN, { input: { email, password } }),
    accepts('"accessToken"', `"id":"${userId}"`),
  );

  const idle = memoryOfBoth(users, gateway);
  const compare = async (
    operation: string,
    targets: { gateway: Target; direct: Target },
    connections: number,
    pauseMs?: number,
  ) => {
    log(`${operation}: warming up ${options.warmupSec} s per target (JIT, pools, JWKS cache)`);
    for (const t of [targets.gateway, targets.direct]) {
      await runLoad(t, { connections, durationSec: options.warmupSec });
    }
    const afterWarmup = memoryOfBoth(users, gateway);
    const comparison = await compareInterleaved({
      operation,
      candidate: targets.gateway,
      baseline: targets.direct,
      settings: { connections, durationSec: options.durationSec },
      rounds: options.rounds,
      pauseMs,
      log,
    });
    return { comparison, afterWarmup };
  };
  const meRun = await compare('me', me, options.meConnections);
  const afterMe = memoryOfBoth(users, gateway);
  const loginRun = await compare('login', login, options.loginConnections, 1_000);
  return {
    me: meRun.comparison,
    login: loginRun.comparison,
    memory: {
      idle,
      afterMeWarmup: meRun.afterWarmup,
      afterMe,
      afterLogin: memoryOfBoth(users, gateway),
    },
  };
}

/** Starts users and the gateway as child processes, measures, and always stops them. */
export async function runGatewayOverhead(options: OverheadOptions): Promise<OverheadResult> {
  const before = loadAverage();
  const { context, log } = options;
  log(`starting users and gateway (${context.mode})`);
  const users = await launchUsers(context);
  let gateway: ServiceProcess | undefined;
  try {
    await users.waitReady();
    gateway = await launchGateway(context, { users });
    await gateway.waitReady();
    const result = await measure(options, users, gateway);
    return { mode: context.mode, ...result, loadAverage: { before, after: loadAverage() } };
  } finally {
    await gateway?.stop();
    await users.stop();
  }
}
