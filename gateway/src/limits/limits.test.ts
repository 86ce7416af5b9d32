import { buildSchema, getOperationAST, parse, validate, type GraphQLError } from '../graphql.js';
import { describe, expect, it } from 'vitest';
import { asTokenLimitError, checkOperationLimits, type OperationLimits } from './index.js';

const schema = buildSchema(`
  type Query {
    product(id: ID!): Product
    products(first: Int = 20, after: String): ProductConnection!
    categories: [Category!]!
    me: User
  }
  type Mutation { login(email: String!): Boolean }
  type User { id: ID! friend: User name: String }
  type Category { id: ID! name: String products(first: Int): ProductConnection! }
  type ProductConnection { edges: [ProductEdge!]! nodes: [Product!]! totalCount: Int! }
  type ProductEdge { cursor: String! node: Product! }
  type Product { id: ID! title: String tags: [String!]! reviews: [Review!]! }
  type Review { id: ID! body: String }
`);

const generous: OperationLimits = {
  maxDepth: 100,
  maxAliases: 1_000,
  maxDirectives: 1_000,
  maxCost: 1_000_000,
  maxTokens: 10_000,
  defaultPageSize: 20,
  maxPageSize: 100,
};

function check(source: string, limits: Partial<OperationLimits>, variables = {}) {
  const document = parse(source);
  expect(validate(schema, document)).toEqual([]);
  return checkOperationLimits(
    schema,
    document,
    getOperationAST(document),
    { ...generous, ...limits },
    variables,
  );
}

function only(errors: readonly GraphQLError[]) {
  expect(errors).toHaveLength(1);
  return errors[0].extensions;
}

/** The measured value of a limit, read back from the error of a limit set just below it. */
function measure(source: string, limit: 'maxDepth' | 'maxCost', variables = {}): number {
  const errors = check(source, { [limit]: 1 }, variables);
  return errors.length ? (only(errors).measured as number) : 1;
}

describe('depth limit', () => {
  it('counts nested fields, through fragments and inline fragments', () => {
    expect(measure('{ me { id } }', 'maxDepth')).toBe(2);
    const source = `
      query { me { ...F } }
      fragment F on User { friend { ... on User { friend { name } } } }
    `;
    expect(only(check(source, { maxDepth: 3 }))).toMatchObject({
      code: 'OPERATION_LIMIT_EXCEEDED',
      limit: 'depth',
      measured: 4,
      max: 3,
    });
    expect(check(source, { maxDepth: 4 })).toEqual([]);
  });

  it('ignores introspection, which is deep by design', () => {
    const source = '{ __schema { types { fields { type { ofType { ofType { name } } } } } } }';
    expect(check(source, { maxDepth: 1 })).toEqual([]);
  });
});

describe('aliases limit', () => {
  it('counts every aliased field, a fragment once per spread', () => {
    const source = `
      mutation { a: login(email: "a") b: login(email: "b") }
    `;
    expect(check(source, { maxAliases: 2 })).toEqual([]);
    expect(only(check(source, { maxAliases: 1 }))).toMatchObject({
      limit: 'aliases',
      measured: 2,
      max: 1,
    });
    const spread = `
      { me { ...Names friend { ...Names } } }
      fragment Names on User { first: name second: name }
    `;
    expect(only(check(spread, { maxAliases: 3 }))).toMatchObject({ measured: 4 });
  });
});

describe('directives limit', () => {
  it('counts directives on fields, fragments and variables', () => {
    const source = `
      query ($yes: Boolean! = true) {
        me @include(if: $yes) { id @skip(if: false) ...F @include(if: true) }
      }
      fragment F on User { name @include(if: true) }
    `;
    expect(check(source, { maxDirectives: 4 })).toEqual([]);
    expect(only(check(source, { maxDirectives: 3 }))).toMatchObject({
      limit: 'directives',
      measured: 4,
      max: 3,
    });
  });
});

describe('cost limit', () => {
  it('counts each field once, outside lists', () => {
    expect(measure('{ me { id name friend { id } } }', 'maxCost')).toBe(5);
    expect(measure('{ __typename me { __typename id } }', 'maxCost')).toBe(2);
  });

  it('multiplies a connection by `first`, not again by its edges', () => {
    // products: 1 + 10 × (edges: 1 + (node: 1 + id 1 + title 1))
    expect(measure('{ products(first: 10) { edges { node { id title } } } }', 'maxCost')).toBe(41);
  });

  it('uses the variable, the schema default or the default page size, capped', () => {
    const source = 'query ($n: Int) { products(first: $n) { nodes { id } } }';
    expect(measure(source, 'maxCost', { n: 5 })).toBe(1 + 5 * 2);
    expect(measure(source, 'maxCost', { n: 10_000 })).toBe(1 + 100 * 2);
    // `first: Int = 20` in the schema; an absent variable leaves the schema default.
    expect(measure('{ products { nodes { id } } }', 'maxCost')).toBe(1 + 20 * 2);
    expect(
      check('{ categories { products { nodes { id } } } }', { maxCost: 1, defaultPageSize: 3 }),
    ).toMatchObject([{ extensions: { measured: 1 + 3 * (1 + 3 * 2) } }]);
  });

  it('multiplies nested lists and rejects what exceeds the limit', () => {
    const source = '{ categories { products(first: 50) { nodes { reviews { body } } } } }';
    // categories 1 + 20 × (products 1 + 50 × (nodes 1 + (reviews 1 + 20 × body 1)))
    const measured = 1 + 20 * (1 + 50 * (1 + (1 + 20)));
    expect(only(check(source, { maxCost: 5_000 }))).toMatchObject({
      code: 'OPERATION_LIMIT_EXCEEDED',
      limit: 'cost',
      measured,
      max: 5_000,
    });
    expect(check(source, { maxCost: measured })).toEqual([]);
  });
});

describe('token limit', () => {
  it("turns graphql's parser abort into the limit error", () => {
    let parseError: unknown;
    try {
      parse('{ me { id name friend { id } } }', { maxTokens: 5 });
    } catch (err) {
      parseError = err;
    }
    expect(asTokenLimitError(parseError as Error)?.extensions).toEqual({
      code: 'OPERATION_LIMIT_EXCEEDED',
      limit: 'tokens',
      measured: undefined,
      max: 5,
    });
    expect(asTokenLimitError(new Error('Syntax Error: Expected Name'))).toBeUndefined();
  });
});
