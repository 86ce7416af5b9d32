import type { CloudEvent } from '@vitrine/platform';
import {
  Arg,
  Authorized,
  Ctx,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { UsersContext } from '../loaders.js';
import { Address } from '../models/address.model.js';
import { User, type UserDocument } from '../models/user.model.js';
import type { UserService } from '../services/user.service.js';
import { AddressInput, UpdateAddressInput, UpdateProfileInput } from './types/account.types.js';

/** The signed-in user's own account: profile, address book, live profile changes. */
@Resolver(() => User)
export class AccountResolver {
  constructor(private readonly users: UserService) {}

  @Authorized()
  @Query(() => User, { description: 'The signed-in user.' })
  me(@Ctx() ctx: UsersContext): Promise<UserDocument> {
    return this.users.me(ctx);
  }

  @Authorized()
  @Mutation(() => User)
  updateProfile(
    @Arg('input') input: UpdateProfileInput,
    @Ctx() ctx: UsersContext,
  ): Promise<UserDocument> {
    return this.users.updateProfile(ctx, input);
  }

  @Authorized()
  @Mutation(() => Address, { description: 'The first address of a book becomes its default.' })
  addAddress(@Arg('input') input: AddressInput, @Ctx() ctx: UsersContext): Promise<Address> {
    return this.users.addAddress(ctx, input);
  }

  @Authorized()
  @Mutation(() => Address)
  updateAddress(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateAddressInput,
    @Ctx() ctx: UsersContext,
  ): Promise<Address> {
    return this.users.updateAddress(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => Address)
  setDefaultAddress(@Arg('id', () => ID) id: string, @Ctx() ctx: UsersContext): Promise<Address> {
    return this.users.setDefaultAddress(ctx, id);
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: 'Removing the default makes the next address the default.',
  })
  removeAddress(@Arg('id', () => ID) id: string, @Ctx() ctx: UsersContext): Promise<boolean> {
    return this.users.removeAddress(ctx, id);
  }

  @Authorized()
  @Subscription(() => User, {
    topics: 'user.updated',
    topicId: ({ context }: { context: UsersContext }) => context.viewer?.id,
    description: "The signed-in user's account, each time it changes (from any device).",
  })
  async myAccountUpdated(
    @Root() event: CloudEvent<'user.updated'>,
    @Ctx() ctx: UsersContext,
  ): Promise<User> {
    // The event says what changed; the subscriber gets the account as it is now.
    ctx.loaders.user.clear(event.subject);
    return (await ctx.loaders.user.load(event.subject)) ?? this.users.me(ctx);
  }
}
