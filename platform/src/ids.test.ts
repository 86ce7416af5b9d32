import { describe, expect, it } from 'vitest';
import { inOrderOf, objectIdsOf } from './ids.js';

const a = '65a1b2c3d4e5f60718293a4b';
const b = '65a1b2c3d4e5f60718293a4c';

describe(objectIdsOf.name, () => {
  it('keeps the ids that can exist, as ObjectIds', () => {
    expect(objectIdsOf([a, 'nope', b, 'abcdefghijkl']).map((id) => id.toHexString())).toEqual([
      a,
      b,
    ]);
  });
});

describe(inOrderOf.name, () => {
  it('returns what was found in the requested order, null where nothing was, repeats included', () => {
    const found = [{ id: b }, { id: a }];
    expect(inOrderOf([a, 'missing', b, a], found, (x) => x.id)).toEqual([
      { id: a },
      null,
      { id: b },
      { id: a },
    ]);
  });
});
