import { randomUUID } from 'node:crypto';
import type { RunningSubgraph } from '@vitrine/platform';
import { GraphQLClient, testConfig, uniqueEmail } from '@vitrine/platform/testing';
import { loadUsersConfig, type UsersConfig } from '../config.js';
import { createUsersSubgraph } from '../index.js';

export const STRONG_PASSWORD = 'Correct-Horse-42';

export const AUTH_FIELDS = `accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { id email roles }`;

export interface TestAccount {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  roles: string[];
}

interface AuthData {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; roles: string[] };
}

/** A users subgraph config for tests: its own database, fast argon2, a bootstrap admin. */
export function usersTestConfig(overrides: Partial<UsersConfig> = {}): UsersConfig {
  const config = loadUsersConfig({}, testConfig('users'));
  return {
    ...config,
    argon2MemoryKib: 8192,
    bootstrapAdmin: {
      email: `admin.${randomUUID().slice(0, 8)}@vitrine.test`,
      password: 'Admin-Password-1',
    },
    ...overrides,
  };
}

/** Creates accounts through the real API, as a client would. */
export class UsersFactory {
  constructor(
    readonly client: GraphQLClient,
    readonly config: UsersConfig,
  ) {}

  static async start(overrides: Partial<UsersConfig> = {}) {
    const config = usersTestConfig(overrides);
    const subgraph: RunningSubgraph = await createUsersSubgraph(config);
    return { subgraph, config, factory: new UsersFactory(new GraphQLClient(subgraph.url), config) };
  }

  async register(
    input: { email?: string; password?: string; firstName?: string; lastName?: string } = {},
  ): Promise<TestAccount> {
    const password = input.password ?? STRONG_PASSWORD;
    const data = await this.client.data<{ register: AuthData }>(
      `mutation ($input: RegisterInput!) { register(input: $input) { ${AUTH_FIELDS} } }`,
      {
        input: {
          email: input.email ?? uniqueEmail(),
          password,
          firstName: input.firstName,
          lastName: input.lastName,
        },
      },
    );
    return this.account(data.register, password);
  }

  async login(
    email: string,
    password: string,
    headers?: Record<string, string>,
  ): Promise<TestAccount> {
    const data = await this.client.data<{ login: AuthData }>(
      `mutation ($input: LoginInput!) { login(input: $input) { ${AUTH_FIELDS} } }`,
      { input: { email, password } },
      { headers },
    );
    return this.account(data.login, password);
  }

  /** Signs in as the bootstrap administrator of the config. */
  admin(): Promise<TestAccount> {
    const { email, password } = this.config.bootstrapAdmin!;
    return this.login(email, password);
  }

  private account(auth: AuthData, password: string): TestAccount {
    return {
      ...auth.user,
      password,
      accessToken: auth.accessToken,
      refreshToken: auth.refreshToken,
    };
  }
}
