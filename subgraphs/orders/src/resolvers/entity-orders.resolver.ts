import type { ConnectionResult } from '@vitrine/platform';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../loaders.js';
import { CartView } from '../models/cart-view.model.js';
import { BoutiqueRef, UserRef } from '../models/entity-refs.model.js';
import type { OrderDocument } from '../models/order.model.js';
import type { CartService } from '../services/cart.service.js';
import type { OrderService } from '../services/order.service.js';
import { OrderConnection, OrdersArgs } from './types/order.types.js';

/** `User.orders` and `User.cart`: for the user themselves and admins. */
@Resolver(() => UserRef)
export class UserOrdersResolver {
  constructor(
    private readonly orderService: OrderService,
    private readonly carts: CartService,
  ) {}

  @FieldResolver(() => OrderConnection, { description: "The user's orders, newest first." })
  orders(
    @Root() user: Pick<UserRef, 'id'>,
    @Args() { filter, first, after }: OrdersArgs,
    @Ctx() ctx: OrdersContext,
  ): Promise<ConnectionResult<OrderDocument>> {
    return this.orderService.listForCustomer(ctx, user.id, filter ?? {}, { first, after });
  }

  @FieldResolver(() => CartView)
  cart(@Root() user: Pick<UserRef, 'id'>, @Ctx() ctx: OrdersContext): Promise<CartView> {
    return this.carts.cart(ctx, user.id);
  }
}

/** `Boutique.orders`: for the boutique's owner and staff, and admins. */
@Resolver(() => BoutiqueRef)
export class BoutiqueOrdersResolver {
  constructor(private readonly orderService: OrderService) {}

  @FieldResolver(() => OrderConnection, { description: "The boutique's orders, newest first." })
  orders(
    @Root() boutique: Pick<BoutiqueRef, 'id'>,
    @Args() { filter, first, after }: OrdersArgs,
    @Ctx() ctx: OrdersContext,
  ): Promise<ConnectionResult<OrderDocument>> {
    return this.orderService.listForBoutique(ctx, boutique.id, filter ?? {}, { first, after });
  }
}
