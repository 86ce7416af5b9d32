import type { MiddlewareFn } from 'type-graphql';
import type { AuthContext } from './access.js';
import { requireOwnerOr } from './access.js';
import type { Role } from './viewer.js';

/**
 * A field middleware for private fields of public entities (a user's email, an order's address):
 * only the owner, or a holder of one of the overriding roles, may read them.
 *
 *   @Field() @UseMiddleware(OwnerOr((user: User) => user.id, Role.ADMIN)) email!: string;
 */
export function OwnerOr<TRoot>(
  ownerIdOf: (root: TRoot) => string,
  ...overrides: Role[]
): MiddlewareFn<AuthContext> {
  return ({ root, context }, next) => {
    requireOwnerOr(context, ownerIdOf(root as TRoot), ...overrides);
    return next();
  };
}
