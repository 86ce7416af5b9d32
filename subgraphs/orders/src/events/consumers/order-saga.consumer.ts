import { defineHandler } from '@vitrine/platform';
import type { OrderService } from '../../services/order.service.js';

/** The answers of products (stock) and payments that move orders; each one idempotent. */
export function orderSagaHandlers(orders: OrderService) {
  return [
    defineHandler('stock.reserved', (e) => orders.stockReserved(e.data.orderId)),
    defineHandler('stock.reservation_failed', (e) => orders.stockReservationFailed(e)),
    defineHandler('payment.completed', (e) => orders.paymentCompleted(e)),
    defineHandler('payment.failed', (e) => orders.paymentFailed(e)),
    defineHandler('payment.refunded', (e) => orders.paymentRefunded(e)),
  ];
}
