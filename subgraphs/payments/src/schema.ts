import { buildFederatedSchema, Errors } from '@vitrine/platform';
import type { GraphQLSchema } from 'graphql';
import type { ClassType, NonEmptyArray } from 'type-graphql';
import { couponResolvers } from './coupons/index.js';
import { loyaltyResolvers } from './loyalty/index.js';
import { paymentResolvers } from './checkout-payments/index.js';
import { subscriptionResolvers } from './subscriptions/index.js';
import { BoutiqueRef, OrderRef, UserRef } from './models/entity-refs.model.js';
import type { PaymentsModule } from './module.js';

export const resolvers = [
  ...paymentResolvers,
  ...couponResolvers,
  ...loyaltyResolvers,
  ...subscriptionResolvers,
] as const;

const unavailable = () => {
  throw Errors.internal();
};

/** `User`, `Boutique` and `Order` are extended by their key only: the key is the reference. */
const byKey = { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) };

/**
 * The payments subgraph schema, from the resolver classes of every module. Without modules (as
 * when the SDL is emitted) the resolvers are never called; with them, each class gets its
 * instance (and so its services) from the modules.
 */
export function buildPaymentsSchema(modules?: PaymentsModule[]): Promise<GraphQLSchema> {
  const instances = new Map<unknown, unknown>(modules?.flatMap((m) => m.resolvers) ?? []);
  const reference = modules ? byKey : { __resolveReference: unavailable };
  return buildFederatedSchema({
    resolvers: [...resolvers] as unknown as NonEmptyArray<ClassType>,
    // Entities this subgraph only extends with fields are reachable from no root field.
    orphanedTypes: [UserRef, BoutiqueRef, OrderRef],
    references: {
      User: reference,
      Boutique: reference,
      Order: reference,
      Payment: { __resolveReference: unavailable },
      ...Object.fromEntries((modules ?? []).flatMap((m) => Object.entries(m.references ?? {}))),
    },
    pubSub: { publish: () => undefined, subscribe: () => (async function* () {})() },
    container: {
      get: (someClass: new () => unknown) => instances.get(someClass) ?? new someClass(),
    },
  });
}
