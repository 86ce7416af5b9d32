import { defineHandler } from '@vitrine/platform';
import type { ReadModelService } from '../../services/read-model.service.js';

/** Boutique teams (from boutiques) and product categories (from products). */
export function readModelHandlers(readModel: ReadModelService) {
  return [
    defineHandler('boutique.created', (e) =>
      readModel.applyTeam(e.id, e.data.boutiqueId, {
        ownerId: e.data.ownerId,
        status: e.data.status,
      }),
    ),
    defineHandler('boutique.staff_changed', (e) =>
      readModel.applyTeam(e.id, e.data.boutiqueId, {
        ownerId: e.data.ownerId,
        staffIds: e.data.staffIds,
      }),
    ),
    defineHandler('boutique.approved', (e) =>
      readModel.applyTeam(e.id, e.data.boutiqueId, {
        ownerId: e.data.ownerId,
        status: 'approved',
      }),
    ),
    defineHandler('boutique.rejected', (e) =>
      readModel.applyTeam(e.id, e.data.boutiqueId, {
        ownerId: e.data.ownerId,
        status: 'rejected',
      }),
    ),
    defineHandler('boutique.suspended', (e) =>
      readModel.applyTeam(e.id, e.data.boutiqueId, {
        ownerId: e.data.ownerId,
        status: 'suspended',
      }),
    ),
    defineHandler('boutique.reinstated', (e) =>
      readModel.applyTeam(e.id, e.data.boutiqueId, {
        ownerId: e.data.ownerId,
        status: 'approved',
      }),
    ),
    defineHandler('product.created', (e) =>
      readModel.applyProduct(e.id, e.data.productId, e.data.snapshot),
    ),
    defineHandler('product.updated', (e) =>
      readModel.applyProduct(e.id, e.data.productId, e.data.snapshot),
    ),
  ];
}
