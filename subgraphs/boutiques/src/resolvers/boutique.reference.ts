import type { BoutiquesContext } from '../loaders.js';
import type { BoutiqueDocument } from '../models/boutique.model.js';

/**
 * Resolves `Boutique` references from other subgraphs (an order's boutique, a product's),
 * batched: one query per request, not per boutique. A reference resolves whatever the boutique's
 * status, since the referencing data already names it; private fields stay guarded.
 */
export const boutiqueReference = {
  Boutique: {
    __resolveReference: (
      reference: { id: string },
      ctx: BoutiquesContext,
    ): Promise<BoutiqueDocument | null> => ctx.loaders.boutique.load(reference.id),
  },
};

/** `User` is the users subgraph's; here it only carries the fields this subgraph adds. */
export const userReference = {
  User: {
    __resolveReference: (reference: { id: string }): { id: string } => ({ id: reference.id }),
  },
};
