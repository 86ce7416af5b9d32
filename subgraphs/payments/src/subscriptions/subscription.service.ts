import {
  Errors,
  hasRole,
  initialOutbox,
  inOrderOf,
  isDuplicateKeyError,
  requireViewer,
  Role,
  toObjectId,
  updateWithEvents,
  type Logger,
  type OutboxWriter,
  isTeamMember,
} from '@vitrine/platform';
import DataLoader from 'dataloader';
import type { PaymentsContext } from '../context.js';
import type { ReadModelService } from '../services/read-model.service.js';
import type { Stripe } from '../stripe/stripe-client.js';
import { findPlan, planPrice, PLANS, type PlanDefinition, type PlanInterval } from './plans.js';
import type { StripePlans } from './stripe-plans.js';
import {
  boutiqueIdOf,
  factsFromStripe,
  invoiceSubscription,
  type KnownPlan,
} from './stripe-mapping.js';
import type {
  BoutiqueSubscriptionModel,
  StoredBoutiqueSubscription,
} from './subscription.model.js';
import {
  admit,
  canSell,
  isTerminal,
  statusFromInvoice,
  SubscriptionStatus,
  transition,
  type SubscriptionEventType,
  type SubscriptionFacts,
} from './subscription-state.js';
import {
  type SubscriptionInterval,
  type BoutiquePlanInput,
  type BoutiqueSubscription,
  type SubscribeBoutiquePayload,
  type SubscriptionPlan,
} from './subscription.types.js';

type Stored = StoredBoutiqueSubscription;

/** One write of the state machine: the fields it sets and the events it emits with them. */
interface Change {
  set: Partial<Stored>;
  events: SubscriptionEventType[];
}

type SubscriptionEvent = Extract<
  Stripe.Event,
  {
    type:
      | 'customer.subscription.created'
      | 'customer.subscription.updated'
      | 'customer.subscription.deleted';
  }
>;
type InvoiceEvent = Extract<Stripe.Event, { type: 'invoice.paid' | 'invoice.payment_failed' }>;

export interface SubscriptionServiceOptions {
  graceMs: number;
  /** The clock of grace periods and `canSell` (tests move it). */
  now?: () => Date;
}

const ATTEMPTS = 6;
const loaders = new WeakMap<object, DataLoader<string, Stored | null>>();

/**
 * Responsible for boutique subscriptions: the plans, subscribing, changing plan, cancelling and
 * resuming (owner or admin), `Boutique.subscription` (team or admin), and the state Stripe reports
 * through webhooks. Every change is one conditional write of the boutique's document (compare and
 * swap on `revision`) that carries its events, so a webhook delivered again, late, or racing a
 * mutation never applies twice nor emits twice.
 */
export class SubscriptionService {
  private readonly now: () => Date;

  constructor(
    private readonly model: BoutiqueSubscriptionModel,
    private readonly stripe: Stripe,
    private readonly plans: StripePlans,
    private readonly readModel: ReadModelService,
    private readonly outbox: OutboxWriter,
    private readonly logger: Logger,
    private readonly options: SubscriptionServiceOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  catalog(): SubscriptionPlan[] {
    return PLANS.map((plan) => ({
      code: plan.code,
      name: plan.name,
      description: plan.description,
      features: [...plan.features],
      maxProducts: plan.maxProducts,
      maxStaff: plan.maxStaff,
      prices: (['month', 'year'] as const).map((interval) => ({
        interval: interval as SubscriptionInterval,
        price: planPrice(plan, interval),
      })),
    }));
  }

  /** `Boutique.subscription`: for the boutique's owner and staff, and admins. */
  async forBoutique(
    ctx: PaymentsContext,
    boutiqueId: string,
  ): Promise<BoutiqueSubscription | null> {
    const viewer = requireViewer(ctx);
    if (!hasRole(viewer, Role.ADMIN)) {
      const team = await ctx.loaders.team.load(boutiqueId);
      if (!isTeamMember(team, viewer.id)) {
        throw Errors.forbidden("Only the boutique's team sees its subscription");
      }
    }
    return this.view(await this.loaderOf(ctx).load(boutiqueId));
  }

  async subscribe(
    ctx: PaymentsContext,
    input: BoutiquePlanInput,
  ): Promise<SubscribeBoutiquePayload> {
    const boutiqueId = input.boutiqueId;
    await this.requireOwner(ctx, boutiqueId, 'input.boutiqueId');
    const plan = requirePlan(input.plan);
    const interval = input.interval as PlanInterval;
    let doc = await this.ensureDocument(boutiqueId);
    if (doc.stripeSubscriptionId && !isTerminal(doc.status)) {
      throw Errors.conflict(
        'The boutique already has a subscription: change its plan instead',
        'input.boutiqueId',
      );
    }
    const priceId = await this.stripeCall(() => this.plans.priceId(plan, interval));
    doc = await this.ensureCustomer(doc);
    const generation = doc.generation;
    const sub = await this.stripeCall(() =>
      this.stripe.subscriptions.create(
        {
          customer: doc.stripeCustomerId!,
          items: [{ price: priceId }],
          metadata: { boutiqueId, plan: plan.code, interval },
          payment_behavior: 'default_incomplete',
          payment_settings: { save_default_payment_method: 'on_subscription' },
          expand: ['latest_invoice.confirmation_secret'],
        },
        // The same attempt (a retry, a double click) gets the same subscription from Stripe.
        { idempotencyKey: `vitrine-subscription-${boutiqueId}-${generation}` },
      ),
    );
    const asked = { plan, interval, priceId, cancelAtPeriodEnd: false };
    const stored = await this.applyAnswer(boutiqueId, sub, asked, { generation: generation + 1 });
    const invoice = sub.latest_invoice;
    const secret =
      sub.status === 'incomplete' && invoice && typeof invoice === 'object'
        ? (invoice.confirmation_secret?.client_secret ?? null)
        : null;
    return { subscription: this.requireView(stored), paymentClientSecret: secret };
  }

  async changePlan(ctx: PaymentsContext, input: BoutiquePlanInput): Promise<BoutiqueSubscription> {
    await this.requireOwner(ctx, input.boutiqueId, 'input.boutiqueId');
    const plan = requirePlan(input.plan);
    const interval = input.interval as PlanInterval;
    const doc = await this.requireLive(input.boutiqueId);
    if (doc.plan === plan.code && doc.interval === interval) {
      throw Errors.badUserInput(
        'input.plan',
        `The boutique is already on ${plan.name} (${interval}ly)`,
      );
    }
    const priceId = await this.stripeCall(() => this.plans.priceId(plan, interval));
    const itemId = doc.stripeItemId ?? (await this.currentItemId(doc.stripeSubscriptionId!));
    const sub = await this.stripeCall(() =>
      this.stripe.subscriptions.update(
        doc.stripeSubscriptionId!,
        {
          items: [{ id: itemId, price: priceId }],
          proration_behavior: 'create_prorations',
          metadata: { boutiqueId: input.boutiqueId, plan: plan.code, interval },
        },
        {
          idempotencyKey: `vitrine-subscription-change-${doc.stripeSubscriptionId}-${doc.revision}-${plan.code}-${interval}`,
        },
      ),
    );
    const asked = { plan, interval, priceId, cancelAtPeriodEnd: doc.cancelAtPeriodEnd };
    return this.requireView(await this.applyAnswer(input.boutiqueId, sub, asked));
  }

  /** Cancels at the end of the paid period (the boutique keeps selling until then). */
  cancel(ctx: PaymentsContext, boutiqueId: string): Promise<BoutiqueSubscription> {
    return this.setCancelAtPeriodEnd(ctx, boutiqueId, true);
  }

  /** Undoes a cancellation at period end, while the period runs. */
  resume(ctx: PaymentsContext, boutiqueId: string): Promise<BoutiqueSubscription> {
    return this.setCancelAtPeriodEnd(ctx, boutiqueId, false);
  }

  /** `customer.subscription.created`, `.updated` and `.deleted`. */
  async onSubscriptionEvent(event: SubscriptionEvent): Promise<void> {
    const sub = event.data.object;
    const boutiqueId = boutiqueIdOf(sub.metadata) ?? (await this.boutiqueOfSubscription(sub.id));
    if (!boutiqueId) {
      this.logger.warn({ subscription: sub.id }, 'stripe subscription of no known boutique');
      return;
    }
    await this.apply(boutiqueId, (doc) => {
      const same = doc?.stripeSubscriptionId === sub.id;
      const fallback: KnownPlan | null =
        same && doc?.plan && doc.interval ? { plan: doc.plan, interval: doc.interval } : null;
      const facts = factsFromStripe(sub, (id) => this.plans.known(id), fallback);
      if (!facts) {
        this.logger.warn(
          { subscription: sub.id, status: sub.status },
          'stripe subscription not understood',
        );
        return null;
      }
      if (event.type === 'customer.subscription.deleted')
        facts.status = SubscriptionStatus.CANCELED;
      return this.factsChange(doc, facts, event.created);
    });
  }

  /** `invoice.paid` and `invoice.payment_failed` of a subscription's invoice. */
  async onInvoiceEvent(event: InvoiceEvent): Promise<void> {
    const invoice = event.data.object;
    const ref = invoiceSubscription(invoice);
    if (!ref) return; // not a subscription's invoice
    const boutiqueId = ref.boutiqueId ?? (await this.boutiqueOfSubscription(ref.subscriptionId));
    if (!boutiqueId) return;
    const kind = event.type === 'invoice.paid' ? 'paid' : 'payment_failed';
    await this.apply(boutiqueId, (doc) => {
      // An invoice of a subscription not stored yet: its subscription events will bring it.
      if (!doc || doc.stripeSubscriptionId !== ref.subscriptionId) return null;
      if (event.created < doc.stripeEventAt) return null; // stale
      const to = statusFromInvoice(kind, doc.status, invoice.billing_reason ?? null);
      if (!to) return null;
      const moved = transition(doc.status, to, doc.graceUntil, this.now(), this.options.graceMs);
      return {
        set: { status: to, graceUntil: moved.graceUntil, stripeEventAt: event.created },
        events: moved.events,
      };
    });
  }

  // --- access -----------------------------------------------------------------------------

  /** The owner of the boutique, or an admin: who may change its subscription. */
  private async requireOwner(ctx: PaymentsContext, boutiqueId: string, field: string) {
    const viewer = requireViewer(ctx);
    toObjectId(boutiqueId, field);
    const team = await this.readModel.team(boutiqueId);
    if (!team) throw Errors.notFound('Boutique', boutiqueId);
    if (team.ownerId !== viewer.id && !hasRole(viewer, Role.ADMIN)) {
      throw Errors.forbidden("Only the boutique's owner manages its subscription");
    }
    return viewer;
  }

  private async requireLive(boutiqueId: string): Promise<Stored> {
    const doc = await this.find(boutiqueId);
    if (!doc?.stripeSubscriptionId || isTerminal(doc.status)) {
      throw Errors.conflict('The boutique has no running subscription', 'boutiqueId');
    }
    return doc;
  }

  // --- Stripe -----------------------------------------------------------------------------

  private async setCancelAtPeriodEnd(
    ctx: PaymentsContext,
    boutiqueId: string,
    cancel: boolean,
  ): Promise<BoutiqueSubscription> {
    await this.requireOwner(ctx, boutiqueId, 'boutiqueId');
    const doc = await this.requireLive(boutiqueId);
    if (doc.cancelAtPeriodEnd === cancel) return this.requireView(doc);
    const plan = findPlan(doc.plan ?? '');
    const sub = await this.stripeCall(() =>
      this.stripe.subscriptions.update(
        doc.stripeSubscriptionId!,
        { cancel_at_period_end: cancel },
        {
          idempotencyKey: `vitrine-subscription-${cancel ? 'cancel' : 'resume'}-${doc.stripeSubscriptionId}-${doc.revision}`,
        },
      ),
    );
    if (!plan || !doc.interval) {
      // A plan outside the catalog (made in Stripe's dashboard): keep what Stripe says of it.
      await this.onAnswer(boutiqueId, sub, cancel);
      return this.requireView(await this.find(boutiqueId));
    }
    const asked = {
      plan,
      interval: doc.interval,
      priceId: doc.stripePriceId,
      cancelAtPeriodEnd: cancel,
    };
    return this.requireView(await this.applyAnswer(boutiqueId, sub, asked));
  }

  private async onAnswer(boutiqueId: string, sub: Stripe.Subscription, cancel: boolean) {
    await this.apply(boutiqueId, (doc) => {
      const fallback =
        doc?.plan && doc.interval ? { plan: doc.plan, interval: doc.interval } : null;
      const facts = factsFromStripe(sub, (id) => this.plans.known(id), fallback);
      return facts
        ? this.factsChange(doc, { ...facts, cancelAtPeriodEnd: cancel }, this.nowSeconds())
        : null;
    });
  }

  /**
   * Applies Stripe's answer to one of our calls. Stripe applied exactly the price and the
   * cancellation flag we asked for; its answer tells the rest (status, period, item). The answer
   * is as of now: a webhook already applied that is newer wins.
   */
  private async applyAnswer(
    boutiqueId: string,
    sub: Stripe.Subscription,
    asked: {
      plan: PlanDefinition;
      interval: PlanInterval;
      priceId: string | null;
      cancelAtPeriodEnd: boolean;
    },
    extra: Partial<Stored> = {},
  ): Promise<Stored | null> {
    const known = { plan: asked.plan.code, interval: asked.interval };
    const answered = factsFromStripe(sub, () => null, known);
    const customer = sub.customer as string | { id: string } | null;
    const facts: SubscriptionFacts = {
      subscriptionId: sub.id,
      subscriptionCreated: answered?.subscriptionCreated ?? sub.created ?? null,
      customerId: typeof customer === 'string' ? customer : (customer?.id ?? null),
      itemId: answered?.itemId ?? null,
      currentPeriodEnd: answered?.currentPeriodEnd ?? null,
      status: answered?.status ?? SubscriptionStatus.INCOMPLETE,
      ...known,
      priceId: asked.priceId,
      price: planPrice(asked.plan, asked.interval),
      cancelAtPeriodEnd: asked.cancelAtPeriodEnd,
    };
    const at = this.nowSeconds();
    return this.apply(boutiqueId, (doc) => {
      const change = this.factsChange(doc, facts, at);
      if (!change) return null;
      const generation = Math.max(doc?.generation ?? 0, extra.generation ?? 0);
      return { set: { ...change.set, ...extra, generation }, events: change.events };
    });
  }

  private async currentItemId(subscriptionId: string): Promise<string | undefined> {
    const sub = await this.stripeCall(() => this.stripe.subscriptions.retrieve(subscriptionId));
    return sub.items.data[0]?.id;
  }

  /** Stripe errors: a reused idempotency key with other parameters is a concurrent attempt. */
  private async stripeCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      const type = (err as { type?: string }).type;
      if (type === 'StripeIdempotencyError') {
        throw Errors.conflict('Another change of this subscription is under way; try again');
      }
      this.logger.error({ err }, 'stripe call failed');
      throw Errors.internal();
    }
  }

  // --- documents --------------------------------------------------------------------------

  private async find(boutiqueId: string): Promise<Stored | null> {
    return await this.model.findById(boutiqueId).lean().exec();
  }

  private async boutiqueOfSubscription(subscriptionId: string): Promise<string | null> {
    const doc = await this.model.findOne({ stripeSubscriptionId: subscriptionId }).lean().exec();
    return doc?._id ?? null;
  }

  private async ensureDocument(boutiqueId: string): Promise<Stored> {
    const found = await this.find(boutiqueId);
    if (found) return found;
    try {
      await this.model.create({ _id: boutiqueId });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    return (await this.find(boutiqueId))!;
  }

  /** The boutique's Stripe customer, created once (the idempotency key covers a retry). */
  private async ensureCustomer(doc: Stored): Promise<Stored> {
    if (doc.stripeCustomerId) return doc;
    const customer = await this.stripeCall(() =>
      this.stripe.customers.create(
        { description: `Vitrine boutique ${doc._id}`, metadata: { boutiqueId: doc._id } },
        { idempotencyKey: `vitrine-customer-${doc._id}` },
      ),
    );
    const updated = await this.model
      .findOneAndUpdate(
        { _id: doc._id, stripeCustomerId: null },
        { $set: { stripeCustomerId: customer.id }, $inc: { revision: 1 } },
        { returnDocument: 'after' },
      )
      .lean()
      .exec();
    return (updated ?? (await this.find(doc._id)))!;
  }

  /** The change that facts about a subscription make to the stored state, if any. */
  private factsChange(doc: Stored | null, facts: SubscriptionFacts, at: number): Change | null {
    const verdict = admit(doc, facts, at);
    if (verdict !== 'apply') {
      this.logger.info(
        { subscription: facts.subscriptionId, verdict },
        'stripe subscription state not applied',
      );
      return null;
    }
    const same = doc?.stripeSubscriptionId === facts.subscriptionId;
    const moved = transition(
      doc?.status ?? null,
      facts.status,
      same ? (doc?.graceUntil ?? null) : null,
      this.now(),
      this.options.graceMs,
    );
    return {
      set: {
        stripeSubscriptionId: facts.subscriptionId,
        subscriptionCreated: facts.subscriptionCreated ?? (same ? doc.subscriptionCreated : null),
        stripeCustomerId: facts.customerId ?? doc?.stripeCustomerId ?? null,
        stripeItemId: facts.itemId ?? (same ? doc.stripeItemId : null),
        stripePriceId: facts.priceId,
        plan: facts.plan,
        interval: facts.interval,
        price: facts.price,
        status: facts.status,
        cancelAtPeriodEnd: facts.cancelAtPeriodEnd,
        currentPeriodEnd: facts.currentPeriodEnd ?? (same ? doc.currentPeriodEnd : null),
        graceUntil: moved.graceUntil,
        stripeEventAt: same ? Math.max(at, doc.stripeEventAt) : at,
      },
      events: moved.events,
    };
  }

  /**
   * One state-machine write, retried on a concurrent change: read, decide, and write only if the
   * document is still at the revision read, with the events in the same write.
   */
  private async apply(
    boutiqueId: string,
    decide: (doc: Stored | null) => Change | null,
  ): Promise<Stored | null> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const doc = await this.find(boutiqueId);
      const change = decide(doc);
      if (!change) return doc;
      const after = { ...doc, ...change.set, _id: boutiqueId } as Stored;
      const events = change.events.map((type) =>
        this.outbox.event(type, boutiqueId, eventPayload(after)),
      );
      if (!doc) {
        try {
          const created = await this.model.create({
            _id: boutiqueId,
            ...change.set,
            revision: 1,
            ...initialOutbox(...events),
          });
          if (events.length) this.outbox.written();
          return created.toObject();
        } catch (err) {
          if (isDuplicateKeyError(err)) continue;
          throw err;
        }
      }
      const base = { $set: change.set, $inc: { revision: 1 } };
      const updated = await this.model
        .findOneAndUpdate(
          { _id: boutiqueId, revision: doc.revision },
          events.length ? updateWithEvents(base, ...events) : base,
          { returnDocument: 'after' },
        )
        .lean()
        .exec();
      if (updated) {
        if (events.length) this.outbox.written();
        return updated;
      }
    }
    throw Errors.conflict('The subscription changed concurrently; try again');
  }

  // --- views ------------------------------------------------------------------------------

  private loaderOf(ctx: PaymentsContext): DataLoader<string, Stored | null> {
    let loader = loaders.get(ctx);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const found = (await this.model
          .find({ _id: { $in: [...ids] } })
          .lean()
          .exec()) as Stored[];
        return inOrderOf(ids, found, (d) => d._id);
      });
      loaders.set(ctx, loader);
    }
    return loader;
  }

  private view(doc: Stored | null): BoutiqueSubscription | null {
    if (!doc?.stripeSubscriptionId || !doc.status || !doc.plan || !doc.interval || !doc.price) {
      return null;
    }
    return {
      id: doc.stripeSubscriptionId,
      boutiqueId: doc._id,
      boutique: { id: doc._id },
      plan: doc.plan,
      interval: doc.interval as SubscriptionInterval,
      status: doc.status,
      cancelAtPeriodEnd: doc.cancelAtPeriodEnd,
      currentPeriodEnd: doc.currentPeriodEnd ?? null,
      graceUntil: doc.graceUntil ?? null,
      canSell: canSell(doc, this.now()),
      price: { amount: doc.price.amount, currency: doc.price.currency },
    };
  }

  private requireView(doc: Stored | null): BoutiqueSubscription {
    const view = this.view(doc);
    if (!view) throw Errors.internal();
    return view;
  }

  private nowSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }
}

function requirePlan(code: string): PlanDefinition {
  const plan = findPlan(code.trim().toLowerCase());
  if (!plan) {
    throw Errors.badUserInput(
      'input.plan',
      `Unknown plan "${code}"; one of ${PLANS.map((p) => p.code).join(', ')}`,
    );
  }
  return plan;
}

/** The `subscriptionState` payload of the catalog, from the state after the write. */
export function eventPayload(doc: Stored) {
  return {
    subscriptionId: doc.stripeSubscriptionId!,
    boutiqueId: doc._id,
    plan: doc.plan!,
    interval: doc.interval!,
    status: doc.status!,
    currentPeriodEnd: doc.currentPeriodEnd ? doc.currentPeriodEnd.toISOString() : null,
    graceUntil: doc.graceUntil ? doc.graceUntil.toISOString() : null,
  };
}
