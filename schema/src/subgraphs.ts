import type { GraphQLSchema } from 'graphql';
import { buildBoutiquesSchema } from '@vitrine/boutiques';
import { buildProductsSchema } from '@vitrine/products';
import { buildOrdersSchema } from '@vitrine/orders';
import { buildPaymentsSchema } from '@vitrine/payments';
import { buildUsersSchema } from '@vitrine/users';

/**
 * Every subgraph's schema builder, by the name it has in supergraph.yaml. Building a schema needs
 * no database or broker: this is what the SDL is emitted from.
 */
export const subgraphSchemas: Record<string, () => Promise<GraphQLSchema>> = {
  users: () => buildUsersSchema(),
  boutiques: () => buildBoutiquesSchema(),
  products: () => buildProductsSchema(),
  orders: () => buildOrdersSchema(),
  payments: () => buildPaymentsSchema(),
};
