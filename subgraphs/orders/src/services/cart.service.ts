import {
  Errors,
  isDuplicateKeyError,
  requireOwnerOr,
  requireViewer,
  Role,
  toObjectId,
  type AuthContext,
} from '@vitrine/platform';
import type { CartItem, CartModel } from '../models/cart.model.js';
import type { CartLine, CartView } from '../models/cart-view.model.js';
import { assessItem, MAX_QUANTITY, unavailability, type AssessedItem } from './cart-line.js';
import { lineTotal, sumMoney } from './pricing.js';
import type { ReadModelService } from './read-model.service.js';

export const MAX_CART_LINES = 50;
const MAX_EDIT_ATTEMPTS = 10;

export interface StoredCart {
  items: CartItem[];
  revision: number;
}

/**
 * Responsible for customers' carts: edits validated against the product and boutique read models,
 * concurrency-safe (one document per cart, every write guarded by its revision), and the cart as
 * the customer sees it, priced now, with the lines that changed since they were added flagged.
 */
export class CartService {
  constructor(
    private readonly carts: CartModel,
    private readonly readModel: ReadModelService,
  ) {}

  /** The viewer's cart, or a user's cart for themselves or an admin (`User.cart`). */
  async cart(ctx: AuthContext, customerId?: string): Promise<CartView> {
    const viewer = customerId ? requireOwnerOr(ctx, customerId, Role.ADMIN) : requireViewer(ctx);
    const id = customerId ?? viewer.id;
    return this.view(id, await this.stored(id));
  }

  async addToCart(
    ctx: AuthContext,
    input: { productId: string; variantId: string; quantity: number },
  ): Promise<CartView> {
    const viewer = requireViewer(ctx);
    toObjectId(input.productId, 'productId');
    toObjectId(input.variantId, 'variantId');
    const [product] = await this.readModel.productsByIds([input.productId]);
    const [team] = product ? await this.readModel.teamsByIds([product.boutiqueId]) : [null];
    const cart = await this.edit(viewer.id, (items) => {
      const existing = items.find((i) => i.variantId === input.variantId);
      const quantity = (existing?.quantity ?? 0) + input.quantity;
      if (quantity > MAX_QUANTITY) {
        throw Errors.badUserInput(
          'quantity',
          `At most ${MAX_QUANTITY} of one variant per cart (${existing?.quantity ?? 0} already in it)`,
        );
      }
      const problem = unavailability(product, team, input.variantId, quantity);
      if (problem) throw Errors.badUserInput(problem.field, problem.message);
      const variant = product!.variants.find((v) => v.variantId === input.variantId)!;
      const currency = items.find((i) => i.variantId !== input.variantId)?.shownUnitPrice.currency;
      if (currency && currency !== variant.price.currency) {
        throw Errors.badUserInput(
          'productId',
          `Your cart is in ${currency}; this product is priced in ${variant.price.currency}`,
        );
      }
      if (existing) {
        return items.map((i) =>
          i === existing ? { ...i, quantity, shownUnitPrice: { ...variant.price } } : i,
        );
      }
      if (items.length >= MAX_CART_LINES) {
        throw Errors.badUserInput('productId', `A cart holds at most ${MAX_CART_LINES} lines`);
      }
      return [
        ...items,
        {
          productId: input.productId,
          variantId: input.variantId,
          quantity,
          shownUnitPrice: { ...variant.price },
          addedAt: new Date(),
        },
      ];
    });
    return this.view(viewer.id, cart);
  }

  /** Sets a line's quantity (the line then shows the current price). */
  async updateCartItem(
    ctx: AuthContext,
    input: { variantId: string; quantity: number },
  ): Promise<CartView> {
    const viewer = requireViewer(ctx);
    const line = await this.lineOf(viewer.id, input.variantId);
    const [product] = await this.readModel.productsByIds([line.productId]);
    const [team] = product ? await this.readModel.teamsByIds([product.boutiqueId]) : [null];
    const problem = unavailability(product, team, input.variantId, input.quantity);
    if (problem) throw Errors.badUserInput(problem.field, problem.message);
    const price = product!.variants.find((v) => v.variantId === input.variantId)!.price;
    const cart = await this.edit(viewer.id, (items) => {
      if (!items.some((i) => i.variantId === input.variantId)) {
        throw Errors.badUserInput('variantId', 'This variant is not in your cart');
      }
      return items.map((i) =>
        i.variantId === input.variantId
          ? { ...i, quantity: input.quantity, shownUnitPrice: { ...price } }
          : i,
      );
    });
    return this.view(viewer.id, cart);
  }

  async removeFromCart(ctx: AuthContext, variantId: string): Promise<CartView> {
    const viewer = requireViewer(ctx);
    await this.lineOf(viewer.id, variantId);
    const cart = await this.edit(viewer.id, (items) =>
      items.filter((i) => i.variantId !== variantId),
    );
    return this.view(viewer.id, cart);
  }

  async clearCart(ctx: AuthContext): Promise<CartView> {
    const viewer = requireViewer(ctx);
    const cart = await this.edit(viewer.id, () => []);
    return this.view(viewer.id, cart);
  }

  /**
   * The customer has seen the current prices: every line's shown price becomes its current price,
   * so checkout no longer refuses for price changes. Unavailable lines stay flagged.
   */
  async acceptCartChanges(ctx: AuthContext): Promise<CartView> {
    const viewer = requireViewer(ctx);
    const current = await this.stored(viewer.id);
    const products = await this.readModel.productsByIds(current.items.map((i) => i.productId));
    const priceOf = new Map(
      products.flatMap((p) => p?.variants.map((v) => [v.variantId, v.price] as const) ?? []),
    );
    const cart = await this.edit(viewer.id, (items) =>
      items.map((i) => {
        const price = priceOf.get(i.variantId);
        return price ? { ...i, shownUnitPrice: { ...price } } : i;
      }),
    );
    return this.view(viewer.id, cart);
  }

  /** The stored cart (empty at revision 0 when the customer never had one). */
  async stored(customerId: string): Promise<StoredCart> {
    const cart = await this.carts.findById(toObjectId(customerId)).lean().exec();
    return { items: cart?.items ?? [], revision: cart?.revision ?? 0 };
  }

  /** Judges each item against the read models: two queries whatever the number of lines. */
  async assess(items: CartItem[]): Promise<AssessedItem[]> {
    const products = await this.readModel.productsByIds(items.map((i) => i.productId));
    const teams = await this.readModel.teamsByIds(
      products.map((p) => p?.boutiqueId ?? '').filter(Boolean),
    );
    const teamById = new Map(teams.filter((t) => t !== null).map((t) => [t._id, t]));
    return items.map((item, i) => {
      const product = products[i] ?? null;
      return assessItem(item, product, product ? (teamById.get(product.boutiqueId) ?? null) : null);
    });
  }

  async view(customerId: string, cart: StoredCart): Promise<CartView> {
    const assessed = await this.assess(cart.items);
    const lines: CartLine[] = assessed.map((a) => ({
      id: a.item.variantId,
      productId: a.item.productId,
      boutiqueId: a.product?.boutiqueId ?? '',
      variantId: a.item.variantId,
      title: a.product?.title ?? '',
      sku: a.variant?.sku ?? '',
      size: a.variant?.size ?? null,
      colour: a.variant?.colour ?? null,
      quantity: a.item.quantity,
      unitPrice: a.unitPrice,
      shownUnitPrice: { ...a.item.shownUnitPrice },
      lineTotal: lineTotal(a.unitPrice, a.item.quantity),
      available: a.available,
      priceChanged: a.priceChanged,
      unavailable: a.unavailable,
      message: a.message,
    }));
    const currency = lines[0]?.unitPrice.currency;
    return {
      id: customerId,
      lines,
      itemCount: lines.reduce((n, l) => n + l.quantity, 0),
      subtotal: currency
        ? sumMoney(
            lines.map((l) => l.lineTotal),
            currency,
          )
        : null,
      needsReview: lines.some((l) => l.priceChanged || l.unavailable),
      revision: cart.revision,
    };
  }

  /**
   * Empties the cart for a checkout, only if it is still at the revision the checkout priced:
   * the claim that keeps two checkouts from buying one cart twice. Returns whether this
   * checkout holds the claim (now, or from an earlier attempt of the same checkout).
   */
  async claimForCheckout(customerId: string, revision: number, checkoutRecordId: string) {
    const _id = toObjectId(customerId);
    const result = await this.carts
      .updateOne(
        { _id, revision },
        { $set: { items: [], lastCheckout: checkoutRecordId }, $inc: { revision: 1 } },
      )
      .exec();
    if (result.modifiedCount) return true;
    const cart = await this.carts.findById(_id).lean().exec();
    return cart?.lastCheckout === checkoutRecordId;
  }

  private async lineOf(customerId: string, variantId: string): Promise<CartItem> {
    toObjectId(variantId, 'variantId');
    const line = (await this.stored(customerId)).items.find((i) => i.variantId === variantId);
    if (!line) throw Errors.badUserInput('variantId', 'This variant is not in your cart');
    return line;
  }

  /**
   * Read, change, write back, guarded by the cart's revision: a concurrent edit makes the write
   * miss, and the change is applied again to the new state. A failed check changes nothing.
   */
  private async edit(
    customerId: string,
    change: (items: CartItem[]) => CartItem[],
  ): Promise<StoredCart> {
    const _id = toObjectId(customerId);
    for (let attempt = 0; attempt < MAX_EDIT_ATTEMPTS; attempt++) {
      const cart = await this.carts.findById(_id).lean().exec();
      const items = change(cart?.items ?? []);
      if (!cart) {
        try {
          await this.carts.create({ _id, items, revision: 1 });
          return { items, revision: 1 };
        } catch (err) {
          if (!isDuplicateKeyError(err)) throw err;
          continue;
        }
      }
      const result = await this.carts
        .updateOne({ _id, revision: cart.revision }, { $set: { items }, $inc: { revision: 1 } })
        .exec();
      if (result.modifiedCount) return { items, revision: cart.revision + 1 };
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * (attempt + 1)));
    }
    throw Errors.conflict('Your cart changed during the update; try again', 'cart');
  }
}
