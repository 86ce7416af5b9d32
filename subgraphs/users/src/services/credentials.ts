import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';
import { Errors } from '@vitrine/platform';

/**
 * Email and password rules, and hashing. Passwords are hashed with argon2id (OWASP parameters:
 * 19 MiB, 2 iterations, 1 lane); high-entropy tokens with SHA-256, which is enough for them.
 */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const COMMON = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  '123456789',
  '1234567890',
  'qwertyuiop',
  'iloveyou',
  'letmein123',
  'welcome123',
  'admin12345',
  'changeme123',
  'azertyuiop',
]);
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Trimmed, Unicode-normalized, lower-cased: the one form stored and compared. */
export function normalizeEmail(raw: string, field = 'email'): string {
  const email = raw.normalize('NFKC').trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email))
    throw Errors.badUserInput(field, 'Email address is not valid');
  return email;
}

/** Throws BAD_USER_INPUT on `field` with the first rule the password breaks. */
export function assertStrongPassword(
  password: string,
  email: string | null,
  field = 'password',
): void {
  const fail = (message: string) => {
    throw Errors.badUserInput(field, message);
  };
  if (password.length < PASSWORD_MIN_LENGTH)
    fail(`Password must have at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH)
    fail(`Password must have at most ${PASSWORD_MAX_LENGTH} characters`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) =>
    re.test(password),
  ).length;
  if (classes < 3)
    fail('Password must mix at least three of: lower case, upper case, digits, symbols');
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) fail('Password is too common');
  const local = email?.split('@')[0];
  if (local && local.length >= 4 && lower.includes(local))
    fail('Password must not contain your email address');
}

/**
 * Each argon2id computation holds `memoryKib` of memory on a libuv thread. At most `concurrency`
 * run at once: more would not finish sooner on a few cores, and would only grow the process.
 */
export class PasswordHasher {
  private readonly options: argon2.Options & { raw?: false };
  /** Verified against when an email is unknown, so that both paths take the same time. */
  private decoy?: Promise<string>;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    memoryKib: number,
    private readonly concurrency = 2,
  ) {
    this.options = { type: argon2.argon2id, memoryCost: memoryKib, timeCost: 2, parallelism: 1 };
  }

  hash(password: string): Promise<string> {
    return this.limited(() => argon2.hash(password, this.options));
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    if (!hash) {
      this.decoy ??= this.hash(randomBytes(16).toString('hex'));
      const decoy = await this.decoy;
      await this.limited(() => argon2.verify(decoy, password)).catch(() => false);
      return false;
    }
    return this.limited(() => argon2.verify(hash, password)).catch(() => false);
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // a finisher hands its slot over
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
