import { ConnectionArgs, type ConnectionResult } from '@vitrine/platform';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { PaymentsContext } from '../context.js';
import { BoutiqueRef } from '../models/entity-refs.model.js';
import type { CouponDocument } from './coupon.model.js';
import type { CouponService } from './coupon.service.js';
import { CouponConnection, CouponView, CreateCouponInput } from './coupon.types.js';

@Resolver(() => CouponView)
export class CouponResolver {
  constructor(private readonly service: CouponService) {}

  @Authorized()
  @Mutation(() => CouponView, {
    description: "Creates a coupon: admins any, a boutique's owner one for their boutique only.",
  })
  createCoupon(
    @Arg('input', () => CreateCouponInput) input: CreateCouponInput,
    @Ctx() ctx: PaymentsContext,
  ): Promise<CouponDocument> {
    return this.service.create(ctx, input);
  }

  @Authorized()
  @Mutation(() => CouponView, { description: 'Stops a coupon from applying to new checkouts.' })
  deactivateCoupon(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: PaymentsContext,
  ): Promise<CouponDocument> {
    return this.service.deactivate(ctx, id);
  }

  @Authorized()
  @Query(() => CouponConnection, { description: 'Every coupon, newest first (admins).' })
  coupons(
    @Args() page: ConnectionArgs,
    @Ctx() ctx: PaymentsContext,
  ): Promise<ConnectionResult<CouponDocument>> {
    return this.service.list(ctx, page);
  }
}

/** `Boutique.coupons`: for the boutique's owner and staff, and admins. */
@Resolver(() => BoutiqueRef)
export class BoutiqueCouponsResolver {
  constructor(private readonly service: CouponService) {}

  @FieldResolver(() => CouponConnection, { description: "The boutique's coupons, newest first." })
  coupons(
    @Root() boutique: Pick<BoutiqueRef, 'id'>,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: PaymentsContext,
  ): Promise<ConnectionResult<CouponDocument>> {
    return this.service.listForBoutique(ctx, boutique.id, page);
  }
}
