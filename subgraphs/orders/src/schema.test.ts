import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildOrdersSchema } from './schema.js';

describe(buildOrdersSchema.name, () => {
  it('declares the owned entities, the extended ones and the references', async () => {
    const result = await graphql({
      schema: await buildOrdersSchema(),
      source: '{ _service { sdl } }',
    });
    const sdl = (result.data as { _service: { sdl: string } })._service.sdl;
    expect(sdl).toMatch(/type Order\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Cart\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type User\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Boutique\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Product\s+@key\(fields: "id", resolvable: false\)/);
    expect(sdl).toMatch(/union CheckoutResult = Checkout \| CartChanged/);
    expect(sdl).toMatch(/orderUpdated\(orderId: ID!\): Order!/);
    expect(sdl).toMatch(
      /checkout\(shippingAddress: ShippingAddressInput!, idempotencyKey: String!\): CheckoutResult!/,
    );
  });
});
