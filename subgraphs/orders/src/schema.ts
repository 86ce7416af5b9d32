import { buildFederatedSchema, Errors } from '@vitrine/platform';
import type { GraphQLSchema } from 'graphql';
import type { PubSub } from 'type-graphql';
import { CartLineResolver, CartResolver } from './resolvers/cart.resolver.js';
import { CheckoutResolver } from './resolvers/checkout.resolver.js';
import { BoutiqueOrdersResolver, UserOrdersResolver } from './resolvers/entity-orders.resolver.js';
import { OrderLiveResolver } from './resolvers/order-live.resolver.js';
import { references } from './resolvers/order.reference.js';
import { OrderItemResolver, OrderResolver } from './resolvers/order.resolver.js';
import type { CartService } from './services/cart.service.js';
import type { CheckoutService } from './services/checkout.service.js';
import type { OrderService } from './services/order.service.js';

export interface OrdersServices {
  carts: CartService;
  checkouts: CheckoutService;
  orders: OrderService;
}

export const resolvers = [
  CartResolver,
  CartLineResolver,
  CheckoutResolver,
  OrderResolver,
  OrderItemResolver,
  UserOrdersResolver,
  BoutiqueOrdersResolver,
  OrderLiveResolver,
] as const;

const unavailable = () => {
  throw Errors.internal();
};

/**
 * The orders subgraph schema. Without services (as when the SDL is emitted) the resolvers are
 * never called; with them, each resolver class gets its services through its constructor.
 */
export function buildOrdersSchema(
  services?: OrdersServices,
  pubSub?: PubSub,
): Promise<GraphQLSchema> {
  const instances = new Map<unknown, unknown>([
    [CartLineResolver, new CartLineResolver()],
    [OrderItemResolver, new OrderItemResolver()],
    [OrderLiveResolver, new OrderLiveResolver()],
  ]);
  if (services) {
    instances.set(CartResolver, new CartResolver(services.carts));
    instances.set(CheckoutResolver, new CheckoutResolver(services.checkouts));
    instances.set(OrderResolver, new OrderResolver(services.orders));
    instances.set(UserOrdersResolver, new UserOrdersResolver(services.orders, services.carts));
    instances.set(BoutiqueOrdersResolver, new BoutiqueOrdersResolver(services.orders));
  }
  return buildFederatedSchema({
    resolvers,
    references: services
      ? references(services.orders, services.carts)
      : {
          Order: { __resolveReference: unavailable },
          Cart: { __resolveReference: unavailable },
          User: { __resolveReference: unavailable },
          Boutique: { __resolveReference: unavailable },
        },
    pubSub: pubSub ?? { publish: () => undefined, subscribe: () => (async function* () {})() },
    container: { get: (someClass) => instances.get(someClass) },
  });
}
