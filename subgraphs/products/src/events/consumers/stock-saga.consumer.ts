import { defineHandler } from '@vitrine/platform';
import type { ReservationService } from '../../services/reservation.service.js';

/** The stock saga of docs/COMMERCE.md: reserve on order.created, release, commit when paid. */
export function stockSagaHandlers(reservations: ReservationService) {
  return [
    defineHandler('order.created', (event, { logger }) =>
      reservations.onOrderCreated(event, logger),
    ),
    defineHandler('order.cancelled', (event) => reservations.onOrderCancelled(event)),
    defineHandler('order.status_updated', (event) => reservations.onOrderStatusUpdated(event)),
  ];
}
