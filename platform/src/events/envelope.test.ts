import { describe, expect, it } from 'vitest';
import { createEvent, parseEvent, PoisonMessageError } from './envelope.js';
import { topicOf } from './catalog.js';

const userId = '65a1b2c3d4e5f60718293a4b';

describe(parseEvent.name, () => {
  it('round-trips a catalogued event', () => {
    const event = createEvent('vitrine.users', 'user.updated', userId, {
      userId,
      changed: ['firstName'],
    });
    const parsed = parseEvent(Buffer.from(JSON.stringify(event)));
    expect(parsed).toEqual({ known: true, event });
  });

  it('reports an unknown type as such instead of failing', () => {
    const event = {
      ...createEvent('vitrine.users', 'user.updated', userId, { userId, changed: [] }),
      type: 'user.teleported',
    };
    expect(parseEvent(JSON.stringify(event))).toEqual({ known: false, type: 'user.teleported' });
  });

  it('reads events written before a field was added to their payload, with its default', () => {
    const money = { amount: 100, currency: 'EUR' };
    const orderId = '65a1b2c3d4e5f60718293a4c';
    const event = createEvent('vitrine.orders', 'order.created', orderId, {
      orderId,
      checkoutId: 'c1',
      checkoutOrderIds: [orderId],
      customerId: userId,
      boutiqueId: userId,
      items: [{ productId: userId, variantId: userId, sku: 'S', quantity: 1, unitPrice: money }],
      subtotal: money,
      tax: money,
      deliveryFee: money,
      total: money,
    });
    const { checkoutOrderIds: _added, ...olderData } = event.data;
    const parsed = parseEvent(JSON.stringify({ ...event, data: olderData }));
    expect(parsed.known && parsed.event.data).toMatchObject({ checkoutOrderIds: [] });
  });

  it.each([
    ['not JSON', '{oops'],
    ['not an envelope', JSON.stringify({ hello: 'world' })],
    [
      'an invalid payload',
      JSON.stringify({
        ...createEvent('vitrine.users', 'user.updated', userId, { userId, changed: [] }),
        data: { userId: 'nope' },
      }),
    ],
  ])('rejects %s as a poison message', (_name, raw) => {
    expect(() => parseEvent(raw)).toThrow(PoisonMessageError);
  });
});

describe(topicOf.name, () => {
  it("routes an event to its producing domain's topic", () => {
    expect(topicOf('user.registered')).toBe('vitrine.users');
  });
});
