import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoutiqueSearchService } from './services/boutique-search.service.js';
import { localMinuteOfWeek, MINUTES_PER_DAY, WEEKDAYS } from './services/opening-hours.js';
import { BoutiquesFactory, PARIS, type TestUser } from './test/boutiques.factory.js';

let f: BoutiquesFactory;
let owner: TestUser;

beforeAll(async () => {
  f = await BoutiquesFactory.start();
  owner = await f.user();
});
afterAll(() => f?.stop());

/** A point `km` east of Paris (a degree of longitude there is 73.2 km). */
const eastOfParis = (km: number) => ({
  latitude: PARIS.latitude,
  longitude: PARIS.longitude + km / 73.17,
});
const address = (point: { latitude: number; longitude: number }) => ({
  line1: '1 rue de Test',
  city: 'Paris',
  postalCode: '75001',
  country: 'FR',
  ...point,
});
const tagOf = () => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

interface Page {
  boutiques: {
    totalCount: number;
    edges: { node: { id: string; distanceKm: number | null; isOpenNow: boolean } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
const SEARCH = `query ($filter: BoutiqueFilter, $first: Int, $after: String) {
  boutiques(filter: $filter, first: $first, after: $after) {
    totalCount edges { node { id distanceKm isOpenNow } } pageInfo { hasNextPage endCursor }
  }
}`;

async function all(filter: Record<string, unknown>, first = 2) {
  const pages: Page['boutiques'][] = [];
  let after: string | null = null;
  do {
    const page: Page = await f.client.data<Page>(SEARCH, { filter, first, after });
    pages.push(page.boutiques);
    after = page.boutiques.pageInfo.hasNextPage ? page.boutiques.pageInfo.endCursor : null;
  } while (after);
  return pages;
}

describe(BoutiqueSearchService.name, () => {
  it('lists approved boutiques of a category only, newest first, page by page', async () => {
    const category = tagOf();
    const a = await f.approved(owner, { categories: [category] });
    const b = await f.approved(owner, { categories: [category, 'shoes'] });
    const c = await f.approved(owner, { categories: [category] });
    await f.apply(owner, { categories: [category] }); // pending: not listed
    const suspended = await f.approved(owner, { categories: [category] });
    await f.move('suspendBoutique', suspended.id, await f.admin(), 'Complaints');
    await f.approved(owner, { categories: ['other'] });

    const pages = await all({ category: category.toUpperCase() });
    expect(pages.map((p) => p.edges.map((e) => e.node.id))).toEqual([[c.id, b.id], [a.id]]);
    expect(pages.every((p) => p.totalCount === 3)).toBe(true);
    expect(pages[0].edges[0].node.distanceKm).toBeNull();
  });

  it('finds boutiques within a radius, nearest first, with their distance, page by page', async () => {
    const category = tagOf();
    const at = async (km: number) =>
      (await f.approved(owner, { categories: [category], address: address(eastOfParis(km)) })).id;
    const far = await at(8);
    const near = await at(0.5);
    const middle = await at(3);
    await at(30);
    const lyon = await f.approved(owner, {
      categories: [category],
      address: address({ latitude: 45.764, longitude: 4.8357 }),
    });

    const pages = await all({ category, near: { ...PARIS, radiusKm: 10 } });
    const nodes = pages.flatMap((p) => p.edges.map((e) => e.node));
    expect(nodes.map((n) => n.id)).toEqual([near, middle, far]);
    expect(nodes.map((n) => Math.round(n.distanceKm! * 10) / 10)).toEqual([0.5, 3, 8]);
    expect(pages.map((p) => p.edges.length)).toEqual([2, 1]);
    expect(pages[0].totalCount).toBe(3);

    const wide = await all({ category, near: { ...PARIS, radiusKm: 100 } }, 100);
    expect(wide[0].edges.map((e) => e.node.id)).not.toContain(lyon);
    expect(wide[0].totalCount).toBe(4);
  });

  it('refuses a radius over the limit and a foreign cursor, naming the argument', async () => {
    const tooWide = await f.client.request(SEARCH, {
      filter: { near: { ...PARIS, radiusKm: 500 } },
    });
    expect(tooWide.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.near.radiusKm',
    });
    const badCursor = await f.client.request(SEARCH, {
      filter: { near: { ...PARIS, radiusKm: 5 } },
      after: 'bm90LWEtY3Vyc29y',
    });
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  it('finds boutiques open now on their own wall clock, across midnight and time zones', async () => {
    const category = tagOf();
    /** Open from an hour ago to two hours from now in `timezone` (may run past midnight). */
    const aroundNow = (timezone: string) => {
      const now = localMinuteOfWeek(new Date(), timezone);
      const start = (now - 60 + 7 * MINUTES_PER_DAY) % (7 * MINUTES_PER_DAY);
      const hhmm = (m: number) =>
        `${String(Math.floor((m % MINUTES_PER_DAY) / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      return {
        timezone,
        days: [
          {
            weekday: WEEKDAYS[Math.floor(start / MINUTES_PER_DAY)],
            ranges: [{ opens: hhmm(start), closes: hhmm(start + 180) }],
          },
        ],
      };
    };
    const openHere = await f.approved(owner, {
      categories: [category],
      openingHours: aroundNow('America/Los_Angeles'),
    });
    // The same wall-clock hours, in a time zone 16 or 17 hours away: closed now.
    const closedThere = await f.approved(owner, {
      categories: [category],
      openingHours: { ...aroundNow('America/Los_Angeles'), timezone: 'Asia/Tokyo' },
    });
    const openTokyo = await f.approved(owner, {
      categories: [category],
      openingHours: aroundNow('Asia/Tokyo'),
    });
    const neverOpen = await f.approved(owner, {
      categories: [category],
      openingHours: { timezone: 'Europe/Paris', days: [] },
    });

    const [page] = await all({ category, openNow: true }, 100);
    expect(page.edges.map((e) => e.node.id).sort()).toEqual([openHere.id, openTokyo.id].sort());
    expect(page.totalCount).toBe(2);
    const everything = await all({ category }, 100);
    const openNow = Object.fromEntries(
      everything[0].edges.map((e) => [e.node.id, e.node.isOpenNow]),
    );
    expect(openNow).toEqual({
      [openHere.id]: true,
      [closedThere.id]: false,
      [openTokyo.id]: true,
      [neverOpen.id]: false,
    });

    const nearAndOpen = await all({ category, openNow: true, near: { ...PARIS, radiusKm: 1 } });
    expect(nearAndOpen[0].edges.map((e) => e.node.id).sort()).toEqual(
      [openHere.id, openTokyo.id].sort(),
    );
  });
});

describe('Boutique references', () => {
  it('resolves many Boutique references with one database query', async () => {
    const boutiques = await Promise.all(Array.from({ length: 8 }, () => f.apply(owner)));
    const finds: unknown[] = [];
    const listener = (event: { commandName: string; command: Record<string, unknown> }) => {
      if (event.commandName === 'find' && event.command.find === 'boutiques') finds.push(event);
    };
    const mongo = f.subgraph.runtime.db.getClient();
    mongo.on('commandStarted', listener);
    try {
      const { _entities } = await f.client.data<{ _entities: { id: string; name: string }[] }>(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Boutique { id name status } } }`,
        { r: boutiques.map((b) => ({ __typename: 'Boutique', id: b.id })) },
      );
      expect(_entities.map((b) => b.id)).toEqual(boutiques.map((b) => b.id));
    } finally {
      mongo.off('commandStarted', listener);
    }
    expect(finds).toHaveLength(1);
  });
});
