import DataLoader from 'dataloader';
import type { BaseContext, BoutiqueTeam } from '@vitrine/platform';
import type { PaymentDocument } from './checkout-payments/payment.model.js';
import type { CheckoutPaymentService } from './checkout-payments/payment.service.js';
import type { ReadModelService } from './services/read-model.service.js';

export interface PaymentsLoaders {
  team: DataLoader<string, BoutiqueTeam | null>;
  payment: DataLoader<string, PaymentDocument | null>;
  /** The payment of an order, by order id. */
  paymentOfOrder: DataLoader<string, PaymentDocument | null>;
}

/** What a request of the payments subgraph carries: the base context and its loaders. */
export interface PaymentsContext extends BaseContext {
  loaders: PaymentsLoaders;
}

/** One database round trip per batch, whatever the number of references in a query. */
export function createLoaders(
  readModel: ReadModelService,
  payments: CheckoutPaymentService,
): PaymentsLoaders {
  return {
    team: new DataLoader((ids) => readModel.teamsByIds(ids)),
    payment: new DataLoader((ids) => payments.byIds(ids)),
    paymentOfOrder: new DataLoader((ids) => payments.byOrderIds(ids)),
  };
}
