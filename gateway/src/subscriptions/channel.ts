/**
 * A push-fed async generator for a subscription's results. Unlike an `async function*` waiting
 * for its next value, it honours `return()` at once: graphql-ws calls `return()` when the client
 * unsubscribes or disconnects, and the upstream subscription must end then, not at the next event.
 */
export class Channel<T> implements AsyncGenerator<T, undefined, undefined> {
  private readonly buffer: T[] = [];
  private readonly waiting: ((result: IteratorResult<T, undefined>) => void)[] = [];
  private ended = false;

  /** `onReturn` runs once, when the consumer stops early or the producer ends the channel. */
  constructor(private readonly onReturn: () => void) {}

  get closed(): boolean {
    return this.ended;
  }

  push(value: T): void {
    if (this.ended) return;
    const waiter = this.waiting.shift();
    if (waiter) waiter({ value, done: false });
    else this.buffer.push(value);
  }

  /** No more values: the consumer still receives what is buffered, then `done`. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.onReturn();
    for (const waiter of this.waiting.splice(0)) waiter({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.buffer.length > 0)
      return Promise.resolve({ value: this.buffer.shift()!, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  return(): Promise<IteratorResult<T, undefined>> {
    this.buffer.length = 0;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<T, undefined>> {
    this.buffer.length = 0;
    this.end();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
