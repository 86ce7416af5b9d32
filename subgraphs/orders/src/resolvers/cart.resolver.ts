import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { OrdersContext } from '../loaders.js';
import { CartLine, CartView } from '../models/cart-view.model.js';
import { BoutiqueRef, ProductRef } from '../models/entity-refs.model.js';
import type { CartService } from '../services/cart.service.js';
import { AddToCartArgs, UpdateCartItemArgs } from './types/order.types.js';

/** The signed-in customer's cart. */
@Resolver(() => CartView)
export class CartResolver {
  constructor(private readonly carts: CartService) {}

  @Authorized()
  @Query(() => CartView, {
    description: "The signed-in user's cart (empty if they never had one).",
  })
  cart(@Ctx() ctx: OrdersContext): Promise<CartView> {
    return this.carts.cart(ctx);
  }

  @Authorized()
  @Mutation(() => CartView, {
    description:
      'Adds units of a variant (to its line if there is one). BAD_USER_INPUT names the field: a product or boutique not selling (productId), an unknown variant (variantId), a quantity out of 1..99 or over the stock (quantity).',
  })
  addToCart(@Args() args: AddToCartArgs, @Ctx() ctx: OrdersContext): Promise<CartView> {
    return this.carts.addToCart(ctx, args);
  }

  @Authorized()
  @Mutation(() => CartView, {
    description: "Sets a line's quantity; the line takes the current price.",
  })
  updateCartItem(@Args() args: UpdateCartItemArgs, @Ctx() ctx: OrdersContext): Promise<CartView> {
    return this.carts.updateCartItem(ctx, args);
  }

  @Authorized()
  @Mutation(() => CartView)
  removeFromCart(
    @Arg('variantId', () => ID) variantId: string,
    @Ctx() ctx: OrdersContext,
  ): Promise<CartView> {
    return this.carts.removeFromCart(ctx, variantId);
  }

  @Authorized()
  @Mutation(() => CartView)
  clearCart(@Ctx() ctx: OrdersContext): Promise<CartView> {
    return this.carts.clearCart(ctx);
  }

  @Authorized()
  @Mutation(() => CartView, {
    description:
      'The customer accepts the current prices of every line (after a CartChanged checkout result).',
  })
  acceptCartChanges(@Ctx() ctx: OrdersContext): Promise<CartView> {
    return this.carts.acceptCartChanges(ctx);
  }
}

@Resolver(() => CartLine)
export class CartLineResolver {
  @FieldResolver(() => ProductRef)
  product(@Root() line: Pick<CartLine, 'productId'>): ProductRef {
    return { id: line.productId };
  }

  @FieldResolver(() => BoutiqueRef, { nullable: true, description: 'Null if the product is gone.' })
  boutique(@Root() line: Pick<CartLine, 'boutiqueId'>): BoutiqueRef | null {
    return line.boutiqueId ? { id: line.boutiqueId } : null;
  }
}
