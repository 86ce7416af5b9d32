import { type ConnectionResult, ConnectionType } from '@vitrine/platform';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from 'type-graphql';
import type { BoutiquesContext } from '../loaders.js';
import { Boutique, type BoutiqueDocument } from '../models/boutique.model.js';
import { User } from '../models/user.model.js';
import { TeamOrAdmin } from '../services/boutique-access.js';
import type { BoutiqueSearchService } from '../services/boutique-search.service.js';
import type { BoutiqueService } from '../services/boutique.service.js';
import { isOpenAt, localMinuteOfWeek } from '../services/opening-hours.js';
import {
  ApplyForBoutiqueInput,
  BoutiquesArgs,
  UpdateBoutiqueInput,
} from './types/boutique.types.js';

export const BoutiqueConnection = ConnectionType(Boutique);

/** The public catalogue of boutiques, and a boutique's own edits. */
@Resolver(() => Boutique)
export class BoutiqueResolver {
  constructor(
    private readonly service: BoutiqueService,
    private readonly search: BoutiqueSearchService,
  ) {}

  @Query(() => Boutique, {
    description: 'Approved boutiques for everyone; others for their team and admins.',
  })
  boutique(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: BoutiquesContext,
  ): Promise<BoutiqueDocument> {
    return this.service.boutique(ctx, id);
  }

  @Query(() => Boutique, { description: 'As `boutique`, by slug.' })
  boutiqueBySlug(
    @Arg('slug') slug: string,
    @Ctx() ctx: BoutiquesContext,
  ): Promise<BoutiqueDocument> {
    return this.service.bySlug(ctx, slug);
  }

  @Query(() => BoutiqueConnection, {
    description: 'Approved boutiques, newest first, or nearest first with `near`.',
  })
  boutiques(
    @Args() { filter, first, after }: BoutiquesArgs,
  ): Promise<ConnectionResult<BoutiqueDocument>> {
    return this.search.search(filter ?? {}, { first, after });
  }

  @Authorized()
  @Mutation(() => Boutique, {
    description: 'Applies to open a boutique, owned by the signed-in user; it starts PENDING.',
  })
  applyForBoutique(
    @Arg('input') input: ApplyForBoutiqueInput,
    @Ctx() ctx: BoutiquesContext,
  ): Promise<BoutiqueDocument> {
    return this.service.apply(ctx, input);
  }

  @Authorized()
  @Mutation(() => Boutique, {
    description: 'For its owner, staff (not name or address) and admins.',
  })
  updateBoutique(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateBoutiqueInput,
    @Ctx() ctx: BoutiquesContext,
  ): Promise<BoutiqueDocument> {
    return this.service.update(ctx, id, input);
  }

  @FieldResolver(() => User)
  owner(@Root() boutique: BoutiqueDocument): User {
    return { id: boutique.ownerId };
  }

  @FieldResolver(() => [User], { description: 'Visible to its team and admins only.' })
  @UseMiddleware(TeamOrAdmin)
  staff(@Root() boutique: BoutiqueDocument): User[] {
    return boutique.staffIds.map((id) => ({ id }));
  }

  @FieldResolver(() => Boolean, {
    description: 'Open at the time of the request, on its own clock.',
  })
  isOpenNow(@Root() boutique: BoutiqueDocument): boolean {
    return isOpenAt(
      boutique.openIntervals,
      localMinuteOfWeek(new Date(), boutique.openingHours.timezone),
    );
  }
}
