import type { RunningSubgraph } from '@vitrine/platform';
import {
  disposeTestSubgraph,
  findEvent,
  SubscriptionProbe,
  uniqueEmail,
  type GraphQLClient,
} from '@vitrine/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsersFactory, type TestAccount } from './test/users.factory.js';

let subgraph: RunningSubgraph;
let users: UsersFactory;
let client: GraphQLClient;

beforeAll(async () => {
  ({ subgraph, factory: users } = await UsersFactory.start());
  client = users.client;
});
afterAll(() => disposeTestSubgraph(subgraph));

const ADDRESS = {
  recipientName: 'Ada Lovelace',
  line1: '12 rue des Boutiques',
  city: 'Lyon',
  postalCode: '69002',
  country: 'FR',
};
const ADD = `mutation ($input: AddressInput!) { addAddress(input: $input) { id isDefault city } }`;
const BOOK = `{ me { addresses { id city isDefault } } }`;

async function book(account: TestAccount) {
  return (
    await client.data<{ me: { addresses: { id: string; city: string; isDefault: boolean }[] } }>(
      BOOK,
      {},
      { token: account.accessToken },
    )
  ).me.addresses;
}

describe('profile', () => {
  it('updates only the given fields and announces what changed', async () => {
    const account = await users.register({ firstName: 'Ada' });
    const { updateProfile } = await client.data<{
      updateProfile: { profile: { firstName: string; lastName: string }; phone: string };
    }>(
      `mutation { updateProfile(input: { lastName: "Lovelace", phone: "+33612345678" }) { profile { firstName lastName } phone } }`,
      {},
      { token: account.accessToken },
    );
    expect(updateProfile).toEqual({
      profile: { firstName: 'Ada', lastName: 'Lovelace' },
      phone: '+33612345678',
    });
    const event = await findEvent(
      subgraph.runtime.kafka,
      'vitrine.users',
      'user.updated',
      (e) => e.data.userId === account.id,
    );
    expect(event.data.changed.sort()).toEqual(['lastName', 'phone']);
  });

  it('refuses invalid values with the offending field, changing nothing', async () => {
    const account = await users.register({ firstName: 'Ada' });
    const response = await client.request(
      `mutation { updateProfile(input: { firstName: "Grace", avatarUrl: "javascript:alert(1)" }) { id } }`,
      {},
      { token: account.accessToken },
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.avatarUrl',
    });
    const me = await client.data<{ me: { profile: { firstName: string } } }>(
      `{ me { profile { firstName } } }`,
      {},
      { token: account.accessToken },
    );
    expect(me.me.profile.firstName).toBe('Ada');
  });

  it("keeps a user's private fields from others", async () => {
    const alice = await users.register();
    const bob = await users.register();
    const response = await client.request(
      `query ($id: ID!) { user(id: $id) { id email } }`,
      { id: alice.id },
      { token: bob.accessToken },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const entity = await client.request(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { id profile { firstName } email } } }`,
      { r: [{ __typename: 'User', id: alice.id }] },
      { token: bob.accessToken },
    );
    expect(entity.errors?.[0]).toMatchObject({
      path: ['_entities', 0, 'email'],
      extensions: { code: 'FORBIDDEN' },
    });
  });
});

describe('address book', () => {
  it('makes the first address the default and keeps exactly one default', async () => {
    const account = await users.register();
    const opts = { token: account.accessToken };
    const first = (
      await client.data<{ addAddress: { id: string; isDefault: boolean } }>(
        ADD,
        { input: ADDRESS },
        opts,
      )
    ).addAddress;
    expect(first.isDefault).toBe(true);
    const second = (
      await client.data<{ addAddress: { id: string; isDefault: boolean } }>(
        ADD,
        { input: { ...ADDRESS, city: 'Paris', isDefault: true } },
        opts,
      )
    ).addAddress;
    expect((await book(account)).map((a) => [a.city, a.isDefault])).toEqual([
      ['Lyon', false],
      ['Paris', true],
    ]);
    await client.data(
      `mutation ($id: ID!) { setDefaultAddress(id: $id) { id } }`,
      { id: first.id },
      opts,
    );
    expect((await book(account)).filter((a) => a.isDefault).map((a) => a.id)).toEqual([first.id]);
    await client.data(`mutation ($id: ID!) { removeAddress(id: $id) }`, { id: first.id }, opts);
    expect(await book(account)).toEqual([{ id: second.id, city: 'Paris', isDefault: true }]);
  });

  it('updates an address in place', async () => {
    const account = await users.register();
    const opts = { token: account.accessToken };
    const { addAddress } = await client.data<{ addAddress: { id: string } }>(
      ADD,
      { input: ADDRESS },
      opts,
    );
    const { updateAddress } = await client.data<{ updateAddress: { city: string; line1: string } }>(
      `mutation ($id: ID!) { updateAddress(id: $id, input: { city: "Marseille" }) { city line1 } }`,
      { id: addAddress.id },
      opts,
    );
    expect(updateAddress).toEqual({ city: 'Marseille', line1: ADDRESS.line1 });
  });

  it('upper-cases the country and never clears a required field', async () => {
    const account = await users.register();
    const opts = { token: account.accessToken };
    const { addAddress } = await client.data<{ addAddress: { id: string } }>(
      ADD,
      { input: { ...ADDRESS, country: 'fr' } },
      opts,
    );
    const cleared = await client.request(
      `mutation ($id: ID!) { updateAddress(id: $id, input: { city: null }) { city } }`,
      { id: addAddress.id },
      opts,
    );
    expect(cleared.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.city',
    });
    const { me } = await client.data<{ me: { addresses: { city: string; country: string }[] } }>(
      `{ me { addresses { city country } } }`,
      {},
      opts,
    );
    expect(me.addresses).toEqual([{ city: ADDRESS.city, country: 'FR' }]);
  });

  it("refuses another user's address and bad input, changing nothing", async () => {
    const owner = await users.register();
    const other = await users.register();
    const { addAddress } = await client.data<{ addAddress: { id: string } }>(
      ADD,
      { input: ADDRESS },
      { token: owner.accessToken },
    );
    const REMOVE = `mutation ($id: ID!) { removeAddress(id: $id) }`;
    expect(
      await client.errorCode(REMOVE, { id: addAddress.id }, { token: other.accessToken }),
    ).toBe('NOT_FOUND');
    const bad = await client.request(
      ADD,
      { input: { ...ADDRESS, country: 'France' } },
      { token: owner.accessToken },
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.country',
    });
    expect(await client.errorCode(REMOVE, { id: 'not-an-id' }, { token: owner.accessToken })).toBe(
      'BAD_USER_INPUT',
    );
    expect((await book(owner)).map((a) => a.id)).toEqual([addAddress.id]);
  });

  it('applies concurrent additions without losing any', async () => {
    const account = await users.register();
    await Promise.all(
      ['Lille', 'Nantes', 'Nice', 'Brest'].map((city) =>
        client.data(ADD, { input: { ...ADDRESS, city } }, { token: account.accessToken }),
      ),
    );
    const addresses = await book(account);
    expect(addresses.map((a) => a.city).sort()).toEqual(['Brest', 'Lille', 'Nantes', 'Nice']);
    expect(addresses.filter((a) => a.isDefault)).toHaveLength(1);
  });
});

describe('admin directory', () => {
  it('searches by word starts and pages with cursors', async () => {
    const admin = await users.admin();
    const tag = `zq${Date.now().toString(36)}`;
    for (const firstName of ['Anna', 'Annie', 'Bob']) {
      await users.register({ email: uniqueEmail(`${tag}.${firstName}`), firstName });
    }
    const QUERY = `query ($s: String, $after: String) { users(search: $s, first: 1, after: $after) { totalCount edges { node { profile { firstName } } } pageInfo { hasNextPage endCursor } } }`;
    type Page = {
      users: {
        totalCount: number;
        edges: { node: { profile: { firstName: string } } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await client.data<Page>(
        QUERY,
        { s: `${tag} ann`, after },
        { token: admin.accessToken },
      );
      expect(page.users.totalCount).toBe(2);
      names.push(...page.users.edges.map((e) => e.node.profile.firstName));
      if (!page.users.pageInfo.hasNextPage) break;
      after = page.users.pageInfo.endCursor;
    }
    expect(names.sort()).toEqual(['Anna', 'Annie']);
  });

  it('is for admins only', async () => {
    const account = await users.register();
    expect(
      await client.errorCode(`{ users { totalCount } }`, {}, { token: account.accessToken }),
    ).toBe('FORBIDDEN');
    expect(await client.errorCode(`{ users { totalCount } }`)).toBe('UNAUTHENTICATED');
  });

  it('rejects a page size over the limit', async () => {
    const admin = await users.admin();
    const response = await client.request(
      `{ users(first: 1000) { totalCount } }`,
      {},
      { token: admin.accessToken },
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
  });
});

describe('entity references', () => {
  it('resolves many User references with one database query', async () => {
    const accounts = await Promise.all(Array.from({ length: 12 }, () => users.register()));
    const queries: string[] = [];
    const listener = (event: { commandName: string; command: Record<string, unknown> }) => {
      if (event.commandName === 'find' && event.command.find === 'users')
        queries.push(event.commandName);
    };
    const mongoClient = subgraph.runtime.db.getClient();
    mongoClient.on('commandStarted', listener);
    try {
      const response = await client.data<{ _entities: { id: string }[] }>(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { id profile { firstName } } } }`,
        { r: accounts.map((a) => ({ __typename: 'User', id: a.id })) },
      );
      expect(response._entities.map((u) => u.id)).toEqual(accounts.map((a) => a.id));
    } finally {
      mongoClient.off('commandStarted', listener);
    }
    expect(queries).toHaveLength(1);
  });
});

describe('myAccountUpdated', () => {
  it("streams the signed-in user's own account changes, not others'", async () => {
    const alice = await users.register({ firstName: 'Alice' });
    const bob = await users.register({ firstName: 'Bob' });
    const probe = await SubscriptionProbe.open<{
      myAccountUpdated: { id: string; profile: { lastName: string } };
    }>(
      subgraph.url,
      `subscription { myAccountUpdated { id profile { lastName } } }`,
      {},
      alice.accessToken,
    );
    try {
      await client.data(
        `mutation { updateProfile(input: { lastName: "Other" }) { id } }`,
        {},
        { token: bob.accessToken },
      );
      await client.data(
        `mutation { updateProfile(input: { lastName: "Liddell" }) { id } }`,
        {},
        { token: alice.accessToken },
      );
      const first = await probe.next();
      expect(first.data?.myAccountUpdated).toEqual({
        id: alice.id,
        profile: { lastName: 'Liddell' },
      });
    } finally {
      await probe.close();
    }
  });

  it('refuses an anonymous subscriber', async () => {
    const probe = await SubscriptionProbe.open(
      subgraph.url,
      `subscription { myAccountUpdated { id } }`,
    );
    try {
      const result = await probe.next();
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await probe.close();
    }
  });
});
