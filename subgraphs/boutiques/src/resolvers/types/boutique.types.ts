import { ConnectionArgs } from '@vitrine/platform';
import {
  ArrayMaxSize,
  IsEmail,
  IsISO31661Alpha2,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, Float, InputType } from 'type-graphql';
import { BoutiqueStatus } from '../../services/boutique-status.js';
import { Weekday } from '../../services/opening-hours.js';
import { MAX_RADIUS_KM } from '../../services/geo.js';

const E164 = /^\+[1-9]\d{6,14}$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const HTTPS = { protocols: ['https'], require_protocol: true };

@InputType('BoutiqueContactInput')
export class ContactInput {
  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +33612345678.' })
  @IsOptional()
  @Matches(E164, { message: 'phone must be in E.164 form, e.g. +33612345678' })
  phone?: string | null;
}

@InputType('BoutiqueAddressInput')
export class AddressInput {
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

  @Field(() => Float)
  @IsLatitude({ message: 'latitude must be between -90 and 90' })
  latitude!: number;

  @Field(() => Float)
  @IsLongitude({ message: 'longitude must be between -180 and 180' })
  longitude!: number;
}

@InputType()
export class OpeningRangeInput {
  @Field({ description: '"HH:MM", 00:00 to 23:59.' })
  @Matches(HHMM, { message: 'opens must be HH:MM' })
  opens!: string;

  @Field({ description: '"HH:MM", 00:00 to 24:00; at or before `opens`, ends the next day.' })
  @Matches(HHMM, { message: 'closes must be HH:MM' })
  closes!: string;
}

@InputType()
export class OpeningDayInput {
  @Field(() => Weekday)
  weekday!: Weekday;

  @Field(() => [OpeningRangeInput])
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  ranges!: OpeningRangeInput[];
}

@InputType()
export class OpeningHoursInput {
  @Field({ description: 'IANA time zone name, e.g. Europe/Paris.' })
  @MaxLength(64)
  timezone!: string;

  @Field(() => [OpeningDayInput], { description: 'Days not listed are closed.' })
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  days!: OpeningDayInput[];
}

@InputType()
export class ApplyForBoutiqueInput {
  @Field()
  @MinLength(2)
  @MaxLength(100)
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Normalized to a-z, 0-9 and hyphens (3 to 60); from the name when not given.',
  })
  @IsOptional()
  @MaxLength(100)
  slug?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'An https URL.' })
  @IsOptional()
  @IsUrl(HTTPS, { message: 'logoUrl must be an https URL' })
  logoUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'An https URL.' })
  @IsOptional()
  @IsUrl(HTTPS, { message: 'coverUrl must be an https URL' })
  coverUrl?: string | null;

  @Field(() => ContactInput)
  @ValidateNested()
  contact!: ContactInput;

  @Field(() => AddressInput)
  @ValidateNested()
  address!: AddressInput;

  @Field(() => OpeningHoursInput)
  @ValidateNested()
  openingHours!: OpeningHoursInput;

  @Field(() => [String], { description: 'Category slugs, at most 10.' })
  @ArrayMaxSize(10)
  categories!: string[];
}

@InputType({
  description:
    'Only the fields given change; null clears an optional one. Staff may change all but name and address.',
})
export class UpdateBoutiqueInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(2)
  @MaxLength(100)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl(HTTPS, { message: 'logoUrl must be an https URL' })
  logoUrl?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl(HTTPS, { message: 'coverUrl must be an https URL' })
  coverUrl?: string | null;

  @Field(() => ContactInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  contact?: ContactInput;

  @Field(() => AddressInput, { nullable: true, description: 'Replaces the whole address.' })
  @IsOptional()
  @ValidateNested()
  address?: AddressInput;

  @Field(() => OpeningHoursInput, { nullable: true, description: 'Replaces all the hours.' })
  @IsOptional()
  @ValidateNested()
  openingHours?: OpeningHoursInput;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  categories?: string[];
}

@InputType({ description: 'A circle on the map.' })
export class NearInput {
  @Field(() => Float)
  @IsLatitude({ message: 'latitude must be between -90 and 90' })
  latitude!: number;

  @Field(() => Float)
  @IsLongitude({ message: 'longitude must be between -180 and 180' })
  longitude!: number;

  @Field(() => Float, { description: `Kilometres, more than 0 and at most ${MAX_RADIUS_KM}.` })
  @Min(0.01)
  @Max(MAX_RADIUS_KM)
  radiusKm!: number;
}

@InputType()
export class BoutiqueFilter {
  @Field(() => String, { nullable: true, description: 'A category slug.' })
  @IsOptional()
  @MaxLength(60)
  category?: string | null;

  @Field(() => NearInput, {
    nullable: true,
    description: 'Within the circle, nearest first, with `distanceKm`.',
  })
  @IsOptional()
  @ValidateNested()
  near?: NearInput | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Open now, on the wall clock of each boutique.',
  })
  @IsOptional()
  openNow?: boolean | null;
}

@ArgsType()
export class BoutiquesArgs extends ConnectionArgs {
  @Field(() => BoutiqueFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: BoutiqueFilter | null;
}

@ArgsType()
export class ReviewArgs extends ConnectionArgs {
  @Field(() => BoutiqueStatus, { defaultValue: BoutiqueStatus.PENDING })
  status: BoutiqueStatus = BoutiqueStatus.PENDING;
}
