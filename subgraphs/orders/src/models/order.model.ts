import {
  getModelForClass,
  index,
  modelOptions,
  prop,
  type DocumentType,
  type ReturnModelType,
} from '@typegoose/typegoose';
import { Aggregate } from '@vitrine/platform';
import type { Connection, Types } from 'mongoose';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from './money.model.js';

export enum OrderStatus {
  PENDING_PAYMENT = 'pending_payment',
  PAID = 'paid',
  ACCEPTED = 'accepted',
  PREPARING = 'preparing',
  READY_FOR_PICKUP = 'ready_for_pickup',
  PICKED_UP = 'picked_up',
  DELIVERED = 'delivered',
  CANCELLED = 'cancelled',
  REFUNDED = 'refunded',
}

export enum StockStatus {
  /** `order.created` is on its way to products; no answer yet. */
  PENDING = 'pending',
  /** Products holds the stock of every item. */
  RESERVED = 'reserved',
  /** Products could not hold one item; the order was cancelled. */
  FAILED = 'failed',
}

/** Who moved an order: the kind of actor, beside their id (null for the system). */
export enum ActorKind {
  CUSTOMER = 'customer',
  BOUTIQUE_TEAM = 'boutique_team',
  DRIVER = 'driver',
  ADMIN = 'admin',
  SYSTEM = 'system',
}

registerEnumType(OrderStatus, { name: 'OrderStatus', description: 'Where an order stands.' });
registerEnumType(StockStatus, {
  name: 'StockStatus',
  description: "Whether products holds the order's stock.",
});
registerEnumType(ActorKind, { name: 'ActorKind' });

@ObjectType({ description: 'A line of an order, as it was bought (a snapshot).' })
@modelOptions({ schemaOptions: { _id: false } })
export class OrderItem {
  @prop({ required: true })
  productId!: string;

  @Field(() => ID)
  @prop({ required: true })
  variantId!: string;

  @Field()
  @prop({ required: true })
  title!: string;

  @Field()
  @prop({ required: true })
  sku!: string;

  @Field(() => String, { nullable: true })
  @prop({ type: () => String, default: null })
  size!: string | null;

  @Field(() => String, { nullable: true })
  @prop({ type: () => String, default: null })
  colour!: string | null;

  @Field(() => Int)
  @prop({ required: true })
  quantity!: number;

  @Field(() => Money)
  @prop({ required: true, type: () => Money, _id: false })
  unitPrice!: Money;

  @Field(() => Money, { description: 'unitPrice × quantity.' })
  @prop({ required: true, type: () => Money, _id: false })
  lineTotal!: Money;
}

@ObjectType()
@modelOptions({ schemaOptions: { _id: false } })
export class ShippingAddress {
  @Field()
  @prop({ required: true })
  recipientName!: string;

  @Field()
  @prop({ required: true })
  line1!: string;

  @Field(() => String, { nullable: true })
  @prop({ type: () => String, default: null })
  line2!: string | null;

  @Field()
  @prop({ required: true })
  city!: string;

  @Field()
  @prop({ required: true })
  postalCode!: string;

  @Field(() => String, { nullable: true })
  @prop({ type: () => String, default: null })
  region!: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
  @prop({ required: true })
  country!: string;

  @Field(() => String, { nullable: true })
  @prop({ type: () => String, default: null })
  phone!: string | null;
}

@ObjectType({ description: 'One step of an order’s life: what changed, when and by whom.' })
@modelOptions({ schemaOptions: { _id: false } })
export class OrderStatusChange {
  @Field(() => OrderStatus, { nullable: true, description: 'Null for the creation.' })
  @prop({ type: () => String, default: null })
  from!: OrderStatus | null;

  @Field(() => OrderStatus)
  @prop({ required: true, type: () => String })
  to!: OrderStatus;

  @Field()
  @prop({ required: true })
  at!: Date;

  @Field(() => ID, { nullable: true, description: 'Null when the system moved it.' })
  @prop({ type: () => String, default: null })
  actorId!: string | null;

  @Field(() => ActorKind)
  @prop({ required: true, type: () => String })
  actorKind!: ActorKind;

  @Field(() => String, { nullable: true })
  @prop({ type: () => String, default: null })
  reason!: string | null;
}

/**
 * An order: what one customer bought from one boutique in one checkout. Items, prices and the
 * address are snapshots taken at checkout. Every status change is a conditional update on the
 * current status that appends to `history` and to the outbox in the same write.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'What one customer bought from one boutique in one checkout.' })
@index({ customerId: 1, _id: -1 })
@index({ boutiqueId: 1, _id: -1 })
@index({ status: 1, createdAt: 1 })
@index({ checkoutId: 1 })
@modelOptions({ schemaOptions: { collection: 'orders', timestamps: true } })
export class Order extends Aggregate {
  _id!: Types.ObjectId;

  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'Shared by the orders of one checkout (one payment).' })
  @prop({ required: true })
  checkoutId!: string;

  @prop({ required: true })
  customerId!: string;

  @prop({ required: true })
  boutiqueId!: string;

  @Field(() => [OrderItem])
  @prop({ type: () => [OrderItem], default: [] })
  items!: OrderItem[];

  @Field(() => Money)
  @prop({ required: true, type: () => Money, _id: false })
  subtotal!: Money;

  @Field(() => Money)
  @prop({ required: true, type: () => Money, _id: false })
  tax!: Money;

  @Field(() => Money)
  @prop({ required: true, type: () => Money, _id: false })
  deliveryFee!: Money;

  @Field(() => Money, { description: 'subtotal + tax + deliveryFee.' })
  @prop({ required: true, type: () => Money, _id: false })
  total!: Money;

  @Field(() => OrderStatus)
  @prop({ required: true, type: () => String })
  status!: OrderStatus;

  @Field(() => StockStatus)
  @prop({ required: true, type: () => String })
  stock!: StockStatus;

  @Field(() => ShippingAddress)
  @prop({ required: true, type: () => ShippingAddress, _id: false })
  shippingAddress!: ShippingAddress;

  @Field(() => [OrderStatusChange], { description: 'Oldest first.' })
  @prop({ type: () => [OrderStatusChange], default: [] })
  history!: OrderStatusChange[];

  @Field(() => String, { nullable: true })
  @prop({ type: () => String, default: null })
  cancellationReason!: string | null;

  /** Whether the order had been paid when it was cancelled (it may then be refunded). */
  @prop({ default: false })
  wasPaid!: boolean;

  @prop({ type: () => [String], default: [] })
  appliedEvents!: string[];

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export type OrderDocument = DocumentType<Order>;
export type OrderModel = ReturnModelType<typeof Order>;

export function createOrderModel(connection: Connection): OrderModel {
  return getModelForClass(Order, { existingConnection: connection });
}
