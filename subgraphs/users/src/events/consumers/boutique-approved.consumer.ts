import { defineHandler, Role } from '@vitrine/platform';
import type { UserService } from '../../services/user.service.js';

/** An approved boutique's owner becomes a BOUTIQUE_OWNER (at their next token refresh). */
export function boutiqueApprovedConsumer(users: UserService) {
  return defineHandler('boutique.approved', async (event, { logger }) => {
    const granted = await users.grantRoleFromEvent(
      event.data.ownerId,
      Role.BOUTIQUE_OWNER,
      event.data.actorId,
    );
    logger.info({ userId: event.data.ownerId, granted }, 'boutique owner role applied');
  });
}
