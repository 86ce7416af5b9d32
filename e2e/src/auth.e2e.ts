import {
  type GraphQLRequestError,
  SubscriptionProbe,
  TestTokenIssuer,
  uniqueEmail,
} from '@vitrine/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddAddressDocument,
  GrantRoleDocument,
  LoginDocument,
  LogoutDocument,
  MeDocument,
  MyAccountUpdatedDocument,
  RefreshDocument,
  RegisterDocument,
  UpdateProfileDocument,
} from './generated/graphql.js';
import { startSupergraph, type Supergraph } from './supergraph.js';

/**
 * A newcomer's first session through the gateway, as a web or mobile client lives it: real HTTP
 * and graphql-ws clients, typed operations from codegen, the committed supergraph.
 */
let stack: Supergraph;
beforeAll(async () => {
  stack = await startSupergraph();
});
afterAll(() => stack?.stop());

const PASSWORD = 'Correct-Horse-42';

async function register(firstName = 'Ada') {
  const email = uniqueEmail(firstName);
  const { register } = await stack.client.data(RegisterDocument, {
    input: { email, password: PASSWORD, firstName },
  });
  return { email, ...register };
}

describe('through the gateway', () => {
  it('answers /health', async () => {
    const response = await fetch(stack.gateway.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
  });

  it('registers, logs in, reads me, refreshes and logs out', async () => {
    const account = await register();
    expect(account.user).toMatchObject({ email: account.email.toLowerCase(), roles: ['CUSTOMER'] });

    const { login } = await stack.client.data(LoginDocument, {
      input: { email: account.email, password: PASSWORD },
    });
    const { me } = await stack.client.data(MeDocument, {}, { token: login.accessToken });
    expect(me).toMatchObject({
      id: account.user.id,
      profile: { firstName: 'Ada', lastName: null },
      addresses: [],
    });

    const { refreshToken: refreshed } = await stack.client.data(RefreshDocument, {
      refreshToken: login.refreshToken,
    });
    expect(refreshed.refreshToken).not.toBe(login.refreshToken);
    await expect(
      stack.client.data(MeDocument, {}, { token: refreshed.accessToken }),
    ).resolves.toBeTruthy();

    expect(await stack.client.data(LogoutDocument, {}, { token: refreshed.accessToken })).toEqual({
      logout: true,
    });
    expect(
      await stack.client.errorCode(RefreshDocument, { refreshToken: refreshed.refreshToken }),
    ).toBe('UNAUTHENTICATED');
    expect(await stack.client.errorCode(MeDocument, {}, { token: refreshed.accessToken })).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('gives each bad input its stable code and field, and changes nothing', async () => {
    const account = await register();
    const attempt = (email: string, password: string) =>
      stack.client.request(RegisterDocument, { input: { email, password } });
    expect((await attempt(account.email, PASSWORD)).errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.email',
    });
    expect((await attempt('nope', PASSWORD)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.email',
    });
    expect((await attempt(uniqueEmail(), 'weak')).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.password',
    });
    const wrong = await stack.client.request(LoginDocument, {
      input: { email: account.email, password: 'Wrong-Horse-42' },
    });
    expect(wrong.errors?.[0]).toMatchObject({
      message: 'Invalid email or password',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(wrong.data).toBeNull();
    // The refused attempts left the account as it was.
    const { login } = await stack.client.data(LoginDocument, {
      input: { email: account.email, password: PASSWORD },
    });
    expect(login.user.id).toBe(account.user.id);
  });

  it('refuses a forged token at the edge', async () => {
    const impostor = await TestTokenIssuer.start();
    try {
      const account = await register();
      const forged = await impostor.sign({ sub: account.user.id, roles: ['ADMIN' as never] });
      const response = await stack.client.request(MeDocument, {}, { token: forged });
      expect(response.status).toBe(401);
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await impostor.stop();
    }
  });

  it('lets only admins grant roles', async () => {
    const customer = await register();
    const target = await register('Grace');
    const error = await stack.client
      .data(
        GrantRoleDocument,
        { userId: target.user.id, role: 'DRIVER' },
        { token: customer.accessToken },
      )
      .catch((e: unknown) => e);
    expect((error as GraphQLRequestError).code).toBe('FORBIDDEN');
    const { login: admin } = await stack.client.data(LoginDocument, { input: stack.admin });
    const { grantRole } = await stack.client.data(
      GrantRoleDocument,
      { userId: target.user.id, role: 'DRIVER' },
      { token: admin.accessToken },
    );
    expect(grantRole.roles).toEqual(['CUSTOMER', 'DRIVER']);
  });

  it('refuses an operation costlier than the limit before running it', async () => {
    const page = `users(first: 100) { edges { node { id addresses { id city line1 } } } }`;
    const response = await stack.client.request(`query Costly { a: ${page} b: ${page} }`);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'OPERATION_LIMIT_EXCEEDED',
      limit: 'cost',
    });
  });

  it("delivers the subgraph's live events to a subscription through the gateway", async () => {
    const account = await register();
    const probe = await SubscriptionProbe.open(
      stack.gateway.url,
      MyAccountUpdatedDocument,
      {},
      account.accessToken,
    );
    try {
      await stack.client.data(
        UpdateProfileDocument,
        { input: { lastName: 'Lovelace' } },
        { token: account.accessToken },
      );
      const first = await probe.next();
      expect(first.data?.myAccountUpdated).toEqual({
        id: account.user.id,
        profile: { firstName: 'Ada', lastName: 'Lovelace' },
      });
      await stack.client.data(
        AddAddressDocument,
        {
          input: {
            recipientName: 'Ada',
            line1: '1 quai',
            city: 'Lyon',
            postalCode: '69001',
            country: 'FR',
          },
        },
        { token: account.accessToken },
      );
      expect((await probe.next()).data?.myAccountUpdated.id).toBe(account.user.id);
    } finally {
      await probe.close();
    }
  });
});
