import type { AuthContext } from '@vitrine/platform';
import type { PubSub } from 'type-graphql';
import type { OrderService } from './order.service.js';

/**
 * Responsible for opening live order feeds: the access check happens when the subscription
 * starts, so a forbidden subscriber gets FORBIDDEN at once rather than silence.
 *
 * The feed listens to `order.status_updated` only: every change of status, cancellations
 * included, emits one, so a cancellation is delivered once (its `order.cancelled` twin carries
 * nothing a subscriber needs).
 */
export class OrderFeed {
  constructor(
    private readonly pubSub: PubSub,
    private readonly orders: OrderService,
  ) {}

  async open(ctx: AuthContext, orderId: string): Promise<AsyncIterable<unknown>> {
    await this.orders.assertCanWatch(ctx, orderId);
    return this.pubSub.subscribe('order.status_updated', orderId);
  }
}
