import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { combineHandlers, defineHandler } from './consumer.js';
import { createEvent } from './envelope.js';

describe(combineHandlers.name, () => {
  it('runs every handler of a type, in order, as one handler per type', async () => {
    const calls: string[] = [];
    const handlers = combineHandlers([
      defineHandler('user.updated', () => Promise.resolve(void calls.push('first'))),
      defineHandler('user.role_granted', () => Promise.resolve(void calls.push('other type'))),
      defineHandler('user.updated', () => Promise.resolve(void calls.push('second'))),
    ]);
    expect(handlers.map((h) => h.type)).toEqual(['user.updated', 'user.role_granted']);
    const event = createEvent('vitrine.users', 'user.updated', 'u', {
      userId: '6b0531cf41c2203e79e514e5',
      changed: ['firstName'],
    });
    const logger = createLogger({ service: 'users', level: 'silent' });
    await (handlers[0].handle as (e: typeof event, c: { logger: typeof logger }) => Promise<void>)(
      event,
      { logger },
    );
    expect(calls).toEqual(['first', 'second']);
  });
});
