import {
  Errors,
  initialOutbox,
  toObjectId,
  updateWithEvents,
  type AuthContext,
  type CloudEvent,
  type EventPayload,
  type OutboxWriter,
  searchTokensOf,
} from '@vitrine/platform';
import { Types } from 'mongoose';
import { ProductStatus, type ProductDocument, type ProductModel } from '../models/product.model.js';
import type { BoutiqueTeamService } from './boutique-team.service.js';
import type { CategoryService } from './category.service.js';
import type { StockService } from './stock.service.js';
import { checkDistinctSkus, checkPrices, facetsOf, type MoneyData } from './variant-rules.js';

export interface VariantFields {
  sku: string;
  size?: string | null;
  colour?: string | null;
  price: MoneyData;
  compareAtPrice?: MoneyData | null;
  /** Initial units on sale. */
  stock?: number | null;
}

export interface NewProduct {
  boutiqueId: string;
  title: string;
  description?: string | null;
  categoryId?: string | null;
  brand?: string | null;
  tags?: string[] | null;
  images?: string[] | null;
  variants: VariantFields[];
}

/** Only the fields given change; `null` clears a nullable one. */
export interface ProductChanges {
  title?: string | null;
  description?: string | null;
  categoryId?: string | null;
  brand?: string | null;
  tags?: string[] | null;
  images?: string[] | null;
}

export type VariantChanges = Partial<Omit<VariantFields, 'stock'>>;

/** A variant as stored. */
interface VariantData {
  _id: Types.ObjectId;
  sku: string;
  size: string | null;
  colour: string | null;
  price: MoneyData;
  compareAtPrice: MoneyData | null;
}

type Snapshot = EventPayload<'product.created'>['snapshot'];

/** The changes of one edit: fields to set, the new variants, extra events. */
interface Edit {
  changed: string[];
  $set?: Record<string, unknown>;
  variants?: VariantData[];
  inStockDelta?: number;
  events?: CloudEvent[];
}

const MAX_EDIT_ATTEMPTS = 10;

const money = (m: MoneyData): MoneyData => ({ amount: m.amount, currency: m.currency });
const clean = (text: string | null | undefined) => text?.trim() || null;

function plainVariants(product: ProductDocument): VariantData[] {
  return product.variants.map((v) => ({
    _id: v._id,
    sku: v.sku,
    size: v.size,
    colour: v.colour,
    price: money(v.price),
    compareAtPrice: v.compareAtPrice ? money(v.compareAtPrice) : null,
  }));
}

function newVariant(fields: VariantFields): VariantData {
  return {
    _id: new Types.ObjectId(),
    sku: fields.sku.trim(),
    size: clean(fields.size),
    colour: clean(fields.colour),
    price: money(fields.price),
    compareAtPrice: fields.compareAtPrice ? money(fields.compareAtPrice) : null,
  };
}

/**
 * Responsible for writing the catalog: products and their variants, by their boutique's team (and
 * admins). Every edit is one compare-and-swap on the product's `revision`, with `product.updated`
 * (and `product.price_changed` when a price moves) in the same write.
 */
export class ProductService {
  constructor(
    private readonly products: ProductModel,
    private readonly teams: BoutiqueTeamService,
    private readonly categories: CategoryService,
    private readonly stock: StockService,
    private readonly outbox: OutboxWriter,
  ) {}

  async create(ctx: AuthContext, input: NewProduct): Promise<ProductDocument> {
    toObjectId(input.boutiqueId, 'input.boutiqueId');
    const team = await this.teams.get(input.boutiqueId);
    this.teams.requireWriter(ctx, team, input.boutiqueId);
    const currency = input.variants[0].price.currency;
    input.variants.forEach((v, i) => checkPrices(v, currency, `input.variants.${i}`));
    checkDistinctSkus(
      input.variants.map((v) => v.sku.trim()),
      'input.variants',
    );
    const lineage = input.categoryId
      ? await this.categories.lineage(input.categoryId, 'input.categoryId')
      : null;

    const _id = new Types.ObjectId();
    const productId = _id.toHexString();
    const variants = input.variants.map(newVariant);
    const units = input.variants.map((v) => v.stock ?? 0);
    await this.stock.create(
      productId,
      input.boutiqueId,
      variants.map((v, i) => ({ variantId: v._id, sku: v.sku, available: units[i] })),
      (i) => `input.variants.${i}.sku`,
    );
    const fields = {
      boutiqueId: input.boutiqueId,
      title: input.title.trim(),
      description: input.description?.trim() ?? '',
      brand: clean(input.brand),
      tags: (input.tags ?? []).map((t) => t.trim()).filter(Boolean),
      images: input.images ?? [],
      categoryId: lineage?.categoryId ?? null,
      categoryIds: lineage?.ids ?? [],
      categoryNames: lineage?.names ?? [],
      currency,
      variants,
      status: ProductStatus.DRAFT,
    };
    const snapshot = this.snapshot(fields, new Map(variants.map((v, i) => [v._id, units[i]])));
    const event = this.outbox.event('product.created', productId, { productId, snapshot });
    try {
      const product = await this.products.create({
        _id,
        ...fields,
        ...facetsOf(variants),
        searchTokens: searchTokensOf(
          fields.title,
          fields.brand,
          ...fields.tags,
          ...fields.categoryNames,
        ),
        boutiqueVisible: team!.status === 'approved',
        inStockVariants: units.filter((n) => n > 0).length,
        ...initialOutbox(event),
      });
      this.outbox.written();
      return product;
    } catch (err) {
      await this.stock.discard(variants.map((v) => v._id));
      throw err;
    }
  }

  update(ctx: AuthContext, productId: string, changes: ProductChanges): Promise<ProductDocument> {
    return this.edit(ctx, productId, async (product) => {
      const $set: Record<string, unknown> = {};
      const changed: string[] = [];
      const set = (key: string, value: unknown, current: unknown) => {
        if (JSON.stringify(value) === JSON.stringify(current)) return;
        $set[key] = value;
        changed.push(key);
      };
      if (changes.title != null) set('title', changes.title.trim(), product.title);
      if (changes.description !== undefined) {
        set('description', changes.description?.trim() ?? '', product.description);
      }
      if (changes.brand !== undefined) set('brand', clean(changes.brand), product.brand);
      if (changes.tags != null) {
        set('tags', changes.tags.map((t) => t.trim()).filter(Boolean), [...product.tags]);
      }
      if (changes.images != null) set('images', changes.images, [...product.images]);
      if (changes.categoryId !== undefined && changes.categoryId !== product.categoryId) {
        const lineage = changes.categoryId
          ? await this.categories.lineage(changes.categoryId, 'input.categoryId')
          : null;
        $set.categoryId = lineage?.categoryId ?? null;
        $set.categoryIds = lineage?.ids ?? [];
        $set.categoryNames = lineage?.names ?? [];
        changed.push('category');
      }
      if (!changed.length) return null;
      const next = { ...product.toObject(), ...$set } as ProductDocument;
      $set.searchTokens = searchTokensOf(
        next.title,
        next.brand,
        ...next.tags,
        ...next.categoryNames,
      );
      return { changed, $set };
    });
  }

  setStatus(ctx: AuthContext, productId: string, status: ProductStatus): Promise<ProductDocument> {
    return this.edit(ctx, productId, (product) =>
      product.status === status ? null : { changed: ['status'], $set: { status } },
    );
  }

  async addVariant(
    ctx: AuthContext,
    productId: string,
    fields: VariantFields,
  ): Promise<ProductDocument> {
    const variant = newVariant(fields);
    const units = fields.stock ?? 0;
    let stockCreated = false;
    try {
      return await this.edit(ctx, productId, async (product) => {
        checkPrices(fields, product.currency, 'input');
        const variants = [...plainVariants(product), variant];
        checkDistinctSkus(
          variants.map((v) => v.sku),
          'variants',
        );
        if (!stockCreated) {
          await this.stock.create(
            productId,
            product.boutiqueId,
            [{ variantId: variant._id, sku: variant.sku, available: units }],
            () => 'input.sku',
          );
          stockCreated = true;
        }
        return { changed: ['variants'], variants, inStockDelta: units > 0 ? 1 : 0 };
      });
    } catch (err) {
      if (stockCreated) await this.stock.discard([variant._id]);
      throw err;
    }
  }

  updateVariant(
    ctx: AuthContext,
    productId: string,
    variantId: string,
    changes: VariantChanges,
  ): Promise<ProductDocument> {
    return this.edit(ctx, productId, async (product) => {
      const variants = plainVariants(product);
      const index = variants.findIndex((v) => v._id.toHexString() === variantId);
      if (index < 0) throw Errors.badUserInput('variantId', 'The product has no such variant');
      const before = variants[index];
      const after: VariantData = {
        ...before,
        sku: changes.sku?.trim() ?? before.sku,
        size: changes.size !== undefined ? clean(changes.size) : before.size,
        colour: changes.colour !== undefined ? clean(changes.colour) : before.colour,
        price: changes.price ? money(changes.price) : before.price,
        compareAtPrice:
          changes.compareAtPrice !== undefined
            ? changes.compareAtPrice && money(changes.compareAtPrice)
            : before.compareAtPrice,
      };
      checkPrices(after, product.currency, 'input');
      if (JSON.stringify(after) === JSON.stringify(before)) return null;
      variants[index] = after;
      if (after.sku !== before.sku) {
        checkDistinctSkus(
          variants.map((v) => v.sku),
          'variants',
        );
        await this.stock.rename(variantId, after.sku, 'input.sku');
      }
      const events: CloudEvent[] = [];
      if (after.price.amount !== before.price.amount) {
        events.push(
          this.outbox.event('product.price_changed', productId, {
            productId,
            variantId,
            sku: after.sku,
            oldPrice: before.price,
            newPrice: after.price,
          }),
        );
      }
      return { changed: ['variants'], variants, events };
    });
  }

  async removeVariant(
    ctx: AuthContext,
    productId: string,
    variantId: string,
  ): Promise<ProductDocument> {
    const product = await this.edit(ctx, productId, (current) => {
      const variants = plainVariants(current).filter((v) => v._id.toHexString() !== variantId);
      if (variants.length === current.variants.length) {
        throw Errors.badUserInput('variantId', 'The product has no such variant');
      }
      if (!variants.length) {
        throw Errors.badUserInput('variantId', 'A product keeps at least one variant');
      }
      return { changed: ['variants'], variants };
    });
    // Off sale after the product no longer lists it; out_of_stock keeps search's count right.
    await this.stock.retire(variantId);
    return product;
  }

  async adjustStock(
    ctx: AuthContext,
    productId: string,
    variantId: string,
    delta: number,
  ): Promise<ProductDocument> {
    if (!Number.isInteger(delta) || delta === 0) {
      throw Errors.badUserInput('delta', 'delta must be a non-zero number of units');
    }
    const product = await this.load(productId);
    this.teams.requireWriter(ctx, await this.teams.get(product.boutiqueId), product.boutiqueId);
    if (!product.variants.some((v) => v.id === variantId)) {
      throw Errors.badUserInput('variantId', 'The product has no such variant');
    }
    const outcome = await this.stock.adjust(variantId, delta);
    if (!outcome.ok) {
      throw Errors.badUserInput(
        'delta',
        `Only ${outcome.available} units are available: stock cannot go below zero`,
      );
    }
    return product;
  }

  async load(productId: string, field = 'id'): Promise<ProductDocument> {
    const product = await this.products.findById(toObjectId(productId, field)).exec();
    if (!product) throw Errors.notFound('Product', productId);
    return product;
  }

  /**
   * Applies one edit with a compare-and-swap on `revision`, retried when another edit won, after
   * checking that the viewer writes the product's boutique.
   */
  private async edit(
    ctx: AuthContext,
    productId: string,
    build: (product: ProductDocument) => Promise<Edit | null> | Edit | null,
  ): Promise<ProductDocument> {
    for (let attempt = 0; attempt < MAX_EDIT_ATTEMPTS; attempt++) {
      const product = await this.load(productId, 'productId');
      const team = await this.teams.get(product.boutiqueId);
      this.teams.requireWriter(ctx, team, product.boutiqueId);
      const edit = await build(product);
      if (!edit) return product;
      const $set: Record<string, unknown> = { ...edit.$set };
      if (edit.variants) Object.assign($set, { variants: edit.variants }, facetsOf(edit.variants));
      const next = { ...product.toObject(), ...$set } as ProductDocument;
      const levels = new Map(
        (await this.stock.byIds(next.variants.map((v) => v._id.toHexString()))).map((s) => [
          s._id.toHexString(),
          s.available,
        ]),
      );
      const updated = this.outbox.event('product.updated', productId, {
        productId,
        changed: edit.changed,
        snapshot: this.snapshot(next, levels),
      });
      const result = await this.products
        .findOneAndUpdate(
          { _id: product._id, revision: product.revision },
          {
            ...updateWithEvents({ $set }, ...(edit.events ?? []), updated),
            $inc: { revision: 1, inStockVariants: edit.inStockDelta ?? 0 },
          },
          { returnDocument: 'after' },
        )
        .exec();
      if (result) {
        this.outbox.written();
        return result;
      }
    }
    throw Errors.conflict('The product changed meanwhile; try again');
  }

  /** What other domains keep of a product (product.created / product.updated). */
  private snapshot(
    product: Pick<NewProduct, 'boutiqueId' | 'title'> & {
      categoryIds: string[];
      status: ProductStatus;
      variants: VariantData[];
    },
    available: Map<unknown, number>,
  ): Snapshot {
    return {
      boutiqueId: product.boutiqueId,
      title: product.title,
      categoryIds: [...product.categoryIds],
      status: product.status,
      variants: product.variants.map((v) => ({
        variantId: v._id.toHexString(),
        sku: v.sku,
        size: v.size,
        colour: v.colour,
        price: money(v.price),
        compareAtPrice: v.compareAtPrice ? money(v.compareAtPrice) : null,
        available: available.get(v._id) ?? available.get(v._id.toHexString()) ?? 0,
      })),
    };
  }
}
