import DataLoader from 'dataloader';
import { type BaseContext, type BoutiqueTeam } from '@vitrine/platform';
import type { OrderDocument } from './models/order.model.js';
import type { OrderFeed } from './services/order-feed.js';
import type { OrderService } from './services/order.service.js';
import type { ReadModelService } from './services/read-model.service.js';

export interface OrdersLoaders {
  order: DataLoader<string, OrderDocument | null>;
  team: DataLoader<string, BoutiqueTeam | null>;
}

/** What a request of the orders subgraph carries: the base context, loaders, the live feed. */
export interface OrdersContext extends BaseContext {
  loaders: OrdersLoaders;
  orderFeed: OrderFeed;
}

/** One database round trip per batch of orders, whatever the number of references in a query. */
export function createLoaders(orders: OrderService, readModel: ReadModelService): OrdersLoaders {
  return {
    order: new DataLoader((ids) => orders.byIds(ids)),
    team: new DataLoader((ids) => readModel.teamsByIds(ids)),
  };
}
