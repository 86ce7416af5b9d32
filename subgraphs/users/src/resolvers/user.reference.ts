import type { UsersContext } from '../loaders.js';
import type { UserDocument } from '../models/user.model.js';

/** Resolves `User` references from other subgraphs, batched: one query per request, not per user. */
export const userReference = {
  User: {
    __resolveReference: (
      reference: { id: string },
      ctx: UsersContext,
    ): Promise<UserDocument | null> => ctx.loaders.user.load(reference.id),
  },
};
