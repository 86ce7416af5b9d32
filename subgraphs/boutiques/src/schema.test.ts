import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildBoutiquesSchema } from './schema.js';

describe(buildBoutiquesSchema.name, () => {
  it('builds the federated schema without infrastructure, with Boutique and User entities', async () => {
    const schema = await buildBoutiquesSchema();
    const result = await graphql({ schema, source: '{ _service { sdl } }' });
    const sdl = (result.data as { _service: { sdl: string } })._service.sdl;
    expect(sdl).toMatch(/type Boutique\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type User\s+@key\(fields: "id"\)/);
    expect(sdl).toContain('union _Entity = Boutique | User');
    expect(sdl).toMatch(/boutiquesForReview\([^)]*\): BoutiqueConnection!/);
    expect(sdl).toContain('type BoutiqueStatusChange');
  });
});
