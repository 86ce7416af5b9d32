import 'reflect-metadata';
import {
  BoutiqueTeams,
  createBoutiqueTeamModel,
  SubgraphRuntime,
  type RunningSubgraph,
} from '@vitrine/platform';
import type { OrdersConfig } from './config.js';
import { orderSagaHandlers } from './events/consumers/order-saga.consumer.js';
import { productHandlers } from './events/consumers/product.consumer.js';
import { createLoaders, type OrdersContext } from './loaders.js';
import { createCartModel } from './models/cart.model.js';
import { createCatalogProductModel } from './models/catalog-product.model.js';
import { createCheckoutModel } from './models/checkout.model.js';
import { createOrderModel } from './models/order.model.js';
import { buildOrdersSchema } from './schema.js';
import { CartService } from './services/cart.service.js';
import { CheckoutService } from './services/checkout.service.js';
import { OrderFeed } from './services/order-feed.js';
import { OrderService } from './services/order.service.js';
import { ReadModelService } from './services/read-model.service.js';

export { loadOrdersConfig, type OrdersConfig } from './config.js';
export { buildOrdersSchema } from './schema.js';

/**
 * Starts the orders subgraph: carts, checkout, orders and their lifecycle. It keeps read models
 * of boutique teams and products from their events, answers the stock saga and payments, and
 * cancels orders left unpaid.
 */
export async function createOrdersSubgraph(config: OrdersConfig): Promise<RunningSubgraph> {
  const runtime = await SubgraphRuntime.create(config);
  const orderModel = createOrderModel(runtime.db);
  const cartModel = createCartModel(runtime.db);
  const checkoutModel = createCheckoutModel(runtime.db);
  const teamModel = createBoutiqueTeamModel(runtime.db);
  const productModel = createCatalogProductModel(runtime.db);
  runtime.outbox(orderModel).indexes(cartModel, checkoutModel, teamModel, productModel);

  const outbox = runtime.outboxWriter;
  const teams = new BoutiqueTeams(teamModel);
  const readModel = new ReadModelService(teams, productModel);
  const carts = new CartService(cartModel, readModel);
  const orders = new OrderService(
    orderModel,
    readModel,
    outbox,
    runtime.logger.child({ component: 'orders' }),
    config.payment.timeoutMs,
  );
  const checkouts = new CheckoutService(checkoutModel, orderModel, carts, outbox, config.pricing);

  runtime.consume([
    ...teams.handlers(),
    ...productHandlers(readModel),
    ...orderSagaHandlers(orders),
  ]);
  runtime.every('cancel unpaid orders', config.payment.sweepIntervalMs, () =>
    orders.cancelUnpaid(),
  );

  const pubSub = runtime.subscriptions(['order.status_updated', 'order.cancelled']);
  const orderFeed = new OrderFeed(pubSub, orders);
  const schema = await buildOrdersSchema({ carts, checkouts, orders }, pubSub);
  return runtime.serve<OrdersContext>({
    schema,
    context: (base) => ({ ...base, loaders: createLoaders(orders, readModel), orderFeed }),
  });
}
