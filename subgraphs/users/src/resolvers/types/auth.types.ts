import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { User } from '../../models/user.model.js';

@InputType({
  description: 'A new account. The password must have 10+ characters mixing three kinds.',
})
export class RegisterInput {
  @Field()
  @MaxLength(254)
  email!: string;

  @Field()
  password!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(80)
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(80)
  lastName?: string | null;
}

@InputType()
export class LoginInput {
  @Field()
  @MaxLength(254)
  email!: string;

  @Field()
  @MaxLength(256)
  password!: string;
}

@ObjectType({ description: 'Tokens of a new or refreshed session, and whose they are.' })
export class AuthPayload {
  @Field({ description: 'A short-lived JWT: send it as `Authorization: Bearer <token>`.' })
  accessToken!: string;

  @Field()
  accessTokenExpiresAt!: Date;

  @Field({
    description:
      'Exchange it once with `refreshToken`; a reused refresh token revokes the session.',
  })
  refreshToken!: string;

  @Field()
  refreshTokenExpiresAt!: Date;

  @Field(() => User)
  user!: User;
}
