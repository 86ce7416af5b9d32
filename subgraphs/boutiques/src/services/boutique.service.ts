import {
  Errors,
  initialOutbox,
  inOrderOf,
  isDuplicateKeyError,
  objectIdsOf,
  paginate,
  requireOwnerOr,
  requireRole,
  requireViewer,
  Role,
  toObjectId,
  updateWithEvents,
  type AuthContext,
  type ConnectionResult,
  type OutboxWriter,
} from '@vitrine/platform';
import { Types } from 'mongoose';
import type { Boutique, BoutiqueDocument, BoutiqueModel } from '../models/boutique.model.js';
import { canSee, requireTeam, type TeamRole } from './boutique-access.js';
import { BoutiqueStatus } from './boutique-status.js';
import { cellsOf } from './geo.js';
import { weekIntervals, type OpeningHoursData } from './opening-hours.js';
import { normalizeCategories, slugOrThrow } from './slug.js';

export interface AddressFields {
  line1: string;
  line2?: string | null;
  city: string;
  postalCode: string;
  region?: string | null;
  country: string;
  latitude: number;
  longitude: number;
}

export interface ContactFields {
  email: string;
  phone?: string | null;
}

/** What a client gives to apply; validated by the input types, normalized here. */
export interface ApplyFields {
  name: string;
  slug?: string | null;
  description?: string | null;
  logoUrl?: string | null;
  coverUrl?: string | null;
  contact: ContactFields;
  address: AddressFields;
  openingHours: OpeningHoursData;
  categories: string[];
}

/** Only the fields given change; null clears an optional one. */
export type UpdateFields = Partial<Omit<ApplyFields, 'slug'>>;

/** Fields that staff may change; the others (name, address) are the owner's and admins'. */
export const STAFF_EDITABLE = [
  'description',
  'logoUrl',
  'coverUrl',
  'contact',
  'openingHours',
  'categories',
] as const;

type Page = { first: number; after?: string | null };

const plainContact = (c: ContactFields) => ({
  email: c.email.trim().toLowerCase(),
  phone: c.phone || null,
});
const plainAddress = (a: AddressFields) => ({
  line1: a.line1.trim(),
  line2: a.line2?.trim() || null,
  city: a.city.trim(),
  postalCode: a.postalCode.trim(),
  region: a.region?.trim() || null,
  country: a.country.toUpperCase(),
  latitude: a.latitude,
  longitude: a.longitude,
});
const plainHours = (h: OpeningHoursData): OpeningHoursData => ({
  timezone: h.timezone,
  days: h.days.map((d) => ({
    weekday: d.weekday,
    ranges: d.ranges.map((r) => ({ opens: r.opens, closes: r.closes })),
  })),
});

/** The stored, query-ready form of opening hours: validated, with their week intervals. */
function hoursOf(hours: OpeningHoursData, field: string) {
  const openingHours = plainHours(hours);
  const openIntervals = weekIntervals(openingHours, field).map((i) => ({
    tz: openingHours.timezone,
    ...i,
  }));
  return { openingHours, openIntervals };
}

function nameOf(name: string, field: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw Errors.badUserInput(field, 'name cannot be empty');
  return trimmed;
}

/**
 * Responsible for boutiques as their team and the public see them: applying, editing, reading
 * one (with the visibility rules of non-approved boutiques), a user's boutiques, the admin queue.
 */
export class BoutiqueService {
  constructor(
    private readonly boutiques: BoutiqueModel,
    private readonly outbox: OutboxWriter,
  ) {}

  async apply(ctx: AuthContext, fields: ApplyFields): Promise<BoutiqueDocument> {
    const viewer = requireViewer(ctx);
    const name = nameOf(fields.name, 'input.name');
    const slug = slugOrThrow(fields.slug || name, fields.slug ? 'input.slug' : 'input.name');
    const categories = normalizeCategories(fields.categories, 'input.categories');
    const hours = hoursOf(fields.openingHours, 'input.openingHours');
    const address = plainAddress(fields.address);
    const _id = new Types.ObjectId();
    const event = this.outbox.event('boutique.created', _id.toHexString(), {
      boutiqueId: _id.toHexString(),
      ownerId: viewer.id,
      name,
      slug,
      status: BoutiqueStatus.PENDING,
    });
    try {
      const created = await this.boutiques.create({
        _id,
        name,
        slug,
        description: fields.description?.trim() || null,
        logoUrl: fields.logoUrl || null,
        coverUrl: fields.coverUrl || null,
        contact: plainContact(fields.contact),
        address,
        ...cellsOf(address),
        ...hours,
        categories,
        status: BoutiqueStatus.PENDING,
        ownerId: viewer.id,
        staffIds: [],
        ...initialOutbox(event),
      });
      this.outbox.written();
      return created;
    } catch (err) {
      if (isDuplicateKeyError(err)) {
        throw Errors.conflict(`The slug "${slug}" is taken`, 'input.slug');
      }
      throw err;
    }
  }

  async update(ctx: AuthContext, id: string, fields: UpdateFields): Promise<BoutiqueDocument> {
    const boutique = await this.load(id);
    const given = Object.keys(fields).filter((k) => fields[k as keyof UpdateFields] !== undefined);
    const staffOnly = given.every((k) => (STAFF_EDITABLE as readonly string[]).includes(k));
    const roles: TeamRole[] = staffOnly ? ['owner', 'staff'] : ['owner'];
    requireTeam(ctx, boutique, roles);

    const $set: Record<string, unknown> = {};
    const changed: string[] = [];
    const change = (key: string, value: unknown, current: unknown) => {
      if (JSON.stringify(value) === JSON.stringify(current)) return;
      $set[key] = value;
      changed.push(key);
    };
    const plain = boutique.toObject() as Boutique;
    if (fields.name != null) change('name', nameOf(fields.name, 'input.name'), plain.name);
    for (const key of ['description', 'logoUrl', 'coverUrl'] as const) {
      if (fields[key] !== undefined) change(key, fields[key]?.trim() || null, plain[key]);
    }
    if (fields.contact) change('contact', plainContact(fields.contact), plain.contact);
    if (fields.categories) {
      change(
        'categories',
        normalizeCategories(fields.categories, 'input.categories'),
        plain.categories,
      );
    }
    if (fields.openingHours) {
      const hours = hoursOf(fields.openingHours, 'input.openingHours');
      change('openingHours', hours.openingHours, plainHours(plain.openingHours));
      if ($set.openingHours) $set.openIntervals = hours.openIntervals;
    }
    if (fields.address) {
      const address = plainAddress(fields.address);
      change('address', address, plain.address);
      // A move changes the cells that "near" queries match.
      if ($set.address) Object.assign($set, cellsOf(address));
    }
    if (changed.length === 0) return boutique;
    const event = this.outbox.event('boutique.updated', boutique.id, {
      boutiqueId: boutique.id,
      changed,
    });
    const updated = await this.boutiques
      .findOneAndUpdate({ _id: boutique._id }, updateWithEvents({ $set }, event), {
        returnDocument: 'after',
      })
      .exec();
    if (!updated) throw Errors.notFound('Boutique', id);
    this.outbox.written();
    return updated;
  }

  /** A boutique by id: approved ones for everyone, others for their team and admins. */
  async boutique(ctx: AuthContext, id: string): Promise<BoutiqueDocument> {
    const boutique = await this.boutiques.findById(toObjectId(id, 'id')).exec();
    if (!boutique || !canSee(boutique, ctx.viewer)) throw Errors.notFound('Boutique', id);
    return boutique;
  }

  async bySlug(ctx: AuthContext, slug: string): Promise<BoutiqueDocument> {
    const boutique = await this.boutiques.findOne({ slug: slug.trim().toLowerCase() }).exec();
    if (!boutique || !canSee(boutique, ctx.viewer)) throw Errors.notFound('Boutique', slug);
    return boutique;
  }

  /** The boutiques a user owns or staffs, whatever their status: for that user and admins. */
  async ofUser(
    ctx: AuthContext,
    userId: string,
    page: Page,
  ): Promise<ConnectionResult<BoutiqueDocument>> {
    requireOwnerOr(ctx, userId, Role.ADMIN);
    return paginate(
      this.boutiques,
      { $or: [{ ownerId: userId }, { staffIds: userId }] },
      page,
    ) as Promise<ConnectionResult<BoutiqueDocument>>;
  }

  /** The admin queue: boutiques in a status, oldest first. */
  async forReview(
    ctx: AuthContext,
    status: BoutiqueStatus,
    page: Page,
  ): Promise<ConnectionResult<BoutiqueDocument>> {
    requireRole(ctx, Role.ADMIN);
    return paginate(this.boutiques, { status }, { ...page, direction: 'asc' }) as Promise<
      ConnectionResult<BoutiqueDocument>
    >;
  }

  /**
   * Loads many boutiques in one query, in the order of `ids` (null where there is none). For
   * entity references: another subgraph that holds a boutique's id (an order, a product) shows it
   * whatever its status; its private fields stay guarded.
   */
  async byIds(ids: readonly string[]): Promise<(BoutiqueDocument | null)[]> {
    const found = await this.boutiques.find({ _id: { $in: objectIdsOf(ids) } }).exec();
    return inOrderOf(ids, found, (b) => b.id);
  }

  async load(id: string, field = 'id'): Promise<BoutiqueDocument> {
    const boutique = await this.boutiques.findById(toObjectId(id, field)).exec();
    if (!boutique) throw Errors.notFound('Boutique', id);
    return boutique;
  }
}
