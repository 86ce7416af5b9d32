import { describe, expect, it } from 'vitest';
import { errorCode } from '@vitrine/platform';
import { assertStrongPassword, normalizeEmail, PasswordHasher } from './credentials.js';

function failure(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    return {
      code: errorCode(err),
      field: (err as { extensions: { field: string } }).extensions.field,
      message: (err as Error).message,
    };
  }
  throw new Error('expected a failure');
}

describe(normalizeEmail.name, () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Alice.Smith@Example.COM ')).toBe('alice.smith@example.com');
  });

  it.each(['alice', 'alice@', '@example.com', 'alice@example', 'al ice@example.com', 'a@b..com'])(
    'rejects %s with BAD_USER_INPUT on the field',
    (email) => {
      expect(failure(() => normalizeEmail(email, 'input.email'))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.email',
      });
    },
  );
});

describe(assertStrongPassword.name, () => {
  it('accepts a long mixed password', () => {
    expect(() => assertStrongPassword('Correct-Horse-42', 'alice@example.com')).not.toThrow();
  });

  it.each([
    ['too short', 'Ab1!', /at least 10/],
    ['one kind of character', 'abcdefghijkl', /three of/],
    ['common', 'Password123', /too common/],
    ['containing the email', 'Xalice-2024!', /email/],
  ])('rejects a password that is %s', (_why, password, message) => {
    const f = failure(() => assertStrongPassword(password, 'alice@example.com', 'input.password'));
    expect(f).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    expect(f.message).toMatch(message);
  });
});

describe(PasswordHasher.name, () => {
  const hasher = new PasswordHasher(8192);

  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hasher.hash('Correct-Horse-42');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await hasher.verify(hash, 'Correct-Horse-42')).toBe(true);
    expect(await hasher.verify(hash, 'Correct-Horse-43')).toBe(false);
  });

  it('takes the same path for an unknown account and says no', async () => {
    expect(await hasher.verify(null, 'anything')).toBe(false);
  });
});

describe('PasswordHasher concurrency', () => {
  it('runs at most its concurrency of hashes at once, and finishes them all', async () => {
    const hasher = new PasswordHasher(8192, 2);
    let active = 0;
    let peak = 0;
    const limited = (
      hasher as unknown as { limited<T>(w: () => Promise<T>): Promise<T> }
    ).limited.bind(hasher);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        limited(async () => {
          active += 1;
          peak = Math.max(peak, active);
          await new Promise((resolve) => setTimeout(resolve, 5));
          active -= 1;
          return i;
        }),
      ),
    );
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(2);
  });
});
