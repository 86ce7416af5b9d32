import { ConnectionArgs, ConnectionType } from '@vitrine/platform';
import {
  IsISO31661Alpha2,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType, createUnionType } from 'type-graphql';
import { CartView } from '../../models/cart-view.model.js';
import { Money } from '../../models/money.model.js';
import { Order, OrderStatus } from '../../models/order.model.js';

export const OrderConnection = ConnectionType(Order);

@InputType({ description: 'Every given condition must hold.' })
export class OrderFilter {
  @Field(() => [OrderStatus], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional()
  status?: OrderStatus[] | null;

  @Field(() => Date, { nullable: true, description: 'Created at or after.' })
  @IsOptional()
  createdAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Created before.' })
  @IsOptional()
  createdBefore?: Date | null;
}

@ArgsType()
export class OrdersArgs extends ConnectionArgs {
  @Field(() => OrderFilter, { nullable: true })
  @IsOptional()
  filter?: OrderFilter | null;
}

@ArgsType()
export class AddToCartArgs {
  @Field(() => ID)
  productId!: string;

  @Field(() => ID)
  variantId!: string;

  @Field(() => Int, { description: '1 to 99; added to the quantity already in the cart.' })
  @Min(1, { message: 'quantity must be at least 1' })
  @Max(99, { message: 'quantity must be at most 99' })
  quantity!: number;
}

@ArgsType()
export class UpdateCartItemArgs {
  @Field(() => ID)
  variantId!: string;

  @Field(() => Int, { description: '1 to 99 (use removeFromCart to remove a line).' })
  @Min(1, { message: 'quantity must be at least 1' })
  @Max(99, { message: 'quantity must be at most 99' })
  quantity!: number;
}

const E164 = /^\+[1-9]\d{6,14}$/;

@InputType()
export class ShippingAddressInput {
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

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +33612345678.' })
  @IsOptional()
  @Matches(E164, { message: 'phone must be in E.164 form, e.g. +33612345678' })
  phone?: string | null;
}

@ObjectType({ description: 'The orders of one checkout (one per boutique) and their sums.' })
export class Checkout {
  @Field(() => ID, { description: 'The checkoutId of its orders; what payments charges.' })
  id!: string;

  @Field(() => [Order])
  orders!: Order[];

  @Field(() => Money)
  subtotal!: Money;

  @Field(() => Money)
  tax!: Money;

  @Field(() => Money, { description: 'One delivery fee per boutique order.' })
  deliveryFee!: Money;

  @Field(() => Money, { description: 'What the customer pays for the whole checkout.' })
  total!: Money;
}

@ObjectType({
  description:
    'Checkout refused because lines changed since the customer saw them: nothing was ordered.',
})
export class CartChanged {
  @Field()
  message!: string;

  @Field(() => CartView, { description: 'The cart, with the changed lines flagged.' })
  cart!: CartView;
}

export const CheckoutResult = createUnionType({
  name: 'CheckoutResult',
  description: 'The orders, or why the cart must be reviewed first.',
  types: () => [Checkout, CartChanged] as const,
  resolveType: (value) => ('cart' in value ? CartChanged : Checkout),
});
