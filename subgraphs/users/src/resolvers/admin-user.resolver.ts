import { ConnectionArgs, ConnectionType, Role, type ConnectionResult } from '@vitrine/platform';
import { MaxLength } from 'class-validator';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  ID,
  Mutation,
  Query,
  Resolver,
} from 'type-graphql';
import type { UsersContext } from '../loaders.js';
import { User, type UserDocument } from '../models/user.model.js';
import type { UserService } from '../services/user.service.js';

export const UserConnection = ConnectionType(User);

@ArgsType()
class UsersArgs extends ConnectionArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Words that start names or the email, e.g. "ali smi".',
  })
  @MaxLength(100)
  search?: string | null;

  @Field(() => Role, { nullable: true })
  role?: Role | null;
}

/** The back office's directory of accounts, and role management. */
@Resolver(() => User)
export class AdminUserResolver {
  constructor(private readonly users: UserService) {}

  @Authorized(Role.ADMIN)
  @Query(() => UserConnection, {
    name: 'users',
    description: 'Accounts, newest first. Admins only.',
  })
  listUsers(
    @Args() { search, role, first, after }: UsersArgs,
    @Ctx() ctx: UsersContext,
  ): Promise<ConnectionResult<UserDocument>> {
    return this.users.list(ctx, { search, role }, { first, after });
  }

  @Authorized()
  @Query(() => User, { description: 'An account: your own, or anyone for an admin.' })
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: UsersContext): Promise<UserDocument> {
    return this.users.user(ctx, id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User)
  grantRole(
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => Role) role: Role,
    @Ctx() ctx: UsersContext,
  ): Promise<UserDocument> {
    return this.users.grantRole(ctx, userId, role);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User)
  revokeRole(
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => Role) role: Role,
    @Ctx() ctx: UsersContext,
  ): Promise<UserDocument> {
    return this.users.revokeRole(ctx, userId, role);
  }
}
