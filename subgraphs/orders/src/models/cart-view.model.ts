import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Money } from './money.model.js';

@ObjectType({
  description:
    'A line of a cart, priced now from the catalog. `priceChanged` and `unavailable` flag what changed since the customer added it.',
})
export class CartLine {
  @Field(() => ID, { description: 'The variant id: a cart holds one line per variant.' })
  id!: string;

  productId!: string;

  boutiqueId!: string;

  @Field(() => ID)
  variantId!: string;

  @Field()
  title!: string;

  @Field()
  sku!: string;

  @Field(() => String, { nullable: true })
  size!: string | null;

  @Field(() => String, { nullable: true })
  colour!: string | null;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Money, { description: 'The current price (what checkout charges).' })
  unitPrice!: Money;

  @Field(() => Money, { description: 'The price shown when the line was added or last accepted.' })
  shownUnitPrice!: Money;

  @Field(() => Money)
  lineTotal!: Money;

  @Field(() => Int, { description: 'Units that can be bought now.' })
  available!: number;

  @Field({ description: 'The current price differs from the one shown.' })
  priceChanged!: boolean;

  @Field({
    description:
      'The line cannot be bought as it is: product or boutique closed, variant gone, or not enough stock.',
  })
  unavailable!: boolean;

  @Field(() => String, { nullable: true, description: 'What changed, for the customer.' })
  message!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType('Cart', { description: "A customer's cart: items from any number of boutiques." })
export class CartView {
  @Field(() => ID, { description: "The customer's id (one cart per customer)." })
  id!: string;

  @Field(() => [CartLine], { description: 'Oldest first.' })
  lines!: CartLine[];

  @Field(() => Int, { description: 'Units in the cart.' })
  itemCount!: number;

  @Field(() => Money, { nullable: true, description: 'Current prices; null for an empty cart.' })
  subtotal!: Money | null;

  @Field({ description: 'Some line changed: accept the new prices or fix the lines first.' })
  needsReview!: boolean;

  @Field(() => Int, { description: 'Increases with every change of the cart.' })
  revision!: number;
}
