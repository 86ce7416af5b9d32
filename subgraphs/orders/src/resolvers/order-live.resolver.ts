import type { CloudEvent } from '@vitrine/platform';
import {
  Arg,
  Authorized,
  Ctx,
  ID,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import type { OrdersContext } from '../loaders.js';
import { Order, type OrderDocument } from '../models/order.model.js';

/** Live order status for its customer and its boutique's team. */
@Resolver(() => Order)
export class OrderLiveResolver {
  @Authorized()
  @Subscription(() => Order, {
    description:
      'The order each time its status changes. Only its customer and its boutique’s owner and staff (FORBIDDEN for anyone else).',
    subscribe: ({
      args,
      context,
    }: SubscribeResolverData<unknown, { orderId: string }, OrdersContext>) =>
      context.orderFeed.open(context, args.orderId),
  })
  async orderUpdated(
    @Root() event: CloudEvent<'order.status_updated'>,
    @Arg('orderId', () => ID) _orderId: string,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderDocument> {
    // The event says what changed; the subscriber gets the order as it is now.
    ctx.loaders.order.clear(event.subject);
    const order = await ctx.loaders.order.load(event.subject);
    return order!;
  }
}
