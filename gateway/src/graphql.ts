/**
 * graphql as the gateway imports it: the package's CommonJS build, the one that @apollo/gateway,
 * Apollo Server and graphql-ws load. Node resolves a plain `graphql` import to that build anyway,
 * but vite (so vitest) prefers the package's ESM build, and schemas and errors would then cross
 * between two copies of graphql ("Cannot use GraphQLSchema from another module or realm",
 * `instanceof GraphQLError` failing in graphql-ws and Apollo Server).
 */
export * from 'graphql/index.js';
