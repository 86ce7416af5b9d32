import { Role, type RunningSubgraph } from '@vitrine/platform';
import { GraphQLClient, TestTokenIssuer, testConfig, uniqueEmail } from '@vitrine/platform/testing';
import { Types } from 'mongoose';
import { loadBoutiquesConfig } from '../config.js';
import { createBoutiquesSubgraph } from '../index.js';

/** A signed-in user of a test: an id of their own and a token signed by the test issuer. */
export interface TestUser {
  id: string;
  token: string;
}

export interface TestBoutique {
  id: string;
  slug: string;
  status: string;
}

export const PARIS = { latitude: 48.8566, longitude: 2.3522 };

/** Every day, all day: open whenever a test runs. */
export const ALWAYS_OPEN = {
  timezone: 'Europe/Paris',
  days: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map(
    (weekday) => ({ weekday, ranges: [{ opens: '00:00', closes: '24:00' }] }),
  ),
};

export const BOUTIQUE_FIELDS = `id slug name status categories description owner { id }
  address { city latitude longitude } openingHours { timezone days { weekday ranges { opens closes } } }`;

let counter = 0;

/** A valid `ApplyForBoutiqueInput`, with a slug of its own, changed by `overrides`. */
export function applyInput(overrides: Record<string, unknown> = {}) {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
  return {
    name: `Atelier ${tag}`,
    slug: `atelier-${tag}`,
    description: 'Hand-made leather goods.',
    logoUrl: 'https://cdn.example.com/logo.png',
    coverUrl: 'https://cdn.example.com/cover.jpg',
    contact: { email: uniqueEmail('shop'), phone: '+33612345678' },
    address: {
      line1: '12 rue des Boutiques',
      city: 'Paris',
      postalCode: '75003',
      country: 'FR',
      ...PARIS,
    },
    openingHours: ALWAYS_OPEN,
    categories: ['leather'],
    ...overrides,
  };
}

/**
 * Starts the boutiques subgraph in-process against the real FerretDB and Kafka, with tokens from
 * a TestTokenIssuer (the subgraph verifies them against its JWKS), and creates users and
 * boutiques through the real API, as a client would.
 */
export class BoutiquesFactory {
  private constructor(
    readonly subgraph: RunningSubgraph,
    readonly issuer: TestTokenIssuer,
    readonly client: GraphQLClient,
  ) {}

  static async start(): Promise<BoutiquesFactory> {
    const issuer = await TestTokenIssuer.start();
    const base = testConfig('boutiques', {
      auth: { jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: issuer.audience },
    });
    const subgraph = await createBoutiquesSubgraph(loadBoutiquesConfig({}, base));
    return new BoutiquesFactory(subgraph, issuer, new GraphQLClient(subgraph.url));
  }

  async stop(): Promise<void> {
    await this.subgraph.runtime.db.dropDatabase();
    await this.subgraph.stop();
    await this.issuer.stop();
  }

  async user(roles: Role[] = [Role.CUSTOMER]): Promise<TestUser> {
    const id = new Types.ObjectId().toHexString();
    return { id, token: await this.issuer.sign({ sub: id, roles }) };
  }

  admin(): Promise<TestUser> {
    return this.user([Role.CUSTOMER, Role.ADMIN]);
  }

  async apply(owner: TestUser, overrides: Record<string, unknown> = {}): Promise<TestBoutique> {
    const { applyForBoutique } = await this.client.data<{ applyForBoutique: TestBoutique }>(
      `mutation ($input: ApplyForBoutiqueInput!) { applyForBoutique(input: $input) { id slug status } }`,
      { input: applyInput(overrides) },
      { token: owner.token },
    );
    return applyForBoutique;
  }

  /** A boutique applied for by `owner` and approved by an admin. */
  async approved(owner: TestUser, overrides: Record<string, unknown> = {}): Promise<TestBoutique> {
    const boutique = await this.apply(owner, overrides);
    await this.move('approveBoutique', boutique.id, await this.admin());
    return { ...boutique, status: 'APPROVED' };
  }

  async move(
    mutation: string,
    id: string,
    actor: TestUser,
    reason?: string,
  ): Promise<{ status: string }> {
    const args = reason === undefined ? '$id: ID!' : '$id: ID!, $reason: String!';
    const pass = reason === undefined ? 'id: $id' : 'id: $id, reason: $reason';
    const data = await this.client.data<Record<string, { status: string }>>(
      `mutation (${args}) { ${mutation}(${pass}) { status } }`,
      { id, reason },
      { token: actor.token },
    );
    return data[mutation];
  }

  async addStaff(boutiqueId: string, userId: string, actor: TestUser): Promise<void> {
    await this.client.data(
      `mutation ($b: ID!, $u: ID!) { addBoutiqueStaff(boutiqueId: $b, userId: $u) { id } }`,
      { b: boutiqueId, u: userId },
      { token: actor.token },
    );
  }

  /** The boutique as an admin sees it. */
  async read<T = Record<string, unknown>>(id: string, fields = BOUTIQUE_FIELDS): Promise<T> {
    const admin = await this.admin();
    const { boutique } = await this.client.data<{ boutique: T }>(
      `query ($id: ID!) { boutique(id: $id) { ${fields} } }`,
      { id },
      { token: admin.token },
    );
    return boutique;
  }
}
