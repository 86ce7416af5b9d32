import {
  Errors,
  hasRole,
  requireViewer,
  Role,
  type AuthContext,
  type Viewer,
} from '@vitrine/platform';
import type { MiddlewareFn } from 'type-graphql';
import { BoutiqueStatus } from './boutique-status.js';

/** The team fields of a boutique that access rules need. */
export interface BoutiqueTeam {
  ownerId: string;
  staffIds: readonly string[];
  status: BoutiqueStatus;
}

export type TeamRole = 'owner' | 'staff';

export function teamRoleOf(boutique: BoutiqueTeam, viewer: Viewer | null): TeamRole | null {
  if (!viewer) return null;
  if (boutique.ownerId === viewer.id) return 'owner';
  return boutique.staffIds.includes(viewer.id) ? 'staff' : null;
}

export function isAdmin(viewer: Viewer | null): boolean {
  return !!viewer && hasRole(viewer, Role.ADMIN);
}

/** Approved boutiques are public; the others only to their owner, staff and admins. */
export function canSee(boutique: BoutiqueTeam, viewer: Viewer | null): boolean {
  return (
    boutique.status === BoutiqueStatus.APPROVED ||
    isAdmin(viewer) ||
    teamRoleOf(boutique, viewer) !== null
  );
}

/**
 * Who may change what: the owner and admins everything, staff the descriptive fields. Throws
 * UNAUTHENTICATED, NOT_FOUND (a boutique the viewer may not even see) or FORBIDDEN.
 */
export function requireTeam(
  ctx: AuthContext,
  boutique: BoutiqueTeam & { id: string },
  allowed: readonly TeamRole[],
): Viewer {
  const viewer = requireViewer(ctx);
  if (!canSee(boutique, viewer)) throw Errors.notFound('Boutique', boutique.id);
  if (isAdmin(viewer)) return viewer;
  const role = teamRoleOf(boutique, viewer);
  if (!role || !allowed.includes(role)) throw Errors.forbidden();
  return viewer;
}

/** Field middleware: a private field of a boutique, for its owner, staff and admins only. */
export const TeamOrAdmin: MiddlewareFn<AuthContext> = ({ root, context }, next) => {
  const viewer = requireViewer(context);
  if (!isAdmin(viewer) && !teamRoleOf(root as BoutiqueTeam, viewer)) throw Errors.forbidden();
  return next();
};
