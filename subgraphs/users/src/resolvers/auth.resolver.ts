import { requireViewer } from '@vitrine/platform';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { UsersContext } from '../loaders.js';
import type { AuthResult, AuthService } from '../services/auth.service.js';
import { AuthPayload, LoginInput, RegisterInput } from './types/auth.types.js';

/**
 * The payload of a sign-in is read by the user who just signed in: the rest of this request sees
 * them as the viewer, so that their private fields (email, roles) resolve.
 */
function payload(ctx: UsersContext, { user, access, refresh, viewer }: AuthResult): AuthPayload {
  ctx.viewer = viewer;
  return {
    user,
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: refresh.token,
    refreshTokenExpiresAt: refresh.expiresAt,
  };
}

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayload, { description: 'Creates a customer account and signs it in.' })
  async register(
    @Arg('input') input: RegisterInput,
    @Ctx() ctx: UsersContext,
  ): Promise<AuthPayload> {
    return payload(ctx, await this.auth.register(ctx, input));
  }

  @Mutation(() => AuthPayload)
  async login(@Arg('input') input: LoginInput, @Ctx() ctx: UsersContext): Promise<AuthPayload> {
    return payload(ctx, await this.auth.login(ctx, input));
  }

  @Mutation(() => AuthPayload, {
    description: 'Exchanges a refresh token for new tokens; each works once.',
  })
  async refreshToken(
    @Arg('refreshToken') refreshToken: string,
    @Ctx() ctx: UsersContext,
  ): Promise<AuthPayload> {
    return payload(ctx, await this.auth.refresh(ctx, refreshToken));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Ends this session, or every session of the account.' })
  async logout(
    @Arg('everywhere', () => Boolean, { defaultValue: false }) everywhere: boolean,
    @Ctx() ctx: UsersContext,
  ): Promise<boolean> {
    await this.auth.logout(requireViewer(ctx), everywhere);
    return true;
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Also ends every other session of the account.' })
  async changePassword(
    @Arg('currentPassword') currentPassword: string,
    @Arg('newPassword') newPassword: string,
    @Ctx() ctx: UsersContext,
  ): Promise<boolean> {
    await this.auth.changePassword(requireViewer(ctx), currentPassword, newPassword);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'Sends a reset link if the email has an account. Always true, so that it reveals nothing.',
  })
  async requestPasswordReset(
    @Arg('email') email: string,
    @Ctx() ctx: UsersContext,
  ): Promise<boolean> {
    await this.auth.requestPasswordReset(ctx, email);
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'Sets a new password with a reset token; ends every session.',
  })
  async resetPassword(
    @Arg('token') token: string,
    @Arg('newPassword') newPassword: string,
    @Ctx() ctx: UsersContext,
  ): Promise<boolean> {
    await this.auth.resetPassword(ctx, token, newPassword);
    return true;
  }
}
