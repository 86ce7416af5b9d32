import {
  Errors,
  hasRole,
  isDuplicateKeyError,
  markApplied,
  notYetApplied,
  paginate,
  requireRole,
  requireViewer,
  Role,
  toObjectId,
  tryObjectId,
  type AuthContext,
  type ConnectionResult,
  type Money,
  isTeamMember,
} from '@vitrine/platform';
import { allocate } from '../services/money.js';
import type { ReadModelService } from '../services/read-model.service.js';
import {
  CouponKind,
  type Coupon,
  type CouponDocument,
  type CouponModel,
  type CouponUsageModel,
} from './coupon.model.js';

export interface NewCoupon {
  code: string;
  description?: string | null;
  kind: CouponKind;
  percentOff?: number | null;
  amountOff?: Money | null;
  minOrder?: Money | null;
  validFrom?: Date | null;
  validUntil?: Date | null;
  maxRedemptions?: number | null;
  perCustomerLimit?: number | null;
  boutiqueId?: string | null;
  categoryId?: string | null;
}

/** An item line of a checkout, as a coupon sees it. */
export interface DiscountLine {
  orderId: string;
  boutiqueId: string;
  productId: string;
  /** The line total, in minor units. */
  amount: number;
}

export interface CouponQuote {
  coupon: CouponDocument;
  amount: number;
  /** The discount of each order (those of no eligible item get 0). */
  byOrder: Map<string, number>;
}

const FIELD = 'input.couponCode';
/** Payments kept per coupon to recognise a retried redemption. */
const KEEP_REDEMPTIONS = 1000;

export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * Responsible for coupons: who may create them (admins any; a boutique's owner only for their
 * boutique), whether one applies to a checkout and for how much, and redemptions that count
 * exactly once, even for concurrent checkouts: the per-customer count and the global one are each
 * a conditional update, and the payment's id recorded with each makes a retry count nothing more.
 */
export class CouponService {
  constructor(
    private readonly coupons: CouponModel,
    private readonly usages: CouponUsageModel,
    private readonly readModel: ReadModelService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async create(ctx: AuthContext, input: NewCoupon): Promise<CouponDocument> {
    const viewer = requireViewer(ctx);
    if (!hasRole(viewer, Role.ADMIN)) {
      const team = input.boutiqueId ? await this.readModel.team(input.boutiqueId) : null;
      if (!team || team.ownerId !== viewer.id) {
        throw Errors.forbidden(
          "Only admins, or a boutique's owner for their boutique, create coupons",
        );
      }
    }
    const code = normalizeCode(input.code);
    this.validate(input);
    try {
      return await this.coupons.create({
        code,
        description: input.description?.trim() ?? '',
        kind: input.kind,
        percentOff: input.kind === CouponKind.PERCENTAGE ? input.percentOff : null,
        amountOff: input.kind === CouponKind.FIXED ? { ...input.amountOff! } : null,
        minOrder: input.minOrder ? { ...input.minOrder } : null,
        validFrom: input.validFrom ?? null,
        validUntil: input.validUntil ?? null,
        maxRedemptions: input.maxRedemptions ?? null,
        remaining: input.maxRedemptions ?? null,
        redeemed: 0,
        perCustomerLimit: input.perCustomerLimit ?? 1,
        boutiqueId: input.boutiqueId ?? null,
        categoryId: input.categoryId ?? null,
        active: true,
        createdBy: viewer.id,
      });
    } catch (err) {
      if (isDuplicateKeyError(err))
        throw Errors.conflict(`The code ${code} is taken`, 'input.code');
      throw err;
    }
  }

  async deactivate(ctx: AuthContext, id: string): Promise<CouponDocument> {
    const coupon = await this.visible(ctx, id);
    const updated = await this.coupons
      .findOneAndUpdate(
        { _id: coupon._id },
        { $set: { active: false } },
        { returnDocument: 'after' },
      )
      .exec();
    return updated!;
  }

  async list(ctx: AuthContext, page: { first: number; after?: string | null }) {
    requireRole(ctx, Role.ADMIN);
    return paginate(this.coupons, {}, page) as Promise<ConnectionResult<CouponDocument>>;
  }

  async listForBoutique(
    ctx: AuthContext,
    boutiqueId: string,
    page: { first: number; after?: string | null },
  ): Promise<ConnectionResult<CouponDocument>> {
    await this.assertTeamOrAdmin(ctx, boutiqueId);
    return paginate(this.coupons, { boutiqueId }, page) as Promise<
      ConnectionResult<CouponDocument>
    >;
  }

  /**
   * What the coupon of this code takes off these lines, or BAD_USER_INPUT (field
   * `input.couponCode`) saying why it does not apply.
   */
  async quote(
    code: string,
    customerId: string,
    currency: string,
    lines: DiscountLine[],
  ): Promise<CouponQuote> {
    const now = this.clock();
    const coupon = await this.coupons.findOne({ code: normalizeCode(code) }).exec();
    if (!coupon || !coupon.active) {
      throw Errors.badUserInput(FIELD, 'This coupon does not exist or is no longer valid');
    }
    if (coupon.validFrom && now < coupon.validFrom) {
      throw Errors.badUserInput(FIELD, 'This coupon is not valid yet');
    }
    if (coupon.validUntil && now > coupon.validUntil) {
      throw Errors.badUserInput(FIELD, 'This coupon has expired');
    }
    if (coupon.remaining !== null && coupon.remaining <= 0) {
      throw Errors.badUserInput(FIELD, 'This coupon has been used up');
    }
    const money = coupon.amountOff ?? coupon.minOrder;
    if (money && money.currency !== currency) {
      throw Errors.badUserInput(FIELD, `This coupon applies to orders in ${money.currency} only`);
    }
    const eligible = await this.eligibleLines(coupon, lines);
    const base = eligible.reduce((sum, l) => sum + l.amount, 0);
    if (base === 0) throw Errors.badUserInput(FIELD, 'This coupon applies to none of your items');
    if (coupon.minOrder && base < coupon.minOrder.amount) {
      throw Errors.badUserInput(FIELD, 'Your order is below the minimum of this coupon');
    }
    const usage = await this.usages.findById(`${coupon.id}|${customerId}`).lean().exec();
    if (usage && usage.count >= coupon.perCustomerLimit) {
      throw Errors.badUserInput(FIELD, 'You have already used this coupon');
    }
    const amount =
      coupon.kind === CouponKind.PERCENTAGE
        ? Math.floor((base * coupon.percentOff!) / 100)
        : Math.min(coupon.amountOff!.amount, base);
    const orderIds = [...new Set(lines.map((l) => l.orderId))];
    const bases = orderIds.map((id) =>
      eligible.filter((l) => l.orderId === id).reduce((sum, l) => sum + l.amount, 0),
    );
    const shares = allocate(amount, bases);
    return { coupon, amount, byOrder: new Map(orderIds.map((id, i) => [id, shares[i]])) };
  }

  async byId(id: string): Promise<CouponDocument> {
    const coupon = await this.coupons.findById(toObjectId(id)).exec();
    if (!coupon) throw Errors.badUserInput(FIELD, 'This coupon does not exist any more');
    return coupon;
  }

  /**
   * Counts one redemption of the coupon for the payment, once: BAD_USER_INPUT when the customer
   * or the coupon has reached its limit meanwhile (then nothing is counted).
   */
  async redeem(coupon: Coupon, couponId: string, customerId: string, paymentId: string) {
    const usageId = `${couponId}|${customerId}`;
    try {
      await this.usages
        .updateOne(
          {
            _id: usageId,
            count: { $lt: coupon.perCustomerLimit },
            ...notYetApplied(paymentId),
          },
          { $inc: { count: 1 }, ...markApplied(paymentId, 100) },
          { upsert: true },
        )
        .exec();
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const usage = await this.usages.findById(usageId).lean().exec();
      if (!usage?.appliedEvents.includes(paymentId)) {
        throw Errors.badUserInput(FIELD, 'You have already used this coupon');
      }
    }
    const limited = coupon.maxRedemptions !== null;
    const taken = await this.coupons
      .updateOne(
        {
          _id: toObjectId(couponId),
          active: true,
          ...notYetApplied(paymentId),
          ...(limited && { remaining: { $gt: 0 } }),
        },
        {
          $inc: { redeemed: 1, ...(limited && { remaining: -1 }) },
          ...markApplied(paymentId, KEEP_REDEMPTIONS),
        },
      )
      .exec();
    if (taken.modifiedCount === 1) return;
    const current = await this.coupons.findById(couponId).lean().exec();
    if (current?.appliedEvents.includes(paymentId)) return;
    await this.releaseUsage(usageId, paymentId);
    throw Errors.badUserInput(FIELD, 'This coupon has been used up');
  }

  /** Gives a payment's redemption back (its payment failed); a second call changes nothing. */
  async release(couponId: string, customerId: string, paymentId: string): Promise<void> {
    const coupon = await this.coupons.findById(couponId).lean().exec();
    if (coupon) {
      const limited = coupon.maxRedemptions !== null;
      await this.coupons
        .updateOne(
          { _id: coupon._id, appliedEvents: paymentId },
          {
            $inc: { redeemed: -1, ...(limited && { remaining: 1 }) },
            $pull: { appliedEvents: paymentId },
          },
        )
        .exec();
    }
    await this.releaseUsage(`${couponId}|${customerId}`, paymentId);
  }

  private async releaseUsage(usageId: string, paymentId: string) {
    await this.usages
      .updateOne(
        { _id: usageId, appliedEvents: paymentId },
        { $inc: { count: -1 }, $pull: { appliedEvents: paymentId } },
      )
      .exec();
  }

  private async eligibleLines(coupon: Coupon, lines: DiscountLine[]): Promise<DiscountLine[]> {
    let eligible = coupon.boutiqueId
      ? lines.filter((l) => l.boutiqueId === coupon.boutiqueId)
      : lines;
    if (coupon.categoryId) {
      const categories = await this.readModel.categoriesOf(eligible.map((l) => l.productId));
      eligible = eligible.filter((l) =>
        (categories.get(l.productId) ?? []).includes(coupon.categoryId!),
      );
    }
    return eligible;
  }

  private validate(input: NewCoupon) {
    if (!/^[A-Z0-9_-]{3,32}$/.test(normalizeCode(input.code))) {
      throw Errors.badUserInput('input.code', 'A code is 3 to 32 letters, digits, - or _');
    }
    if (input.kind === CouponKind.PERCENTAGE) {
      const pct = input.percentOff;
      if (pct == null || !Number.isInteger(pct) || pct < 1 || pct > 100) {
        throw Errors.badUserInput('input.percentOff', 'A percentage coupon takes 1 to 100 % off');
      }
    } else if (!input.amountOff || input.amountOff.amount <= 0) {
      throw Errors.badUserInput('input.amountOff', 'A fixed coupon takes a positive amount off');
    }
    if (input.amountOff && input.minOrder && input.amountOff.currency !== input.minOrder.currency) {
      throw Errors.badUserInput('input.minOrder', 'The minimum is in the currency of the discount');
    }
    if (input.validFrom && input.validUntil && input.validUntil <= input.validFrom) {
      throw Errors.badUserInput('input.validUntil', 'The end of validity comes after its start');
    }
    if (input.categoryId && !tryObjectId(input.categoryId)) {
      throw Errors.badUserInput('input.categoryId', 'Not a category id');
    }
  }

  private async visible(ctx: AuthContext, id: string): Promise<CouponDocument> {
    const _id = tryObjectId(id);
    const coupon = _id ? await this.coupons.findById(_id).exec() : null;
    if (!coupon) throw Errors.notFound('Coupon', id);
    if (coupon.boutiqueId) await this.assertTeamOrAdmin(ctx, coupon.boutiqueId, true);
    else requireRole(ctx, Role.ADMIN);
    return coupon;
  }

  private async assertTeamOrAdmin(ctx: AuthContext, boutiqueId: string, ownerOnly = false) {
    const viewer = requireViewer(ctx);
    if (hasRole(viewer, Role.ADMIN)) return;
    const team = await this.readModel.team(boutiqueId);
    const allowed = ownerOnly ? team?.ownerId === viewer.id : isTeamMember(team, viewer.id);
    if (!allowed) throw Errors.forbidden();
  }
}
