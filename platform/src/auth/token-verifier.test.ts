import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestTokenIssuer } from '../testing/token-issuer.js';
import { createJwtVerifier } from './token-verifier.js';
import { Role } from './viewer.js';
import { errorCode } from '../errors.js';

const sub = '65a1b2c3d4e5f60718293a4b';
let issuer: TestTokenIssuer;
let impostor: TestTokenIssuer;

beforeAll(async () => {
  issuer = await TestTokenIssuer.start();
  impostor = await TestTokenIssuer.start();
});
afterAll(async () => {
  await issuer.stop();
  await impostor.stop();
});

async function reason(promise: Promise<unknown>) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return {
    code: errorCode(err),
    reason: (err as { extensions?: { reason?: string } }).extensions?.reason,
  };
}

describe(createJwtVerifier.name, () => {
  const verifier = () =>
    createJwtVerifier({ issuer: issuer.issuer, audience: issuer.audience, keys: issuer.jwksUrl });

  it('accepts a token signed by the issuer and returns the viewer', async () => {
    const token = await issuer.sign({ sub, roles: [Role.CUSTOMER, Role.ADMIN], sid: 's1' });
    await expect(verifier().verify(token)).resolves.toEqual({
      id: sub,
      roles: ['CUSTOMER', 'ADMIN'],
      sessionId: 's1',
    });
  });

  it('refuses an expired token with UNAUTHENTICATED / TOKEN_EXPIRED', async () => {
    const token = await issuer.sign({ sub, expiresIn: Math.floor(Date.now() / 1000) - 60 });
    expect(await reason(verifier().verify(token))).toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'TOKEN_EXPIRED',
    });
  });

  it('refuses a token signed with another key (forged)', async () => {
    const token = await impostor.sign({ sub });
    expect(await reason(verifier().verify(token))).toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'TOKEN_INVALID',
    });
  });

  it('refuses a token for another audience', async () => {
    const token = await issuer.sign({ sub, audience: 'someone-else' });
    expect((await reason(verifier().verify(token))).code).toBe('UNAUTHENTICATED');
  });

  it('refuses a tampered token', async () => {
    const token = await issuer.sign({ sub, roles: [Role.CUSTOMER] });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const elevated = Buffer.from(JSON.stringify({ ...claims, roles: ['ADMIN'] })).toString(
      'base64url',
    );
    expect((await reason(verifier().verify(`${header}.${elevated}.${signature}`))).code).toBe(
      'UNAUTHENTICATED',
    );
  });
});
