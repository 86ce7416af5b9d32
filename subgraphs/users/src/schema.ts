import { buildFederatedSchema } from '@vitrine/platform';
import type { GraphQLSchema } from 'graphql';
import type { PubSub } from 'type-graphql';
import { AccountResolver } from './resolvers/account.resolver.js';
import { AdminUserResolver } from './resolvers/admin-user.resolver.js';
import { AuthResolver } from './resolvers/auth.resolver.js';
import { userReference } from './resolvers/user.reference.js';
import type { AuthService } from './services/auth.service.js';
import type { UserService } from './services/user.service.js';

export interface UsersServices {
  auth: AuthService;
  users: UserService;
}

export const resolvers = [AuthResolver, AccountResolver, AdminUserResolver] as const;

/**
 * The users subgraph schema. Without services (as when the SDL is emitted) the resolvers are
 * never called; with them, each resolver class gets its service through its constructor.
 */
export function buildUsersSchema(
  services?: UsersServices,
  pubSub?: PubSub,
): Promise<GraphQLSchema> {
  const instances = services
    ? new Map<unknown, unknown>([
        [AuthResolver, new AuthResolver(services.auth)],
        [AccountResolver, new AccountResolver(services.users)],
        [AdminUserResolver, new AdminUserResolver(services.users)],
      ])
    : new Map<unknown, unknown>();
  return buildFederatedSchema({
    resolvers,
    references: userReference,
    pubSub: pubSub ?? { publish: () => undefined, subscribe: () => (async function* () {})() },
    container: { get: (someClass) => instances.get(someClass) },
  });
}
