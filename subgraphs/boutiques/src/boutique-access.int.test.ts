import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoutiqueService } from './services/boutique.service.js';
import {
  applyInput,
  BoutiquesFactory,
  type TestBoutique,
  type TestUser,
} from './test/boutiques.factory.js';

let f: BoutiquesFactory;

beforeAll(async () => {
  f = await BoutiquesFactory.start();
});
afterAll(() => f?.stop());

type Actor =
  'anonymous' | 'customer' | 'anotherCustomer' | 'owner' | 'otherOwner' | 'staff' | 'admin';
const ACTORS: Actor[] = [
  'anonymous',
  'customer',
  'anotherCustomer',
  'otherOwner',
  'staff',
  'owner',
  'admin',
];

interface Scene {
  boutique: TestBoutique;
  users: Record<Actor, TestUser | null>;
  /** A second staff member, for staff removals. */
  extra: TestUser;
}

async function people(): Promise<Record<Actor, TestUser | null>> {
  const otherOwner = await f.user();
  await f.approved(otherOwner);
  return {
    anonymous: null,
    customer: await f.user(),
    anotherCustomer: await f.user(),
    owner: await f.user(),
    otherOwner,
    staff: await f.user(),
    admin: await f.admin(),
  };
}

/** A boutique in `status` owned by `users.owner`, with `users.staff` and one more staff member. */
async function scene(
  status: 'approved' | 'pending' | 'rejected' = 'approved',
  users?: Record<Actor, TestUser | null>,
): Promise<Scene> {
  const everyone = users ?? (await people());
  const owner = everyone.owner!;
  let boutique: TestBoutique;
  if (status === 'approved') {
    boutique = await f.approved(owner);
  } else {
    boutique = await f.apply(owner);
    if (status === 'rejected') {
      await f.move('rejectBoutique', boutique.id, everyone.admin!, 'Incomplete');
    }
  }
  const extra = await f.user();
  await f.addStaff(boutique.id, everyone.staff!.id, owner);
  await f.addStaff(boutique.id, extra.id, owner);
  return { boutique, extra, users: everyone };
}

type Expect = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

interface Row {
  mutation: string;
  status?: 'approved' | 'pending' | 'rejected';
  operation: (s: Scene) => { query: string; variables: Record<string, unknown> };
  expect: Record<Actor, Expect>;
  /** A lifecycle move: each allowed actor needs a boutique of its own. */
  oneShot?: boolean;
}

const ADMIN_ONLY: Record<Actor, Expect> = {
  anonymous: 'UNAUTHENTICATED',
  customer: 'FORBIDDEN',
  anotherCustomer: 'FORBIDDEN',
  otherOwner: 'FORBIDDEN',
  staff: 'FORBIDDEN',
  owner: 'FORBIDDEN',
  admin: 'ok',
};
const OWNER_OR_ADMIN: Record<Actor, Expect> = { ...ADMIN_ONLY, owner: 'ok' };
const TEAM_OR_ADMIN: Record<Actor, Expect> = { ...OWNER_OR_ADMIN, staff: 'ok' };

const byId =
  (mutation: string, extra = '') =>
  (s: Scene) => ({
    query: `mutation ($id: ID!) { ${mutation}(id: $id${extra}) { id } }`,
    variables: { id: s.boutique.id },
  });

const ROWS: Row[] = [
  {
    mutation: 'applyForBoutique',
    operation: () => ({
      query: `mutation ($input: ApplyForBoutiqueInput!) { applyForBoutique(input: $input) { id } }`,
      variables: {},
    }),
    expect: { ...TEAM_OR_ADMIN, customer: 'ok', anotherCustomer: 'ok', otherOwner: 'ok' },
  },
  {
    mutation: 'updateBoutique (description)',
    operation: (s) => ({
      query: `mutation ($id: ID!) { updateBoutique(id: $id, input: { description: "New words" }) { id } }`,
      variables: { id: s.boutique.id },
    }),
    expect: TEAM_OR_ADMIN,
  },
  {
    mutation: 'updateBoutique (name)',
    operation: (s) => ({
      query: `mutation ($id: ID!) { updateBoutique(id: $id, input: { name: "A new name" }) { id } }`,
      variables: { id: s.boutique.id },
    }),
    expect: OWNER_OR_ADMIN,
  },
  {
    mutation: 'updateBoutique (pending boutique)',
    status: 'pending',
    operation: (s) => ({
      query: `mutation ($id: ID!) { updateBoutique(id: $id, input: { description: "New words" }) { id } }`,
      variables: { id: s.boutique.id },
    }),
    // a pending boutique is invisible to outsiders: they cannot tell it exists
    expect: {
      ...TEAM_OR_ADMIN,
      customer: 'NOT_FOUND',
      anotherCustomer: 'NOT_FOUND',
      otherOwner: 'NOT_FOUND',
    },
  },
  {
    mutation: 'addBoutiqueStaff',
    operation: (s) => ({
      query: `mutation ($b: ID!, $u: ID!) { addBoutiqueStaff(boutiqueId: $b, userId: $u) { id } }`,
      variables: { b: s.boutique.id, u: s.users.anotherCustomer!.id },
    }),
    expect: OWNER_OR_ADMIN,
  },
  {
    mutation: 'removeBoutiqueStaff',
    operation: (s) => ({
      query: `mutation ($b: ID!, $u: ID!) { removeBoutiqueStaff(boutiqueId: $b, userId: $u) { id } }`,
      variables: { b: s.boutique.id, u: s.extra.id },
    }),
    expect: OWNER_OR_ADMIN,
  },
  {
    mutation: 'approveBoutique',
    status: 'pending',
    operation: byId('approveBoutique'),
    expect: ADMIN_ONLY,
  },
  {
    mutation: 'rejectBoutique',
    status: 'pending',
    operation: byId('rejectBoutique', ', reason: "Incomplete"'),
    expect: ADMIN_ONLY,
    oneShot: true,
  },
  {
    mutation: 'suspendBoutique',
    operation: byId('suspendBoutique', ', reason: "Complaints"'),
    expect: ADMIN_ONLY,
    oneShot: true,
  },
  {
    mutation: 'resubmitBoutique',
    status: 'rejected',
    operation: byId('resubmitBoutique'),
    expect: {
      ...OWNER_OR_ADMIN,
      customer: 'NOT_FOUND',
      anotherCustomer: 'NOT_FOUND',
      otherOwner: 'NOT_FOUND',
    },
    oneShot: true,
  },
];

describe(`${BoutiqueService.name} authorization`, () => {
  it.each(ROWS)('$mutation: each actor gets exactly what the rules say', async (row) => {
    const s = await scene(row.status);
    const denied = ACTORS.filter((a) => row.expect[a] !== 'ok');
    const allowed = ACTORS.filter((a) => row.expect[a] === 'ok');
    const FIELDS = 'name description status staff { id }';
    const before = await f.read(s.boutique.id, FIELDS);
    const attempt = async (actor: Actor, target: Scene) => {
      const input = row.mutation === 'applyForBoutique' ? { input: applyInput() } : {};
      const { query, variables } = row.operation(target);
      const response = await f.client.request(
        query,
        { ...variables, ...input },
        { token: target.users[actor]?.token },
      );
      return response.errors?.[0]?.extensions?.code ?? 'ok';
    };
    for (const actor of denied) {
      expect(await attempt(actor, s), `${row.mutation} as ${actor}`).toBe(row.expect[actor]);
    }
    // the denials changed nothing
    expect(await f.read(s.boutique.id, FIELDS)).toEqual(before);
    for (const actor of allowed) {
      // a lifecycle move happens once: each allowed actor gets a boutique of its own
      const target = row.oneShot ? await scene(row.status, s.users) : s;
      expect(await attempt(actor, target), `${row.mutation} as ${actor}`).toBe('ok');
    }
  });

  it('reinstateBoutique is for admins only', async () => {
    const s = await scene();
    await f.move('suspendBoutique', s.boutique.id, s.users.admin!, 'Complaints');
    for (const actor of ACTORS) {
      const response = await f.client.request(
        `mutation ($id: ID!) { reinstateBoutique(id: $id) { status } }`,
        { id: s.boutique.id },
        { token: s.users[actor]?.token },
      );
      expect(response.errors?.[0]?.extensions?.code ?? 'ok', actor).toBe(ADMIN_ONLY[actor]);
    }
  });
});

describe(`${BoutiqueService.name} visibility`, () => {
  it('shows a pending boutique to its team and admins only, by id and by slug', async () => {
    const s = await scene('pending');
    for (const actor of ACTORS) {
      const byIdResponse = await f.client.request(
        `query ($id: ID!) { boutique(id: $id) { id } }`,
        { id: s.boutique.id },
        { token: s.users[actor]?.token },
      );
      const bySlug = await f.client.request(
        `query ($slug: String!) { boutiqueBySlug(slug: $slug) { id } }`,
        { slug: s.boutique.slug },
        { token: s.users[actor]?.token },
      );
      const expected = ['owner', 'staff', 'admin'].includes(actor) ? 'ok' : 'NOT_FOUND';
      expect(byIdResponse.errors?.[0]?.extensions?.code ?? 'ok', actor).toBe(expected);
      expect(bySlug.errors?.[0]?.extensions?.code ?? 'ok', actor).toBe(expected);
    }
  });

  it('keeps the team and the moderation record of a public boutique to its team and admins', async () => {
    const s = await scene();
    const query = `query ($id: ID!) { boutique(id: $id) { name staff { id } statusReason } }`;
    const anonymous = await f.client.request(query, { id: s.boutique.id });
    expect(anonymous.errors?.map((e) => [e.path?.join('.'), e.extensions?.code]).sort()).toEqual([
      ['boutique.staff', 'UNAUTHENTICATED'],
      ['boutique.statusReason', 'UNAUTHENTICATED'],
    ]);
    const stranger = await f.client.request(
      query,
      { id: s.boutique.id },
      { token: s.users.customer!.token },
    );
    expect(stranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const staff = await f.client.data<{ boutique: { staff: { id: string }[] } }>(
      query,
      { id: s.boutique.id },
      { token: s.users.staff!.token },
    );
    expect(staff.boutique.staff.map((u) => u.id)).toEqual([s.users.staff!.id, s.extra.id]);
  });

  it('lets a staff member leave the team', async () => {
    const s = await scene();
    await f.client.data(
      `mutation ($b: ID!, $u: ID!) { removeBoutiqueStaff(boutiqueId: $b, userId: $u) { id } }`,
      { b: s.boutique.id, u: s.users.staff!.id },
      { token: s.users.staff!.token },
    );
    const read = await f.read<{ staff: { id: string }[] }>(s.boutique.id, 'staff { id }');
    expect(read.staff.map((u) => u.id)).toEqual([s.extra.id]);
  });
});

describe('User.boutiques', () => {
  const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { id boutiques { totalCount edges { node { id status } } } } } }`;

  it('lists the boutiques a user owns or staffs, whatever their status, to that user and admins', async () => {
    const s = await scene();
    const pending = await f.apply(s.users.staff!);
    const response = await f.client.data<{
      _entities: {
        id: string;
        boutiques: { totalCount: number; edges: { node: { id: string; status: string } }[] };
      }[];
    }>(
      ENTITIES,
      { r: [{ __typename: 'User', id: s.users.staff!.id }] },
      { token: s.users.staff!.token },
    );
    expect(response._entities[0].boutiques.edges.map((e) => [e.node.id, e.node.status])).toEqual([
      [pending.id, 'PENDING'],
      [s.boutique.id, 'APPROVED'],
    ]);
    const asAdmin = await f.client.data<typeof response>(
      ENTITIES,
      { r: [{ __typename: 'User', id: s.users.staff!.id }] },
      { token: s.users.admin!.token },
    );
    expect(asAdmin._entities[0].boutiques.totalCount).toBe(2);
    const asOther = await f.client.request(
      ENTITIES,
      { r: [{ __typename: 'User', id: s.users.staff!.id }] },
      { token: s.users.owner!.token },
    );
    expect(asOther.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
