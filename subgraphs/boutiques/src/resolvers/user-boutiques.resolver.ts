import { ConnectionArgs, type ConnectionResult } from '@vitrine/platform';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BoutiquesContext } from '../loaders.js';
import type { BoutiqueDocument } from '../models/boutique.model.js';
import { User } from '../models/user.model.js';
import type { BoutiqueService } from '../services/boutique.service.js';
import { BoutiqueConnection } from './boutique.resolver.js';

/** Adds to the users subgraph's `User` the boutiques they own or staff. */
@Resolver(() => User)
export class UserBoutiquesResolver {
  constructor(private readonly service: BoutiqueService) {}

  @FieldResolver(() => BoutiqueConnection, {
    description:
      'Boutiques the user owns or staffs, any status, newest first. The user and admins only.',
  })
  boutiques(
    @Root() user: User,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() ctx: BoutiquesContext,
  ): Promise<ConnectionResult<BoutiqueDocument>> {
    return this.service.ofUser(ctx, user.id, { first, after });
  }
}
