import { ConnectionArgs, MoneyInput } from '@vitrine/platform';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsOptional,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ProductStatus } from '../../models/product.model.js';
import { ProductSort } from '../../services/product-query.js';

registerEnumType(ProductSort, { name: 'ProductSort' });

const CURRENCY = /^[A-Z]{3}$/;
const SKU = /^[A-Za-z0-9._-]+$/;

export { MoneyInput };

@InputType()
export class VariantInput {
  @Field({ description: 'Unique within the boutique: letters, digits, dot, dash, underscore.' })
  @MinLength(1)
  @MaxLength(64)
  @Matches(SKU, { message: 'sku may hold letters, digits, ".", "-" and "_"' })
  sku!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  size?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  colour?: string | null;

  @Field(() => MoneyInput)
  @ValidateNested()
  price!: MoneyInput;

  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  compareAtPrice?: MoneyInput | null;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Initial units on sale.' })
  @IsOptional()
  @Min(0, { message: 'stock must not be negative' })
  @Max(1_000_000)
  stock?: number | null;
}

@InputType({ description: 'Only the fields given change; null clears a nullable field.' })
export class UpdateVariantInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(64)
  @Matches(SKU, { message: 'sku may hold letters, digits, ".", "-" and "_"' })
  sku?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  size?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  colour?: string | null;

  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  price?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  compareAtPrice?: MoneyInput | null;
}

/** The fields that a product's creation and its updates share. */
@InputType('ProductFieldsInput')
export class ProductFieldsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  categoryId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(80)
  brand?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @MaxLength(40, { each: true })
  tags?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'https URLs, the first is the cover.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUrl(
    { protocols: ['https'], require_protocol: true },
    { each: true, message: 'images must be https URLs' },
  )
  images?: string[] | null;
}

@InputType()
export class CreateProductInput extends ProductFieldsInput {
  @Field(() => ID)
  boutiqueId!: string;

  @Field()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @Field(() => [VariantInput], { description: 'At least one; every price in one currency.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  variants!: VariantInput[];
}

@InputType({ description: 'Only the fields given change; null clears a nullable field.' })
export class UpdateProductInput extends ProductFieldsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  title?: string | null;
}

@InputType({ description: 'Every filter given applies.' })
export class ProductFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Words that start words of the title, brand, tags or category.',
  })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  boutiqueId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The category or any of its descendants.' })
  @IsOptional()
  categoryId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Minor units.' })
  @IsOptional()
  @Min(0)
  minPrice?: number | null;

  @Field(() => Int, { nullable: true, description: 'Minor units.' })
  @IsOptional()
  @Min(0)
  maxPrice?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(CURRENCY, { message: 'currency must be an ISO 4217 code, e.g. EUR' })
  currency?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  size?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  colour?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  inStock?: boolean | null;

  @Field(() => ProductStatus, {
    nullable: true,
    description: "Other than ACTIVE: the boutique's team only (with boutiqueId).",
  })
  @IsOptional()
  status?: ProductStatus | null;
}

@ArgsType()
export class ProductsArgs extends ConnectionArgs {
  @Field(() => ProductFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ProductFilter | null;

  @Field(() => ProductSort, { defaultValue: ProductSort.NEWEST })
  sort: ProductSort = ProductSort.NEWEST;
}

@InputType()
export class CategoryInput {
  @Field()
  @MinLength(1)
  @MaxLength(80)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Derived from the name when omitted.' })
  @IsOptional()
  @MaxLength(80)
  slug?: string | null;

  @Field(() => ID, { nullable: true, description: 'None for a root category.' })
  @IsOptional()
  parentId?: string | null;
}
