import { buildFederatedSchema } from '@vitrine/platform';
import type { GraphQLSchema } from 'graphql';
import { BoutiqueModerationResolver } from './resolvers/boutique-moderation.resolver.js';
import { boutiqueReference, userReference } from './resolvers/boutique.reference.js';
import { BoutiqueResolver } from './resolvers/boutique.resolver.js';
import { BoutiqueTeamResolver } from './resolvers/boutique-team.resolver.js';
import { UserBoutiquesResolver } from './resolvers/user-boutiques.resolver.js';
import type { BoutiqueModerationService } from './services/boutique-moderation.service.js';
import type { BoutiqueSearchService } from './services/boutique-search.service.js';
import type { BoutiqueTeamService } from './services/boutique-team.service.js';
import type { BoutiqueService } from './services/boutique.service.js';

export interface BoutiquesServices {
  boutiques: BoutiqueService;
  search: BoutiqueSearchService;
  moderation: BoutiqueModerationService;
  team: BoutiqueTeamService;
}

export const resolvers = [
  BoutiqueResolver,
  BoutiqueModerationResolver,
  BoutiqueTeamResolver,
  UserBoutiquesResolver,
] as const;

/**
 * The boutiques subgraph schema. Without services (as when the SDL is emitted) the resolvers are
 * never called; with them, each resolver class gets its services through its constructor.
 */
export function buildBoutiquesSchema(services?: BoutiquesServices): Promise<GraphQLSchema> {
  const instances = services
    ? new Map<unknown, unknown>([
        [BoutiqueResolver, new BoutiqueResolver(services.boutiques, services.search)],
        [
          BoutiqueModerationResolver,
          new BoutiqueModerationResolver(services.moderation, services.boutiques),
        ],
        [BoutiqueTeamResolver, new BoutiqueTeamResolver(services.team)],
        [UserBoutiquesResolver, new UserBoutiquesResolver(services.boutiques)],
      ])
    : new Map<unknown, unknown>();
  return buildFederatedSchema({
    resolvers,
    references: { ...boutiqueReference, ...userReference },
    pubSub: { publish: () => undefined, subscribe: () => (async function* () {})() },
    container: { get: (someClass) => instances.get(someClass) },
  });
}
