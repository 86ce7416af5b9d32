import type { AuthChecker } from 'type-graphql';
import { Errors } from '../errors.js';
import { hasRole, type Role, type Viewer } from './viewer.js';

/** What every resolver and service receives about the request. */
export interface AuthContext {
  viewer: Viewer | null;
}

/** The signed-in viewer, or UNAUTHENTICATED. */
export function requireViewer(ctx: AuthContext): Viewer {
  if (!ctx.viewer) throw Errors.unauthenticated();
  return ctx.viewer;
}

/** The viewer if they hold one of the roles; UNAUTHENTICATED or FORBIDDEN otherwise. */
export function requireRole(ctx: AuthContext, ...roles: Role[]): Viewer {
  const viewer = requireViewer(ctx);
  if (!hasRole(viewer, ...roles)) throw Errors.forbidden();
  return viewer;
}

/**
 * Ownership check: the viewer must be the owner, or hold one of the overriding roles (usually
 * ADMIN). Services call it for every write to something that belongs to someone.
 */
export function requireOwnerOr(ctx: AuthContext, ownerId: string, ...overrides: Role[]): Viewer {
  const viewer = requireViewer(ctx);
  if (viewer.id !== ownerId && !hasRole(viewer, ...overrides)) throw Errors.forbidden();
  return viewer;
}

/**
 * The `@Authorized()` checker: no roles means "signed in"; roles mean "signed in with one of them".
 * It throws our own errors so that clients see UNAUTHENTICATED or FORBIDDEN with the stable codes.
 */
export const authChecker: AuthChecker<AuthContext, Role> = ({ context }, roles) => {
  if (roles.length === 0) {
    requireViewer(context);
  } else {
    requireRole(context, ...roles);
  }
  return true;
};
