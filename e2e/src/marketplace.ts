import { randomUUID } from 'node:crypto';
import { uniqueEmail, waitFor } from '@vitrine/platform/testing';
import { expect } from 'vitest';
import {
  ApplyForBoutiqueDocument,
  ApproveBoutiqueDocument,
  CreateProductDocument,
  LoginDocument,
  RegisterDocument,
  SetProductStatusDocument,
} from './generated/graphql.js';
import type { Supergraph } from './supergraph.js';

/**
 * Factories of the marketplace's people and things, made through the gateway as its users make
 * them: accounts, approved boutiques, active products.
 */
export const PASSWORD = 'Correct-Horse-42';

const WEEK = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const;

export interface Account {
  id: string;
  token: string;
}

/** Retries an operation that depends on a read model another subgraph feeds through Kafka. */
export function eventually<T>(attempt: () => Promise<T | undefined>, message: string): Promise<T> {
  return waitFor(() => attempt(), { timeoutMs: 30_000, intervalMs: 250, message });
}

/** A new customer account, signed in. */
export async function account(stack: Supergraph, name: string): Promise<Account> {
  const { register } = await stack.client.data(RegisterDocument, {
    input: { email: uniqueEmail(name), password: PASSWORD, firstName: name },
  });
  return { id: register.user.id, token: register.accessToken };
}

/** The marketplace's bootstrap admin, signed in. */
export async function adminOf(stack: Supergraph): Promise<Account> {
  const { login } = await stack.client.data(LoginDocument, { input: stack.admin });
  return { id: login.user.id, token: login.accessToken };
}

/** A boutique the owner applied for and the admin approved; open every hour of the week. */
export async function openBoutique(
  stack: Supergraph,
  owner: Account,
  admin: Account,
  name: string,
  latitude = 45.76,
  longitude = 4.83,
): Promise<string> {
  const { applyForBoutique } = await stack.client.data(
    ApplyForBoutiqueDocument,
    {
      input: {
        name,
        description: `${name}, an independent boutique`,
        contact: { email: uniqueEmail('contact') },
        address: {
          line1: '1 rue de la Mode',
          city: 'Lyon',
          postalCode: '69002',
          country: 'FR',
          latitude,
          longitude,
        },
        openingHours: {
          timezone: 'Europe/Paris',
          days: WEEK.map((weekday) => ({ weekday, ranges: [{ opens: '00:00', closes: '24:00' }] })),
        },
        categories: ['fashion'],
      },
    },
    { token: owner.token },
  );
  expect(applyForBoutique.status).toBe('PENDING');
  const { approveBoutique } = await stack.client.data(
    ApproveBoutiqueDocument,
    { id: applyForBoutique.id },
    { token: admin.token },
  );
  expect(approveBoutique.status).toBe('APPROVED');
  return applyForBoutique.id;
}

/** An ACTIVE product of one variant at this price (EUR minor units), once the catalog has the boutique. */
export async function listProduct(
  stack: Supergraph,
  owner: Account,
  boutiqueId: string,
  title: string,
  amount: number,
  stock = 5,
): Promise<{ productId: string; variantId: string }> {
  const { createProduct } = await eventually(
    () =>
      stack.client.data(
        CreateProductDocument,
        {
          input: {
            boutiqueId,
            title,
            description: 'Hand-made, limited run',
            variants: [
              {
                sku: `SKU-${randomUUID().slice(0, 8)}`,
                size: 'M',
                colour: 'black',
                price: { amount, currency: 'EUR' },
                stock,
              },
            ],
          },
        },
        { token: owner.token },
      ),
    'the approved boutique to reach the catalog',
  );
  await stack.client.data(
    SetProductStatusDocument,
    { id: createProduct.id, status: 'ACTIVE' },
    { token: owner.token },
  );
  return { productId: createProduct.id, variantId: createProduct.variants[0].id };
}
