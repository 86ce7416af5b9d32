import Stripe from 'stripe';
import type { StripeSettings } from '../config.js';

export { Stripe };

/**
 * The Stripe client of the subgraph: Stripe itself, or another API base (stripe-mock locally and
 * in tests) given as protocol, host and port. Network errors are retried by the SDK; every create
 * call also carries an idempotency key, so a retry never creates twice.
 */
export function createStripe(settings: StripeSettings): Stripe {
  const base = settings.apiBase;
  return new Stripe(settings.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    ...(base && {
      protocol: base.protocol === 'http:' ? 'http' : 'https',
      host: base.hostname,
      port: base.port || (base.protocol === 'http:' ? 80 : 443),
    }),
  });
}
