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
  StartCheckoutPaymentDocument,
  type PaymentSummaryFragment,
  type StartCheckoutPaymentInput,
  type StartCheckoutPaymentMutation,
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

/**
 * Starts the payment of a checkout as the customer's app does: while payments has not yet seen
 * every order of the checkout it answers CONFLICT on `input.checkoutId`, and the app retries.
 */
export async function startPayment(
  stack: Supergraph,
  customer: Account,
  input: StartCheckoutPaymentInput,
): Promise<StartCheckoutPaymentMutation['startCheckoutPayment']> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await stack.client.request(
      StartCheckoutPaymentDocument,
      { input },
      { token: customer.token },
    );
    const error = response.errors?.[0];
    if (!error && response.data) return response.data.startCheckoutPayment;
    const retry =
      error?.extensions?.code === 'CONFLICT' && error.extensions.field === 'input.checkoutId';
    if (!retry || Date.now() > deadline) {
      throw new Error(`startCheckoutPayment failed: ${JSON.stringify(response.errors)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Stripe's `payment_intent.succeeded` for the payment's PaymentIntent. */
export function intentSucceeded(payment: PaymentSummaryFragment) {
  return {
    id: payment.transactionId,
    object: 'payment_intent',
    amount: payment.amount.amount,
    amount_received: payment.amount.amount,
    currency: payment.amount.currency.toLowerCase(),
    status: 'succeeded',
    payment_method_types: ['card'],
    metadata: { paymentId: payment.id },
  };
}
