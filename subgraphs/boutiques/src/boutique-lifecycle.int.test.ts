import { findEvent } from '@vitrine/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoutiqueModerationService } from './services/boutique-moderation.service.js';
import { BoutiqueService } from './services/boutique.service.js';
import { applyInput, BoutiquesFactory, PARIS } from './test/boutiques.factory.js';

const TOPIC = 'vitrine.boutiques';
let f: BoutiquesFactory;

beforeAll(async () => {
  f = await BoutiquesFactory.start();
});
afterAll(() => f?.stop());

const APPLY = `mutation ($input: ApplyForBoutiqueInput!) { applyForBoutique(input: $input) { id slug status owner { id } } }`;

describe(BoutiqueService.name, () => {
  it('opens a pending application owned by the applicant and announces it with its owner', async () => {
    const owner = await f.user();
    const input = applyInput({ slug: '  Le Petit  Atelier ' + Date.now().toString(36) });
    const { applyForBoutique } = await f.client.data<{
      applyForBoutique: { id: string; slug: string; status: string; owner: { id: string } };
    }>(APPLY, { input }, { token: owner.token });
    expect(applyForBoutique).toMatchObject({ status: 'PENDING', owner: { id: owner.id } });
    expect(applyForBoutique.slug).toMatch(/^le-petit-atelier-[a-z0-9]+$/);
    const event = await findEvent(
      f.subgraph.runtime.kafka,
      TOPIC,
      'boutique.created',
      (e) => e.data.boutiqueId === applyForBoutique.id,
    );
    expect(event.data).toEqual({
      boutiqueId: applyForBoutique.id,
      ownerId: owner.id,
      name: input.name,
      slug: applyForBoutique.slug,
      status: 'pending',
    });
  });

  it('refuses a taken slug with CONFLICT on input.slug, creating nothing', async () => {
    const first = await f.apply(await f.user());
    const other = await f.user();
    const response = await f.client.request(
      APPLY,
      { input: applyInput({ slug: first.slug.toUpperCase() }) },
      { token: other.token },
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.slug',
    });
    const mine = await f.client.data<{ _entities: { boutiques: { totalCount: number } }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { boutiques { totalCount } } } }`,
      { r: [{ __typename: 'User', id: other.id }] },
      { token: other.token },
    );
    expect(mine._entities[0].boutiques.totalCount).toBe(0);
  });

  it.each([
    [{ slug: '!!' }, 'input.slug'],
    [{ logoUrl: 'http://cdn.example.com/logo.png' }, 'input.logoUrl'],
    [{ contact: { email: 'shop@example.com', phone: '0612345678' } }, 'input.contact.phone'],
    [
      {
        address: {
          line1: 'x',
          city: 'Paris',
          postalCode: '75003',
          country: 'FR',
          latitude: 91,
          longitude: 2,
        },
      },
      'input.address.latitude',
    ],
    [{ openingHours: { timezone: 'Paris', days: [] } }, 'input.openingHours.timezone'],
    [
      {
        openingHours: {
          timezone: 'Europe/Paris',
          days: [{ weekday: 'MONDAY', ranges: [{ opens: '09:00', closes: '25:00' }] }],
        },
      },
      'input.openingHours.days.0.ranges.0.closes',
    ],
    [
      {
        openingHours: {
          timezone: 'Europe/Paris',
          days: [
            {
              weekday: 'MONDAY',
              ranges: [
                { opens: '09:00', closes: '13:00' },
                { opens: '12:00', closes: '18:00' },
              ],
            },
          ],
        },
      },
      'input.openingHours.days',
    ],
  ])('refuses invalid input with the offending field (%#)', async (overrides, field) => {
    const response = await f.client.request(
      APPLY,
      { input: applyInput(overrides) },
      { token: (await f.user()).token },
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('applies edits, announces the changed fields and moves the H3 cell with the address', async () => {
    const owner = await f.user();
    const boutique = await f.approved(owner, { categories: ['moved'] });
    const LYON = { latitude: 45.764, longitude: 4.8357 };
    const { updateBoutique } = await f.client.data<{
      updateBoutique: { description: string; address: { city: string } };
    }>(
      `mutation ($id: ID!, $input: UpdateBoutiqueInput!) { updateBoutique(id: $id, input: $input) { description address { city } } }`,
      {
        id: boutique.id,
        input: {
          description: 'Now in Lyon.',
          address: {
            line1: '1 place Bellecour',
            city: 'Lyon',
            postalCode: '69002',
            country: 'FR',
            ...LYON,
          },
        },
      },
      { token: owner.token },
    );
    expect(updateBoutique).toEqual({ description: 'Now in Lyon.', address: { city: 'Lyon' } });
    const event = await findEvent(
      f.subgraph.runtime.kafka,
      TOPIC,
      'boutique.updated',
      (e) => e.data.boutiqueId === boutique.id,
    );
    expect(event.data.changed.sort()).toEqual(['address', 'description']);
    const near = async (point: typeof PARIS) =>
      (
        await f.client.data<{ boutiques: { edges: { node: { id: string } }[] } }>(
          `query ($near: NearInput!) { boutiques(filter: { category: "moved", near: $near }) { edges { node { id } } } }`,
          { near: { ...point, radiusKm: 2 } },
        )
      ).boutiques.edges.map((e) => e.node.id);
    expect(await near(LYON)).toEqual([boutique.id]);
    expect(await near(PARIS)).toEqual([]);
  });

  it('announces the whole team when staff change', async () => {
    const owner = await f.user();
    const boutique = await f.approved(owner);
    const [a, b] = [await f.user(), await f.user()];
    await f.addStaff(boutique.id, a.id, owner);
    await f.addStaff(boutique.id, b.id, owner);
    const event = await findEvent(
      f.subgraph.runtime.kafka,
      TOPIC,
      'boutique.staff_changed',
      (e) => e.data.boutiqueId === boutique.id && e.data.staffIds.length === 2,
    );
    expect(event.data).toEqual({
      boutiqueId: boutique.id,
      ownerId: owner.id,
      staffIds: [a.id, b.id],
    });
  });
});

describe('concurrent team changes', () => {
  it('keeps every one of concurrent staff additions', async () => {
    const owner = await f.user();
    const boutique = await f.approved(owner);
    const members = await Promise.all(Array.from({ length: 4 }, () => f.user()));
    await Promise.all(members.map((m) => f.addStaff(boutique.id, m.id, owner)));
    const read = await f.read<{ staff: { id: string }[] }>(boutique.id, 'staff { id }');
    expect(read.staff.map((u) => u.id).sort()).toEqual(members.map((m) => m.id).sort());
  });
});

describe(BoutiqueModerationService.name, () => {
  it('approves, suspends and reinstates, recording who and why, with an event for each move', async () => {
    const owner = await f.user();
    const admin = await f.admin();
    const { id } = await f.apply(owner);
    expect((await f.move('approveBoutique', id, admin)).status).toBe('APPROVED');
    expect((await f.move('suspendBoutique', id, admin, 'Counterfeit goods')).status).toBe(
      'SUSPENDED',
    );
    expect((await f.move('reinstateBoutique', id, admin)).status).toBe('APPROVED');

    const kafka = f.subgraph.runtime.kafka;
    const mine = (e: { data: { boutiqueId: string } }) => e.data.boutiqueId === id;
    const approved = await findEvent(kafka, TOPIC, 'boutique.approved', mine);
    expect(approved.data).toEqual({ boutiqueId: id, ownerId: owner.id, actorId: admin.id });
    const suspended = await findEvent(kafka, TOPIC, 'boutique.suspended', mine);
    expect(suspended.data).toMatchObject({ ownerId: owner.id, reason: 'Counterfeit goods' });
    await findEvent(kafka, TOPIC, 'boutique.reinstated', mine);

    const read = await f.read<{
      statusHistory: { from: string; to: string; actorId: string; reason: string | null }[];
    }>(id, 'statusHistory { from to actorId reason at }');
    expect(read.statusHistory.map((h) => [h.from, h.to, h.actorId, h.reason])).toEqual([
      ['PENDING', 'APPROVED', admin.id, null],
      ['APPROVED', 'SUSPENDED', admin.id, 'Counterfeit goods'],
      ['SUSPENDED', 'APPROVED', admin.id, null],
    ]);
  });

  it('rejects with a reason the owner can read, and the owner may apply again', async () => {
    const owner = await f.user();
    const admin = await f.admin();
    const { id } = await f.apply(owner);
    expect(
      await f.client.errorCode(
        `mutation ($id: ID!) { rejectBoutique(id: $id, reason: " ") { id } }`,
        { id },
        { token: admin.token },
      ),
    ).toBe('BAD_USER_INPUT');
    await f.move('rejectBoutique', id, admin, 'Photos missing');
    const rejected = await findEvent(
      f.subgraph.runtime.kafka,
      TOPIC,
      'boutique.rejected',
      (e) => e.data.boutiqueId === id,
    );
    expect(rejected.data).toEqual({
      boutiqueId: id,
      ownerId: owner.id,
      actorId: admin.id,
      reason: 'Photos missing',
    });
    const { boutique } = await f.client.data<{
      boutique: { status: string; statusReason: string };
    }>(
      `query ($id: ID!) { boutique(id: $id) { status statusReason } }`,
      { id },
      { token: owner.token },
    );
    expect(boutique).toEqual({ status: 'REJECTED', statusReason: 'Photos missing' });
    expect((await f.move('resubmitBoutique', id, owner)).status).toBe('PENDING');
  });

  it('refuses a move the lifecycle does not allow with CONFLICT, changing nothing', async () => {
    const admin = await f.admin();
    const { id } = await f.apply(await f.user());
    const attempt = (mutation: string, reason?: string) =>
      f.client.errorCode(
        reason
          ? `mutation ($id: ID!) { ${mutation}(id: $id, reason: "${reason}") { id } }`
          : `mutation ($id: ID!) { ${mutation}(id: $id) { id } }`,
        { id },
        { token: admin.token },
      );
    expect(await attempt('suspendBoutique', 'Too early')).toBe('CONFLICT');
    expect(await attempt('reinstateBoutique')).toBe('CONFLICT');
    expect(await attempt('resubmitBoutique')).toBe('CONFLICT');
    await f.move('approveBoutique', id, admin);
    expect(await attempt('approveBoutique')).toBe('CONFLICT');
    expect(await attempt('rejectBoutique', 'Too late')).toBe('CONFLICT');
    const read = await f.read<{ status: string; statusHistory: unknown[] }>(
      id,
      'status statusHistory { to }',
    );
    expect(read).toEqual({ status: 'APPROVED', statusHistory: [{ to: 'APPROVED' }] });
  });

  it('lets only one of two concurrent moves apply', async () => {
    const admin = await f.admin();
    const { id } = await f.apply(await f.user());
    const results = await Promise.all([
      f.client.request(
        `mutation ($id: ID!) { approveBoutique(id: $id) { status } }`,
        { id },
        { token: admin.token },
      ),
      f.client.request(
        `mutation ($id: ID!) { rejectBoutique(id: $id, reason: "Nope") { status } }`,
        { id },
        { token: admin.token },
      ),
    ]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.find((r) => r.errors)?.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const read = await f.read<{ statusHistory: unknown[] }>(id, 'statusHistory { to }');
    expect(read.statusHistory).toHaveLength(1);
  });

  it('lists boutiques awaiting review, oldest first, for admins', async () => {
    const admin = await f.admin();
    const a = await f.apply(await f.user());
    const b = await f.apply(await f.user());
    type Page = { boutiquesForReview: { edges: { node: { id: string; status: string } }[] } };
    const { boutiquesForReview } = await f.client.data<Page>(
      `{ boutiquesForReview(status: PENDING, first: 100) { edges { node { id status } } } }`,
      {},
      { token: admin.token },
    );
    const ids = boutiquesForReview.edges.map((e) => e.node.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    expect(new Set(boutiquesForReview.edges.map((e) => e.node.status))).toEqual(
      new Set(['PENDING']),
    );
    expect(
      await f.client.errorCode(
        `{ boutiquesForReview { totalCount } }`,
        {},
        { token: (await f.user()).token },
      ),
    ).toBe('FORBIDDEN');
  });
});
