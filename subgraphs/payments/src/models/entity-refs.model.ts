import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** `User`, owned by users: declared with its key to add `payments` and `loyalty` to it. */
@Directive('@key(fields: "id")')
@ObjectType('User')
export class UserRef {
  @Field(() => ID)
  id!: string;
}

/** `Boutique`, owned by boutiques: declared with its key to add `payments`, `coupons` and `subscription`. */
@Directive('@key(fields: "id")')
@ObjectType('Boutique')
export class BoutiqueRef {
  @Field(() => ID)
  id!: string;
}

/** `Order`, owned by orders: declared with its key to add `payment` to it. */
@Directive('@key(fields: "id")')
@ObjectType('Order')
export class OrderRef {
  @Field(() => ID)
  id!: string;
}
