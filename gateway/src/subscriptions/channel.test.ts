import { describe, expect, it, vi } from 'vitest';
import { Channel } from './channel.js';

describe(Channel.name, () => {
  it('delivers pushed values in order, waiting for the next one', async () => {
    const channel = new Channel<number>(() => {});
    channel.push(1);
    const pending = channel.next();
    expect(await pending).toEqual({ value: 1, done: false });
    const later = channel.next();
    channel.push(2);
    expect(await later).toEqual({ value: 2, done: false });
  });

  it('delivers what is buffered before ending', async () => {
    const onReturn = vi.fn();
    const channel = new Channel<number>(onReturn);
    channel.push(1);
    channel.end();
    channel.push(2);
    expect(onReturn).toHaveBeenCalledTimes(1);
    expect(await channel.next()).toEqual({ value: 1, done: false });
    expect(await channel.next()).toEqual({ value: undefined, done: true });
  });

  it('stops at once on return(), even while the consumer waits for a value', async () => {
    const onReturn = vi.fn();
    const channel = new Channel<number>(onReturn);
    const waiting = channel.next();
    await channel.return();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(onReturn).toHaveBeenCalledTimes(1);
    await channel.return();
    expect(onReturn).toHaveBeenCalledTimes(1);
  });
});
