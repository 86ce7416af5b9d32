import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildProductsSchema } from './schema.js';

describe(buildProductsSchema.name, () => {
  it('builds without infrastructure, with Product, Category and Boutique as entities', async () => {
    const result = await graphql({
      schema: await buildProductsSchema(),
      source: '{ _service { sdl } }',
    });
    const sdl = (result.data as { _service: { sdl: string } })._service.sdl;
    expect(sdl).toMatch(/type Product\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Category\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Boutique\s+@key\(fields: "id"\)\s*\{\s*id: ID!\s*products\(/);
    expect(sdl).toContain('union _Entity = Boutique | Category | Product');
  });
});
