import { Errors, paginate, type ConnectionResult } from '@vitrine/platform';
import type { QueryFilter, Types } from 'mongoose';
import type { Boutique, BoutiqueDocument, BoutiqueModel } from '../models/boutique.model.js';
import { BoutiqueStatus } from './boutique-status.js';
import { coveringCells, haversineKm, type LatLng } from './geo.js';
import { localMinuteOfWeek } from './opening-hours.js';
import { normalizeSlug } from './slug.js';

export interface NearFilter extends LatLng {
  radiusKm: number;
}

export interface SearchFilter {
  category?: string | null;
  near?: NearFilter | null;
  openNow?: boolean | null;
}

/** More boutiques than this in a "near" disk asks the client to narrow the radius. */
export const MAX_NEAR_CANDIDATES = 2000;

type Candidate = { _id: Types.ObjectId; address: LatLng };

/**
 * Responsible for the public catalogue of approved boutiques: by category, open now, near a point.
 *
 * FerretDB has no geospatial queries, so "near" uses H3: the rings of cells that cover the circle
 * (`coveringCells`) select candidates by their stored cells, then the exact haversine distance
 * filters and orders them. Results near a point are ordered by distance over the whole result
 * (not page by page): the candidates' coordinates are read (a light projection), sorted, and the
 * page is loaded by id; the cursor holds the distance and the id.
 *
 * "Open now" is exact in the database: each boutique stores its week intervals in local minutes
 * with its time zone; for each time zone in use, the current local minute of the week selects the
 * intervals that hold it (an `$unwind` aggregation, since FerretDB's `$elemMatch` cannot match
 * two fields of an embedded document).
 */
export class BoutiqueSearchService {
  constructor(private readonly boutiques: BoutiqueModel) {}

  async search(
    filter: SearchFilter,
    page: { first: number; after?: string | null },
    now = new Date(),
  ): Promise<ConnectionResult<BoutiqueDocument>> {
    const query: QueryFilter<Boutique> = { status: BoutiqueStatus.APPROVED };
    if (filter.category) query.categories = normalizeSlug(filter.category);
    if (filter.openNow) query._id = { $in: await this.openIds(query, now) };
    if (filter.near) return this.near(query, filter.near, page);
    return paginate(this.boutiques, query, page) as Promise<ConnectionResult<BoutiqueDocument>>;
  }

  /** Ids of the boutiques matching `base` that are open at `now` on their own wall clock. */
  private async openIds(base: QueryFilter<Boutique>, now: Date): Promise<Types.ObjectId[]> {
    const zones = await this.boutiques.distinct('openingHours.timezone', base).exec();
    if (zones.length === 0) return [];
    const rows = await this.boutiques
      .aggregate<{ _id: Types.ObjectId }>([
        { $match: base },
        { $unwind: '$openIntervals' },
        {
          $match: {
            $or: zones.map((tz) => {
              const minute = localMinuteOfWeek(now, tz);
              return {
                'openIntervals.tz': tz,
                'openIntervals.start': { $lte: minute },
                'openIntervals.end': { $gt: minute },
              };
            }),
          },
        },
        { $project: { _id: 1 } },
      ])
      .exec();
    return rows.map((row) => row._id);
  }

  private async near(
    query: QueryFilter<Boutique>,
    near: NearFilter,
    { first, after }: { first: number; after?: string | null },
  ): Promise<ConnectionResult<BoutiqueDocument>> {
    const { cells } = coveringCells(near, near.radiusKm);
    const candidates = await this.boutiques
      .find({ ...query, h3Cells: { $in: cells } })
      .select({ 'address.latitude': 1, 'address.longitude': 1 })
      .limit(MAX_NEAR_CANDIDATES + 1)
      .lean<Candidate[]>()
      .exec();
    if (candidates.length > MAX_NEAR_CANDIDATES) {
      throw Errors.badUserInput(
        'filter.near.radiusKm',
        'Too many boutiques around this point; narrow the radius',
      );
    }
    const ranked = candidates
      .map((c) => ({ id: c._id.toHexString(), distanceKm: haversineKm(near, c.address) }))
      .filter((c) => c.distanceKm <= near.radiusKm)
      .sort(byDistance);
    const from = after ? decodeCursor(after) : null;
    const start = from ? ranked.findIndex((c) => byDistance(c, from) > 0) : 0;
    const slice = start < 0 ? [] : ranked.slice(start, start + first);
    const docs = await this.boutiques.find({ _id: { $in: slice.map((c) => c.id) } }).exec();
    const byId = new Map(docs.map((d) => [d.id, d]));
    const edges = slice.flatMap((c) => {
      const node = byId.get(c.id);
      if (!node) return [];
      node.distanceKm = Math.round(c.distanceKm * 1000) / 1000;
      return [{ node, cursor: encodeCursor(c) }];
    });
    return {
      edges,
      totalCount: ranked.length,
      pageInfo: {
        hasNextPage: start >= 0 && start + first < ranked.length,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }
}

type Ranked = { id: string; distanceKm: number };

function byDistance(a: Ranked, b: Ranked): number {
  return a.distanceKm - b.distanceKm || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function encodeCursor({ id, distanceKm }: Ranked): string {
  return Buffer.from(JSON.stringify([distanceKm, id])).toString('base64url');
}

function decodeCursor(cursor: string): Ranked {
  try {
    const [distanceKm, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      unknown,
      unknown,
    ];
    if (typeof distanceKm === 'number' && typeof id === 'string' && /^[0-9a-f]{24}$/.test(id)) {
      return { id, distanceKm };
    }
  } catch {
    // falls through to the error below
  }
  throw Errors.badUserInput('after', 'after is not a cursor of this list');
}
