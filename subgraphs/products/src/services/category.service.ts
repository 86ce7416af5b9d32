import {
  Errors,
  inOrderOf,
  isDuplicateKeyError,
  objectIdsOf,
  requireRole,
  Role,
  toObjectId,
  tryObjectId,
  type AuthContext,
  words,
} from '@vitrine/platform';
import { Types } from 'mongoose';
import type { CategoryDocument, CategoryModel } from '../models/category.model.js';

export interface CategoryInputData {
  name: string;
  slug?: string | null;
  parentId?: string | null;
}

/** A category with its ancestors, as a product keeps it. */
export interface CategoryLineage {
  categoryId: string;
  /** The category and its ancestors. */
  ids: string[];
  /** Their names, for search tokens. */
  names: string[];
}

export function slugify(text: string): string {
  return words(text).join('-');
}

/** Responsible for the category tree: admins add nodes; everyone reads it. */
export class CategoryService {
  constructor(private readonly categories: CategoryModel) {}

  async create(ctx: AuthContext, input: CategoryInputData): Promise<CategoryDocument> {
    requireRole(ctx, Role.ADMIN);
    const slug = slugify(input.slug ?? input.name);
    if (!slug) throw Errors.badUserInput('input.slug', 'slug needs letters or digits');
    let ancestorIds: string[] = [];
    if (input.parentId) {
      const parent = await this.categories
        .findById(toObjectId(input.parentId, 'input.parentId'))
        .exec();
      if (!parent) throw Errors.badUserInput('input.parentId', 'No category has this id');
      ancestorIds = [...parent.ancestorIds, parent.id];
    }
    try {
      return await this.categories.create({
        _id: new Types.ObjectId(),
        name: input.name.trim(),
        slug,
        parentId: input.parentId ?? null,
        ancestorIds,
      });
    } catch (err) {
      if (isDuplicateKeyError(err)) throw Errors.conflict('A category has this slug', 'input.slug');
      throw err;
    }
  }

  async get(id: string | null, slug: string | null): Promise<CategoryDocument | null> {
    if (id) {
      const _id = tryObjectId(id);
      return _id ? this.categories.findById(_id).exec() : null;
    }
    return slug ? this.categories.findOne({ slug }).exec() : null;
  }

  /** Roots, or the children of a category, by name. */
  list(parentId: string | null): Promise<CategoryDocument[]> {
    return this.categories.find({ parentId }).sort({ name: 1 }).exec();
  }

  /** The lineage a product stores; BAD_USER_INPUT on `field` for an unknown category. */
  async lineage(categoryId: string, field: string): Promise<CategoryLineage> {
    const category = await this.categories.findById(toObjectId(categoryId, field)).exec();
    if (!category) throw Errors.badUserInput(field, 'No category has this id');
    const ancestors = await this.byIds(category.ancestorIds);
    return {
      categoryId,
      ids: [...category.ancestorIds, categoryId],
      names: [...ancestors.map((a) => a?.name ?? ''), category.name],
    };
  }

  async byIds(ids: readonly string[]): Promise<(CategoryDocument | null)[]> {
    const found = await this.categories.find({ _id: { $in: objectIdsOf(ids) } }).exec();
    return inOrderOf(ids, found, (c) => c.id);
  }

  /** The children of many categories in one query, in the order of `parentIds`. */
  async childrenOf(parentIds: readonly string[]): Promise<CategoryDocument[][]> {
    const found = await this.categories
      .find({ parentId: { $in: [...parentIds] } })
      .sort({ name: 1 })
      .exec();
    return parentIds.map((id) => found.filter((c) => c.parentId === id));
  }
}
