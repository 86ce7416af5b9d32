import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<TData> {
  status: number;
  data?: TData | null;
  errors?: GraphQLFormattedError[];
  headers: Headers;
}

export interface RequestOptions {
  token?: string | null;
  headers?: Record<string, string>;
}

type Operation<TData, TVariables> = string | DocumentNode | TypedDocumentNode<TData, TVariables>;

function source(operation: Operation<unknown, unknown>): string {
  return typeof operation === 'string' ? operation : print(operation);
}

/** Thrown by `GraphQLClient.data` when a response has errors; tests read its `code`. */
export class GraphQLRequestError extends Error {
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super(errors.map((e) => `${String(e.extensions?.code)}: ${e.message}`).join('; '));
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code as string | undefined;
  }
}

/** A real HTTP GraphQL client, as a frontend would use one. */
export class GraphQLClient {
  constructor(readonly url: string) {}

  async request<TData = Record<string, unknown>, TVariables = Record<string, unknown>>(
    operation: Operation<TData, TVariables>,
    variables?: TVariables,
    { token, headers = {} }: RequestOptions = {},
  ): Promise<GraphQLResponse<TData>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query: source(operation), variables }),
    });
    const body = (await response.json()) as {
      data?: TData | null;
      errors?: GraphQLFormattedError[];
    };
    return { status: response.status, headers: response.headers, ...body };
  }

  /** The response's data, or a GraphQLRequestError carrying its errors. */
  async data<TData = Record<string, unknown>, TVariables = Record<string, unknown>>(
    operation: Operation<TData, TVariables>,
    variables?: TVariables,
    options?: RequestOptions,
  ): Promise<TData> {
    const response = await this.request(operation, variables, options);
    if (response.errors?.length) throw new GraphQLRequestError(response.errors);
    if (!response.data) throw new Error(`no data (HTTP ${response.status})`);
    return response.data;
  }

  /** The first error's code of an operation that must fail. */
  async errorCode(
    operation: Operation<unknown, unknown>,
    variables?: unknown,
    options?: RequestOptions,
  ) {
    const response = await this.request(operation, variables, options);
    if (!response.errors?.length)
      throw new Error(`expected an error, got ${JSON.stringify(response.data)}`);
    return response.errors[0].extensions?.code as string;
  }
}

/**
 * A graphql-ws subscription as an async queue of results: `next()` waits for the next one. The
 * client is the real graphql-ws client over a real WebSocket.
 */
export class SubscriptionProbe<TData> {
  private readonly queue: { data?: TData | null; errors?: readonly GraphQLFormattedError[] }[] = [];
  private waiters: (() => void)[] = [];
  private failure?: unknown;
  private dispose?: () => void;

  private constructor(readonly client: Client) {}

  static async open<TData, TVariables = Record<string, unknown>>(
    url: string,
    operation: Operation<TData, TVariables>,
    variables?: TVariables,
    token?: string,
  ): Promise<SubscriptionProbe<TData>> {
    const wsUrl = url.replace(/^http/, 'ws');
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: false,
    });
    const probe = new SubscriptionProbe<TData>(client);
    await new Promise<void>((resolve, reject) => {
      const offConnected = client.on('connected', () => {
        offConnected();
        offClosed();
        resolve();
      });
      const offClosed = client.on('closed', (event) => {
        offConnected();
        offClosed();
        const { code, reason } = event as { code: number; reason: string };
        reject(new Error(`WebSocket closed: ${code} ${reason}`));
      });
    });
    probe.dispose = client.subscribe(
      { query: source(operation), variables: variables as Record<string, unknown> },
      {
        next: (value) => probe.push(value as { data?: TData | null }),
        error: (err) => probe.fail(err),
        complete: () => undefined,
      },
    );
    return probe;
  }

  private push(value: { data?: TData | null; errors?: readonly GraphQLFormattedError[] }) {
    this.queue.push(value);
    this.waiters.splice(0).forEach((w) => w());
  }

  private fail(err: unknown) {
    this.failure = err;
    this.waiters.splice(0).forEach((w) => w());
  }

  async next(
    timeoutMs = 15_000,
  ): Promise<{ data?: TData | null; errors?: readonly GraphQLFormattedError[] }> {
    const deadline = Date.now() + timeoutMs;
    while (this.queue.length === 0) {
      if (this.failure)
        throw this.failure instanceof Error
          ? this.failure
          : new Error(JSON.stringify(this.failure));
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no subscription result in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.queue.shift()!;
  }

  async close(): Promise<void> {
    this.dispose?.();
    await this.client.dispose();
  }
}
