import { markApplied, notYetApplied, upsertOnce, type CloudEvent } from '@vitrine/platform';
import type { CheckoutView, CheckoutViewModel } from './checkout-view.model.js';

/**
 * Responsible for the checkout read model: the orders of each checkout (from `order.created`) and
 * those cancelled since (`order.cancelled`), each applied once.
 */
export class CheckoutViewService {
  constructor(private readonly views: CheckoutViewModel) {}

  async orderCreated(event: CloudEvent<'order.created'>): Promise<void> {
    const { data } = event;
    await upsertOnce(this.views, data.checkoutId, event.id, {
      $set: { customerId: data.customerId, orderIds: [...data.checkoutOrderIds] },
      $push: {
        orders: {
          orderId: data.orderId,
          boutiqueId: data.boutiqueId,
          total: { ...data.total },
          lines: data.items.map((item) => ({
            productId: item.productId,
            quantity: item.quantity,
            amount: item.unitPrice.amount * item.quantity,
          })),
        },
      },
    });
  }

  /** Records the cancellation; returns the checkout it belongs to (null if unknown here). */
  async orderCancelled(event: CloudEvent<'order.cancelled'>): Promise<string | null> {
    const view = await this.views
      .findOne({ orderIds: event.data.orderId }, { _id: 1 })
      .lean()
      .exec();
    if (!view) return null;
    await this.views
      .updateOne(
        { _id: view._id, ...notYetApplied(event.id) },
        { $addToSet: { cancelledOrderIds: event.data.orderId }, ...markApplied(event.id) },
      )
      .exec();
    return view._id;
  }

  async byId(checkoutId: string): Promise<CheckoutView | null> {
    const view = await this.views.findById(checkoutId).lean().exec();
    return view
      ? { ...view, cancelledOrderIds: view.cancelledOrderIds ?? [], orders: view.orders ?? [] }
      : null;
  }
}
