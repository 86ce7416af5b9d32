import type { ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type OperationOutcome = 'success' | 'error' | 'rejected';

/** Operation names come from clients; past this many distinct names, new ones count as "other". */
const MAX_OPERATION_NAMES = 500;

/**
 * Responsible for the gateway's Prometheus metrics, in a registry of its own (several gateways can
 * run in one test process): the process defaults, operations by name, type and outcome, subgraph
 * fetch durations, and live subscriptions.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();

  private readonly operations = new Counter({
    name: 'vitrine_gateway_operations_total',
    help: 'GraphQL operations by name, type and outcome (success, error, rejected before execution)',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly operationDuration = new Histogram({
    name: 'vitrine_gateway_operation_duration_seconds',
    help: 'Time from request to response of GraphQL operations',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly subgraphFetchDuration = new Histogram({
    name: 'vitrine_gateway_subgraph_fetch_duration_seconds',
    help: 'Time of each HTTP request to a subgraph, by subgraph and outcome',
    labelNames: ['subgraph', 'outcome'] as const,
    buckets: [0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  private readonly activeSubscriptions = new Gauge({
    name: 'vitrine_gateway_active_subscriptions',
    help: 'Subscriptions open through the gateway, by owning subgraph',
    labelNames: ['subgraph'] as const,
    registers: [this.registry],
  });

  private readonly subscriptionEvents = new Counter({
    name: 'vitrine_gateway_subscription_events_total',
    help: 'Subscription events delivered to clients, by operation and outcome',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }

  /** Starts timing a subgraph fetch; call the result with its outcome. */
  timeSubgraphFetch(subgraph: string): (outcome: 'success' | 'error' | 'failure') => void {
    const end = this.subgraphFetchDuration.startTimer({ subgraph });
    return (outcome) => end({ outcome });
  }

  subscriptionStarted(subgraph: string): () => void {
    this.activeSubscriptions.inc({ subgraph });
    return () => this.activeSubscriptions.dec({ subgraph });
  }

  subscriptionEvent(operationName: string | null | undefined, outcome: OperationOutcome): void {
    this.subscriptionEvents.inc({ operation: this.operationLabel(operationName), outcome });
  }

  /** Counts and times every HTTP operation, labelled once the response is known. */
  plugin(): ApolloServerPlugin {
    return {
      requestDidStart: () => {
        const started = process.hrtime.bigint();
        return Promise.resolve({
          willSendResponse: ({ operation, operationName, errors, response }) => {
            const body = response.body;
            const executed = body.kind === 'incremental' || body.singleResult.data !== undefined;
            const outcome: OperationOutcome = !errors?.length
              ? 'success'
              : executed
                ? 'error'
                : 'rejected';
            const labels = {
              operation: this.operationLabel(operationName),
              type: operation?.operation ?? 'unknown',
              outcome,
            };
            this.operations.inc(labels);
            this.operationDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
            return Promise.resolve();
          },
        });
      },
    };
  }
}
