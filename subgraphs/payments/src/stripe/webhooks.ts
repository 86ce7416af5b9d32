import { isDuplicateKeyError, type Logger } from '@vitrine/platform';
import express, { type Express } from 'express';
import type { StripeSettings } from '../config.js';
import type { StripeEventModel } from '../models/stripe-event.model.js';
import type { Stripe } from './stripe-client.js';

export const WEBHOOK_PATH = '/webhooks/stripe';

/** What the subgraph does with each Stripe event type it listens to. */
export type WebhookHandlers = {
  [T in Stripe.Event.Type]?: (event: Extract<Stripe.Event, { type: T }>) => Promise<void>;
};

export interface WebhookOutcome {
  status: number;
  body: { received: boolean; duplicate?: boolean; ignored?: boolean; error?: string };
}

/** How long one delivery holds an event before another delivery may take it over. */
const LEASE_MS = 60_000;

/**
 * Responsible for Stripe's webhook: it verifies the signature over the raw body (and its age,
 * within the tolerance), then processes each Stripe event once. A delivery of an event already
 * processed is acknowledged with 200 and changes nothing; one still being processed elsewhere
 * gets 409 (Stripe retries); a handler failure releases the event and answers 500, so Stripe's
 * retry processes it again. Handlers are idempotent state-machine moves, so a crash between a
 * handler's write and the `processedAt` mark cannot apply an event twice either.
 */
export class StripeWebhookReceiver {
  constructor(
    private readonly stripe: Stripe,
    private readonly settings: StripeSettings,
    private readonly events: StripeEventModel,
    private readonly handlers: WebhookHandlers,
    private readonly logger: Logger,
  ) {}

  /** Mounts `POST /webhooks/stripe` with a raw body (the signature is over the exact bytes). */
  route(app: Express): void {
    app.post(WEBHOOK_PATH, express.raw({ type: () => true, limit: '512kb' }), (req, res, next) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      this.receive(body, req.header('stripe-signature'))
        .then((outcome) => res.status(outcome.status).json(outcome.body))
        .catch(next);
    });
  }

  async receive(rawBody: Buffer, signature: string | undefined): Promise<WebhookOutcome> {
    let event: Stripe.Event;
    try {
      if (!signature) throw new Error('no Stripe-Signature header');
      event = this.stripe.webhooks.constructEvent(
        rawBody,
        signature,
        this.settings.webhookSecret,
        this.settings.webhookToleranceSeconds,
      );
    } catch (err) {
      this.logger.warn({ reason: (err as Error).message }, 'stripe webhook refused');
      return { status: 400, body: { received: false, error: 'invalid or stale signature' } };
    }
    const handler = this.handlers[event.type] as
      ((event: Stripe.Event) => Promise<void>) | undefined;
    if (!handler) return { status: 200, body: { received: true, ignored: true } };

    const claim = await this.claim(event);
    if (claim !== 'claimed') {
      return claim === 'done'
        ? { status: 200, body: { received: true, duplicate: true } }
        : { status: 409, body: { received: false, error: 'being processed' } };
    }
    const log = this.logger.child({ stripeEvent: event.id, type: event.type });
    try {
      await handler(event);
    } catch (err) {
      await this.events.updateOne({ _id: event.id }, { $set: { leaseUntil: new Date(0) } }).exec();
      log.error({ err }, 'stripe webhook failed; Stripe will deliver it again');
      return { status: 500, body: { received: false, error: 'processing failed' } };
    }
    await this.events.updateOne({ _id: event.id }, { $set: { processedAt: new Date() } }).exec();
    log.info('stripe webhook processed');
    return { status: 200, body: { received: true } };
  }

  /**
   * Forgets the events processed longer ago than Stripe redelivers (3 days) and some margin; the
   * handlers' state machines still refuse a very late duplicate.
   */
  async sweep(olderThanMs = 30 * 86_400_000): Promise<number> {
    const cutoff = new Date(Date.now() - olderThanMs);
    const { deletedCount } = await this.events.deleteMany({ processedAt: { $lt: cutoff } }).exec();
    return deletedCount;
  }

  /** Takes the event for this delivery: `claimed`, `done` (already processed) or `busy`. */
  private async claim(event: Stripe.Event): Promise<'claimed' | 'done' | 'busy'> {
    const now = new Date();
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    try {
      await this.events.create({ _id: event.id, type: event.type, processedAt: null, leaseUntil });
      return 'claimed';
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    const taken = await this.events
      .updateOne(
        { _id: event.id, processedAt: null, leaseUntil: { $lt: now } },
        { $set: { leaseUntil } },
      )
      .exec();
    if (taken.modifiedCount === 1) return 'claimed';
    const record = await this.events.findById(event.id).lean().exec();
    return record?.processedAt ? 'done' : 'busy';
  }
}
