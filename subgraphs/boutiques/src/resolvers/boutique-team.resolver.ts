import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { BoutiquesContext } from '../loaders.js';
import { Boutique, type BoutiqueDocument } from '../models/boutique.model.js';
import type { BoutiqueTeamService } from '../services/boutique-team.service.js';

/** A boutique's staff: managed by its owner and admins. */
@Resolver(() => Boutique)
export class BoutiqueTeamResolver {
  constructor(private readonly team: BoutiqueTeamService) {}

  @Authorized()
  @Mutation(() => Boutique, {
    description: 'Owner and admins. Adding a member again changes nothing.',
  })
  addBoutiqueStaff(
    @Arg('boutiqueId', () => ID) boutiqueId: string,
    @Arg('userId', () => ID) userId: string,
    @Ctx() ctx: BoutiquesContext,
  ): Promise<BoutiqueDocument> {
    return this.team.addStaff(ctx, boutiqueId, userId);
  }

  @Authorized()
  @Mutation(() => Boutique, {
    description: 'Owner and admins; a staff member may remove themselves.',
  })
  removeBoutiqueStaff(
    @Arg('boutiqueId', () => ID) boutiqueId: string,
    @Arg('userId', () => ID) userId: string,
    @Ctx() ctx: BoutiquesContext,
  ): Promise<BoutiqueDocument> {
    return this.team.removeStaff(ctx, boutiqueId, userId);
  }
}
