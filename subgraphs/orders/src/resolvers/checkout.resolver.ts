import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { OrdersContext } from '../loaders.js';
import type { CheckoutService } from '../services/checkout.service.js';
import {
  ShippingAddressInput,
  CartChanged,
  Checkout,
  CheckoutResult,
} from './types/order.types.js';

@Resolver()
export class CheckoutResolver {
  constructor(private readonly checkouts: CheckoutService) {}

  @Authorized()
  @Mutation(() => CheckoutResult, {
    description:
      'Turns the cart into one order per boutique under one checkout id, priced from the catalog. The same idempotencyKey returns the same checkout and creates nothing twice. CartChanged when a line changed since it was shown.',
  })
  async checkout(
    @Arg('idempotencyKey') idempotencyKey: string,
    @Arg('shippingAddress', () => ShippingAddressInput) shippingAddress: ShippingAddressInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<Checkout | CartChanged> {
    const outcome = await this.checkouts.checkout(ctx, idempotencyKey, shippingAddress);
    if (outcome.kind === 'cart_changed') return { message: outcome.message, cart: outcome.cart };
    const { kind: _kind, ...checkout } = outcome;
    return checkout;
  }
}
