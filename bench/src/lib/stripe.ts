import { createHmac } from 'node:crypto';

/**
 * The `Stripe-Signature` header Stripe sends with a webhook: `t=<unix seconds>,v1=<hex>`, the
 * HMAC-SHA256 of `<t>.<raw body>` with the endpoint's signing secret (what the stripe library's
 * `webhooks.generateTestHeaderString` computes; node:crypto spares the bench a dependency).
 */
export function stripeSignature(payload: string, secret: string, timestamp = Date.now()): string {
  const t = Math.floor(timestamp / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${payload}`, 'utf8').digest('hex');
  return `t=${t},v1=${v1}`;
}
