import { Errors } from '@vitrine/platform';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { ProductsContext } from '../loaders.js';
import {
  Product,
  ProductStatus,
  Variant,
  type ProductDocument,
  type VariantDocument,
} from '../models/product.model.js';
import type { ProductViewService } from '../services/product-view.service.js';
import type { ProductService } from '../services/product.service.js';
import {
  CreateProductInput,
  UpdateProductInput,
  UpdateVariantInput,
  VariantInput,
} from './types/product.types.js';

/** Writing the catalog: the boutique's owner and staff (approved boutiques), and admins. */
@Resolver(() => Product)
export class CatalogResolver {
  constructor(
    private readonly products: ProductService,
    private readonly views: ProductViewService,
  ) {}

  @Authorized()
  @Mutation(() => Product, { description: 'A new DRAFT product with its variants and stock.' })
  createProduct(
    @Arg('input', () => CreateProductInput) input: CreateProductInput,
    @Ctx() ctx: ProductsContext,
  ): Promise<ProductDocument> {
    return this.products.create(ctx, input);
  }

  @Authorized()
  @Mutation(() => Product)
  updateProduct(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateProductInput) input: UpdateProductInput,
    @Ctx() ctx: ProductsContext,
  ): Promise<ProductDocument> {
    return this.products.update(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => Product)
  setProductStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => ProductStatus) status: ProductStatus,
    @Ctx() ctx: ProductsContext,
  ): Promise<ProductDocument> {
    return this.products.setStatus(ctx, id, status);
  }

  @Authorized()
  @Mutation(() => Product)
  addVariant(
    @Arg('productId', () => ID) productId: string,
    @Arg('input', () => VariantInput) input: VariantInput,
    @Ctx() ctx: ProductsContext,
  ): Promise<ProductDocument> {
    return this.products.addVariant(ctx, productId, input);
  }

  @Authorized()
  @Mutation(() => Product)
  updateVariant(
    @Arg('productId', () => ID) productId: string,
    @Arg('variantId', () => ID) variantId: string,
    @Arg('input', () => UpdateVariantInput) input: UpdateVariantInput,
    @Ctx() ctx: ProductsContext,
  ): Promise<ProductDocument> {
    return this.products.updateVariant(ctx, productId, variantId, {
      ...input,
      sku: input.sku ?? undefined,
      price: input.price ?? undefined,
    });
  }

  @Authorized()
  @Mutation(() => Product, { description: 'A product keeps at least one variant.' })
  removeVariant(
    @Arg('productId', () => ID) productId: string,
    @Arg('variantId', () => ID) variantId: string,
    @Ctx() ctx: ProductsContext,
  ): Promise<ProductDocument> {
    return this.products.removeVariant(ctx, productId, variantId);
  }

  @Authorized()
  @Mutation(() => Variant, {
    description: 'Restock (delta > 0) or write off (delta < 0) units; never below zero.',
  })
  async adjustStock(
    @Arg('productId', () => ID) productId: string,
    @Arg('variantId', () => ID) variantId: string,
    @Arg('delta', () => Int) delta: number,
    @Ctx() ctx: ProductsContext,
  ): Promise<VariantDocument> {
    const product = await this.products.adjustStock(ctx, productId, variantId, delta);
    const variant = product.variants.find((v) => v._id.toHexString() === variantId);
    if (!variant) throw Errors.notFound('Variant', variantId);
    return variant as VariantDocument;
  }

  @Mutation(() => Boolean, {
    description:
      'Counts a view of a product: once per viewer (user, or client address) per time window. True when it counted.',
  })
  recordProductView(
    @Arg('productId', () => ID) productId: string,
    @Ctx() ctx: ProductsContext,
  ): Promise<boolean> {
    return this.views.record(ctx, productId);
  }
}
