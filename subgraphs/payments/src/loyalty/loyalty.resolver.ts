import { ConnectionArgs, Errors, type ConnectionResult } from '@vitrine/platform';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PaymentsContext } from '../context.js';
import { UserRef } from '../models/entity-refs.model.js';
import type { LedgerEntry } from './ledger.js';
import type { LoyaltyService, LoyaltyView } from './loyalty.service.js';
import { LoyaltyAccountView, LoyaltyEntry, LoyaltyEntryConnection } from './loyalty.types.js';

/** `User.loyalty`: for the user themselves and admins. */
@Resolver(() => UserRef)
export class UserLoyaltyResolver {
  constructor(private readonly service: LoyaltyService) {}

  @FieldResolver(() => LoyaltyAccountView, { description: "The user's loyalty points." })
  loyalty(@Root() user: Pick<UserRef, 'id'>, @Ctx() ctx: PaymentsContext): Promise<LoyaltyView> {
    return this.service.account(ctx, user.id);
  }
}

const cursorOf = (entry: LedgerEntry) => Buffer.from(entry.key).toString('base64url');

@Resolver(() => LoyaltyAccountView)
export class LoyaltyAccountResolver {
  @FieldResolver(() => LoyaltyEntryConnection, { description: 'The ledger, newest first.' })
  history(
    @Root() account: Pick<LoyaltyView, 'entries'>,
    @Args() { first, after }: ConnectionArgs,
  ): ConnectionResult<LoyaltyEntry> {
    const newestFirst = [...account.entries].reverse();
    let start = 0;
    if (after) {
      const key = Buffer.from(after, 'base64url').toString('utf8');
      start = newestFirst.findIndex((e) => e.key === key) + 1;
      if (start === 0) throw Errors.badUserInput('after', 'after is not a cursor of this list');
    }
    const page = newestFirst.slice(start, start + first);
    const edges = page.map((node) => ({ node, cursor: cursorOf(node) }));
    return {
      edges,
      totalCount: newestFirst.length,
      pageInfo: {
        hasNextPage: start + first < newestFirst.length,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }
}
