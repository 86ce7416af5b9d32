import {
  IsISO31661Alpha2,
  IsOptional,
  IsLatitude,
  IsLongitude,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';

const E164 = /^\+[1-9]\d{6,14}$/;

@InputType({ description: 'Only the fields given change; null clears a field.' })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(80)
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(80)
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'An https URL.' })
  @IsOptional()
  @IsUrl(
    { protocols: ['https'], require_protocol: true },
    { message: 'avatarUrl must be an https URL' },
  )
  avatarUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +33612345678.' })
  @IsOptional()
  @Matches(E164, { message: 'phone must be in E.164 form, e.g. +33612345678' })
  phone?: string | null;
}

@InputType()
export class AddressInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  label?: string | null;

  @Field()
  @MinLength(1)
  @MaxLength(120)
  recipientName!: string;

  @Field()
  @MinLength(1)
  @MaxLength(200)
  line1!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  line2?: string | null;

  @Field()
  @MinLength(1)
  @MaxLength(100)
  city!: string;

  @Field()
  @MinLength(1)
  @MaxLength(20)
  postalCode!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  region?: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. FR.' })
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code, e.g. FR' })
  country!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(E164, { message: 'phone must be in E.164 form, e.g. +33612345678' })
  phone?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsLatitude()
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsLongitude()
  longitude?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Make it the default address.' })
  @IsOptional()
  isDefault?: boolean | null;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateAddressInput extends AddressInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(120)
  declare recipientName: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  declare line1: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(100)
  declare city: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(20)
  declare postalCode: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code, e.g. FR' })
  declare country: string;
}
