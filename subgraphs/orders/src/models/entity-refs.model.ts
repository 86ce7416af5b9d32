import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** `User`, owned by users: declared with its key to add `orders` and `cart` to it. */
@Directive('@key(fields: "id")')
@ObjectType('User')
export class UserRef {
  @Field(() => ID)
  id!: string;
}

/** `Boutique`, owned by boutiques: declared with its key to add `orders` to it. */
@Directive('@key(fields: "id")')
@ObjectType('Boutique')
export class BoutiqueRef {
  @Field(() => ID)
  id!: string;
}

/** `Product`, owned by products: a reference only (products resolves its fields). */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Product')
export class ProductRef {
  @Field(() => ID)
  id!: string;
}
