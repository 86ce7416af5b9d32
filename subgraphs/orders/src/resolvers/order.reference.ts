import { Errors } from '@vitrine/platform';
import type { OrdersContext } from '../loaders.js';
import type { OrderDocument } from '../models/order.model.js';
import type { CartView } from '../models/cart-view.model.js';
import type { CartService } from '../services/cart.service.js';
import type { OrderService } from '../services/order.service.js';

/**
 * `__resolveReference` of the entities this subgraph owns (`Order`, `Cart`) or extends (`User`,
 * `Boutique`: their key is all it needs). Orders load through the per-request DataLoader (one
 * query per request), then pass the same visibility check as `order(id)`.
 */
export function references(orders: OrderService, carts: CartService) {
  return {
    Order: {
      __resolveReference: async (
        reference: { id: string },
        ctx: OrdersContext,
      ): Promise<OrderDocument | null> => {
        const order = await ctx.loaders.order.load(reference.id);
        if (!order) throw Errors.notFound('Order', reference.id);
        await orders.assertCanView(ctx, order, await ctx.loaders.team.load(order.boutiqueId));
        return order;
      },
    },
    Cart: {
      __resolveReference: (reference: { id: string }, ctx: OrdersContext): Promise<CartView> =>
        carts.cart(ctx, reference.id),
    },
    User: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
    Boutique: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
  };
}
