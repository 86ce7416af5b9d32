import {
  getModelForClass,
  modelOptions,
  prop,
  Severity,
  type DocumentType,
  type ReturnModelType,
} from '@typegoose/typegoose';
import { Aggregate } from '@vitrine/platform';
import type { Connection, Types } from 'mongoose';

export type ReservationStatus =
  | 'pending'
  | 'reserved'
  | 'failed'
  | 'released'
  | 'committed'
  /** Sold, then the order was cancelled: its units are back on sale. */
  | 'restored';

@modelOptions({ schemaOptions: { _id: false } })
export class ReservationItem {
  @prop({ required: true })
  productId!: string;

  @prop({ required: true })
  variantId!: string;

  @prop({ required: true })
  sku!: string;

  @prop({ required: true })
  quantity!: number;
}

/**
 * The stock saga's record of one order (`_id` is the order id): what it asked for and where it
 * stands, with the answer (`stock.reserved` or `stock.reservation_failed`) in its outbox. A
 * redelivered `order.created` finds it and reserves nothing twice.
 */
@modelOptions({
  options: { allowMixed: Severity.ALLOW },
  schemaOptions: { collection: 'reservations', timestamps: true },
})
export class Reservation extends Aggregate {
  _id!: Types.ObjectId;

  @prop({ required: true })
  boutiqueId!: string;

  @prop({ type: () => [ReservationItem], default: [] })
  items!: ReservationItem[];

  @prop({ required: true, type: () => String })
  status!: ReservationStatus;

  @prop({ type: () => Object, default: null })
  failure!: { variantId: string; sku: string; requested: number; available: number } | null;
}

export type ReservationDocument = DocumentType<Reservation>;
export type ReservationModel = ReturnModelType<typeof Reservation>;

export function createReservationModel(connection: Connection): ReservationModel {
  return getModelForClass(Reservation, { existingConnection: connection });
}
