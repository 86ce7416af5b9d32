import { Role, type ConnectionResult } from '@vitrine/platform';
import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { BoutiquesContext } from '../loaders.js';
import { Boutique, type BoutiqueDocument } from '../models/boutique.model.js';
import type { BoutiqueModerationService } from '../services/boutique-moderation.service.js';
import type { BoutiqueService } from '../services/boutique.service.js';
import { BoutiqueConnection } from './boutique.resolver.js';
import { ReviewArgs } from './types/boutique.types.js';

/**
 * The boutique lifecycle: the admins' review queue and moves, and an owner's re-application.
 * A move that the lifecycle does not allow from the current status is CONFLICT.
 */
@Resolver(() => Boutique)
export class BoutiqueModerationResolver {
  constructor(
    private readonly moderation: BoutiqueModerationService,
    private readonly boutiques: BoutiqueService,
  ) {}

  @Authorized(Role.ADMIN)
  @Query(() => BoutiqueConnection, {
    description: 'Boutiques in a status, oldest first. Admins only.',
  })
  boutiquesForReview(
    @Args() { status, first, after }: ReviewArgs,
    @Ctx() ctx: BoutiquesContext,
  ): Promise<ConnectionResult<BoutiqueDocument>> {
    return this.boutiques.forReview(ctx, status, { first, after });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boutique, { description: 'PENDING → APPROVED. Admins only.' })
  approveBoutique(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: BoutiquesContext,
  ): Promise<BoutiqueDocument> {
    return this.moderation.approve(ctx, id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boutique, {
    description: 'PENDING → REJECTED, with a reason for the owner. Admins only.',
  })
  rejectBoutique(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: BoutiquesContext,
  ): Promise<BoutiqueDocument> {
    return this.moderation.reject(ctx, id, reason);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boutique, { description: 'APPROVED → SUSPENDED, with a reason. Admins only.' })
  suspendBoutique(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: BoutiquesContext,
  ): Promise<BoutiqueDocument> {
    return this.moderation.suspend(ctx, id, reason);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boutique, { description: 'SUSPENDED → APPROVED. Admins only.' })
  reinstateBoutique(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: BoutiquesContext,
  ): Promise<BoutiqueDocument> {
    return this.moderation.reinstate(ctx, id);
  }

  @Authorized()
  @Mutation(() => Boutique, {
    description: 'REJECTED → PENDING: the owner applies again after edits.',
  })
  resubmitBoutique(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: BoutiquesContext,
  ): Promise<BoutiqueDocument> {
    return this.moderation.resubmit(ctx, id);
  }
}
