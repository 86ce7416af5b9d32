import { Max, Min } from 'class-validator';
import type { QueryFilter, Model, SortOrder } from 'mongoose';
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Errors } from '../errors.js';
import { tryObjectId } from '../ids.js';

/** Shared by every subgraph's connections, hence `@shareable`. */
@Directive('@shareable')
@ObjectType({ description: 'Where a page of a connection stands in the whole list.' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first = 20;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}

export interface ConnectionResult<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Declares the GraphQL types `<Name>Connection` and `<Name>Edge` for a node type, as the Relay
 * cursor connection spec describes them.
 */
export function ConnectionType<T extends object>(node: ClassType<T>, name = node.name) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass implements ConnectionResult<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list holds.' })
    totalCount!: number;
  }
  return ConnectionClass;
}

type Cursor = [value: unknown, id: string];

function encodeCursor(value: unknown, id: string): string {
  const plain = value instanceof Date ? { $date: value.toISOString() } : value;
  return Buffer.from(JSON.stringify([plain, id])).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      unknown,
      string,
    ];
    if (!tryObjectId(id)) throw new Error('bad id');
    const restored =
      value && typeof value === 'object' && '$date' in value
        ? new Date((value as { $date: string }).$date)
        : value;
    return [restored, id];
  } catch {
    throw Errors.badUserInput('after', 'after is not a cursor of this list');
  }
}

export interface PaginateOptions {
  first: number;
  after?: string | null;
  /** A field to sort on; ties are broken by `_id` in the same direction. Defaults to `_id`. */
  sortField?: string;
  direction?: 'asc' | 'desc';
}

/**
 * Keyset pagination over a collection: stable under inserts, one query for the page and one
 * count, with no `skip`. Works the same on MongoDB and FerretDB.
 */
export async function paginate<T extends { _id: unknown }>(
  model: Model<T>,
  filter: QueryFilter<T>,
  { first, after, sortField = '_id', direction = 'desc' }: PaginateOptions,
): Promise<ConnectionResult<T>> {
  const cmp = direction === 'desc' ? '$lt' : '$gt';
  const order: SortOrder = direction === 'desc' ? -1 : 1;
  let pageFilter: QueryFilter<T> = filter;
  if (after) {
    const [value, id] = decodeCursor(after);
    const _id = tryObjectId(id);
    const keyset =
      sortField === '_id'
        ? { _id: { [cmp]: _id } }
        : { $or: [{ [sortField]: { [cmp]: value } }, { [sortField]: value, _id: { [cmp]: _id } }] };
    pageFilter = { $and: [filter, keyset] };
  }
  const sort: Record<string, SortOrder> =
    sortField === '_id' ? { _id: order } : { [sortField]: order, _id: order };
  const [docs, totalCount] = await Promise.all([
    model
      .find(pageFilter)
      .sort(sort)
      .limit(first + 1)
      .exec(),
    model.countDocuments(filter).exec(),
  ]);
  const page = docs.slice(0, first) as unknown as T[];
  const edges = page.map((node) => {
    const record = node as unknown as Record<string, unknown> & { _id: { toString(): string } };
    return { node, cursor: encodeCursor(record[sortField], record._id.toString()) };
  });
  return {
    edges,
    totalCount,
    pageInfo: { hasNextPage: docs.length > first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
