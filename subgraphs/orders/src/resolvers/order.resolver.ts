import { MaxLength, MinLength } from 'class-validator';
import type { ConnectionResult } from '@vitrine/platform';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { OrdersContext } from '../loaders.js';
import { BoutiqueRef, ProductRef, UserRef } from '../models/entity-refs.model.js';
import { Order, OrderItem, OrderStatus, type OrderDocument } from '../models/order.model.js';
import type { OrderService } from '../services/order.service.js';
import { OrderConnection, OrdersArgs } from './types/order.types.js';

@ArgsType()
class CancelOrderArgs {
  @Field(() => ID)
  orderId!: string;

  @Field({ description: 'Why, for the customer and the boutique (1 to 200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  reason!: string;
}

/** Orders: reading them, and every move of their lifecycle (rules in OrderService). */
@Resolver(() => Order)
export class OrderResolver {
  constructor(private readonly orderService: OrderService) {}

  @Authorized()
  @Query(() => Order, {
    description: "An order: its customer's, its boutique team's, or an admin's.",
  })
  order(@Arg('id', () => ID) id: string, @Ctx() ctx: OrdersContext): Promise<OrderDocument> {
    return this.orderService.order(ctx, id);
  }

  @Authorized()
  @Query(() => OrderConnection, { description: 'Every order, newest first. Admins only.' })
  orders(
    @Args() { filter, first, after }: OrdersArgs,
    @Ctx() ctx: OrdersContext,
  ): Promise<ConnectionResult<OrderDocument>> {
    return this.orderService.listAll(ctx, filter ?? {}, { first, after });
  }

  @Authorized()
  @Mutation(() => Order, { description: 'paid → accepted: the boutique team or an admin.' })
  acceptOrder(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: OrdersContext) {
    return this.orderService.transition(ctx, orderId, OrderStatus.ACCEPTED);
  }

  @Authorized()
  @Mutation(() => Order, { description: 'accepted → preparing: the boutique team or an admin.' })
  startPreparingOrder(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: OrdersContext) {
    return this.orderService.transition(ctx, orderId, OrderStatus.PREPARING);
  }

  @Authorized()
  @Mutation(() => Order, {
    description: 'preparing → ready_for_pickup: the boutique team or an admin.',
  })
  markOrderReady(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: OrdersContext) {
    return this.orderService.transition(ctx, orderId, OrderStatus.READY_FOR_PICKUP);
  }

  @Authorized()
  @Mutation(() => Order, { description: 'ready_for_pickup → picked_up: a driver or an admin.' })
  markOrderPickedUp(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: OrdersContext) {
    return this.orderService.transition(ctx, orderId, OrderStatus.PICKED_UP);
  }

  @Authorized()
  @Mutation(() => Order, { description: 'picked_up → delivered: a driver or an admin.' })
  markOrderDelivered(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: OrdersContext) {
    return this.orderService.transition(ctx, orderId, OrderStatus.DELIVERED);
  }

  @Authorized()
  @Mutation(() => Order, {
    description:
      'Cancels: the customer while payment is pending; the boutique team once paid or accepted; an admin in those statuses.',
  })
  cancelOrder(@Args() { orderId, reason }: CancelOrderArgs, @Ctx() ctx: OrdersContext) {
    return this.orderService.transition(ctx, orderId, OrderStatus.CANCELLED, reason.trim());
  }

  @Authorized()
  @Mutation(() => Order, {
    description: 'delivered, or cancelled after payment → refunded: admins only.',
  })
  refundOrder(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: OrdersContext) {
    return this.orderService.transition(ctx, orderId, OrderStatus.REFUNDED);
  }

  // Roots are typed structurally: with a class type, type-graphql would copy the mongoose
  // document into a new instance of the class, losing its getters.
  @FieldResolver(() => BoutiqueRef)
  boutique(@Root() order: Pick<Order, 'boutiqueId'>): BoutiqueRef {
    return { id: order.boutiqueId };
  }

  @FieldResolver(() => UserRef)
  customer(@Root() order: Pick<Order, 'customerId'>): UserRef {
    return { id: order.customerId };
  }
}

@Resolver(() => OrderItem)
export class OrderItemResolver {
  @FieldResolver(() => ProductRef)
  product(@Root() item: Pick<OrderItem, 'productId'>): ProductRef {
    return { id: item.productId };
  }
}
