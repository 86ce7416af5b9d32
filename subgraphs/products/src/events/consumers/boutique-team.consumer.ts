import { defineHandler } from '@vitrine/platform';
import type { BoutiqueTeamService } from '../../services/boutique-team.service.js';

/** The boutique teams read model: who writes a boutique's products, and whether it is approved. */
export function boutiqueTeamHandlers(teams: BoutiqueTeamService) {
  return [
    defineHandler('boutique.created', ({ id, data }) =>
      teams.apply(data.boutiqueId, id, { ownerId: data.ownerId, status: data.status }),
    ),
    defineHandler('boutique.staff_changed', ({ id, data }) =>
      teams.apply(data.boutiqueId, id, { ownerId: data.ownerId, staffIds: data.staffIds }),
    ),
    defineHandler('boutique.approved', ({ id, data }) =>
      teams.apply(data.boutiqueId, id, { ownerId: data.ownerId, status: 'approved' }),
    ),
    defineHandler('boutique.rejected', ({ id, data }) =>
      teams.apply(data.boutiqueId, id, { ownerId: data.ownerId, status: 'rejected' }),
    ),
    defineHandler('boutique.suspended', ({ id, data }) =>
      teams.apply(data.boutiqueId, id, { ownerId: data.ownerId, status: 'suspended' }),
    ),
    defineHandler('boutique.reinstated', ({ id, data }) =>
      teams.apply(data.boutiqueId, id, { ownerId: data.ownerId, status: 'approved' }),
    ),
  ];
}
