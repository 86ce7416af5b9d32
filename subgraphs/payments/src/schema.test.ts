import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildPaymentsSchema } from './schema.js';

describe(buildPaymentsSchema.name, () => {
  it('owns Payment, and adds its fields to User, Boutique and Order', async () => {
    const result = await graphql({
      schema: await buildPaymentsSchema(),
      source: '{ _service { sdl } }',
    });
    const sdl = (result.data as { _service: { sdl: string } })._service.sdl;
    expect(sdl).toMatch(/type Payment\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type User\s+@key\(fields: "id"\)\s*\{\s*id: ID!/);
    expect(sdl).toMatch(/payments\(/);
    expect(sdl).toMatch(/loyalty: LoyaltyAccount!/);
    expect(sdl).toMatch(/type Boutique\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(
      /type Order\s+@key\(fields: "id"\)\s*\{\s*id: ID!\s*"""[^"]*"""\s*payment: Payment/,
    );
    expect(sdl).toMatch(
      /startCheckoutPayment\(input: StartCheckoutPaymentInput!\): CheckoutPayment!/,
    );
    expect(sdl).toMatch(/issueRefund\(input: RefundOrderInput!\): Payment!/);
  });
});
