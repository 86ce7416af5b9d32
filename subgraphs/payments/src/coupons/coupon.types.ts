import { ConnectionType, Money, MoneyInput } from '@vitrine/platform';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CouponKind } from './coupon.model.js';

@ObjectType('Coupon', { description: 'A discount code, applied when a checkout is paid.' })
export class CouponView {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Upper case; customers type it in any case.' })
  code!: string;

  @Field()
  description!: string;

  @Field(() => CouponKind)
  kind!: CouponKind;

  @Field(() => Int, { nullable: true, description: 'For PERCENTAGE: 1 to 100.' })
  percentOff!: number | null;

  @Field(() => Money, { nullable: true, description: 'For FIXED: what it takes off.' })
  amountOff!: Money | null;

  @Field(() => Money, {
    nullable: true,
    description: 'The least the eligible items must add up to.',
  })
  minOrder!: Money | null;

  @Field(() => Date, { nullable: true })
  validFrom!: Date | null;

  @Field(() => Date, { nullable: true })
  validUntil!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Redemptions allowed in all; null: no limit.' })
  maxRedemptions!: number | null;

  @Field(() => Int)
  redeemed!: number;

  @Field(() => Int)
  perCustomerLimit!: number;

  @Field(() => ID, { nullable: true, description: "Only this boutique's items." })
  boutiqueId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Only this category's items (and its subcategories').",
  })
  categoryId!: string | null;

  @Field()
  active!: boolean;

  @Field()
  createdAt!: Date;
}

export const CouponConnection = ConnectionType(CouponView, 'Coupon');

@InputType()
export class CreateCouponInput {
  @Field({ description: '3 to 32 letters, digits, - or _ (stored upper case).' })
  @MaxLength(32)
  code!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => CouponKind)
  kind!: CouponKind;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(100)
  percentOff?: number | null;

  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  amountOff?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  minOrder?: MoneyInput | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  validFrom?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  validUntil?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Redemptions allowed in all; none: no limit.' })
  @IsOptional()
  @Min(1)
  maxRedemptions?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 1 })
  @IsOptional()
  @Min(1)
  perCustomerLimit?: number | null;

  @Field(() => ID, {
    nullable: true,
    description: "Required of a boutique's owner: their boutique.",
  })
  @IsOptional()
  boutiqueId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  categoryId?: string | null;
}
