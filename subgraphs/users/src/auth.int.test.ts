import { errorCode, type RunningSubgraph } from '@vitrine/platform';
import {
  disposeTestSubgraph,
  findEvent,
  TestTokenIssuer,
  uniqueEmail,
  type GraphQLClient,
} from '@vitrine/platform/testing';
import { SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_FIELDS, STRONG_PASSWORD, UsersFactory } from './test/users.factory.js';

let subgraph: RunningSubgraph;
let users: UsersFactory;
let client: GraphQLClient;

beforeAll(async () => {
  const started = await UsersFactory.start({
    throttle: {
      accountMaxFailures: 3,
      accountLockMinutes: 15,
      ipMaxFailures: 6,
      ipWindowMinutes: 10,
    },
  });
  subgraph = started.subgraph;
  users = started.factory;
  client = users.client;
});
afterAll(() => disposeTestSubgraph(subgraph));

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { ${AUTH_FIELDS} } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { ${AUTH_FIELDS} } }`;
const REFRESH = `mutation ($token: String!) { refreshToken(refreshToken: $token) { ${AUTH_FIELDS} } }`;
const ME = `{ me { id email roles profile { firstName } } }`;

const userCount = (email: string) =>
  subgraph.runtime.db.collection('users').countDocuments({ email });
const liveSessions = (userId: string) =>
  subgraph.runtime.db
    .collection('sessions')
    .countDocuments({ userId: { $eq: userId as never }, revokedAt: null });

describe('register', () => {
  it('creates a customer, signs them in and publishes user.registered', async () => {
    const email = uniqueEmail('Alice');
    const { register } = await client.data<{
      register: { accessToken: string; user: { id: string; email: string; roles: string[] } };
    }>(REGISTER, {
      input: { email: `  ${email.toUpperCase()} `, password: STRONG_PASSWORD, firstName: 'Alice' },
    });
    expect(register.user).toMatchObject({ email: email.toLowerCase(), roles: ['CUSTOMER'] });
    const me = await client.data<{ me: { id: string } }>(ME, {}, { token: register.accessToken });
    expect(me.me.id).toBe(register.user.id);
    const event = await findEvent(
      subgraph.runtime.kafka,
      'vitrine.users',
      'user.registered',
      (e) => e.data.userId === register.user.id,
    );
    expect(event).toMatchObject({
      subject: register.user.id,
      source: 'vitrine.users',
      data: { email: email.toLowerCase(), firstName: 'Alice' },
    });
  });

  it.each([
    [
      'a duplicate email (in another case)',
      'CONFLICT',
      'input.email',
      async () => (await users.register()).email.toUpperCase(),
      STRONG_PASSWORD,
    ],
    [
      'a malformed email',
      'BAD_USER_INPUT',
      'input.email',
      () => Promise.resolve('not-an-email'),
      STRONG_PASSWORD,
    ],
    [
      'a weak password',
      'BAD_USER_INPUT',
      'input.password',
      () => Promise.resolve(uniqueEmail()),
      'short',
    ],
  ])(
    'refuses %s with %s on %s and creates nothing',
    async (_case, code, field, emailOf, password) => {
      const email = await emailOf();
      const before = await userCount(email.toLowerCase());
      const response = await client.request(REGISTER, { input: { email, password } });
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions).toMatchObject({ code, field });
      expect(await userCount(email.toLowerCase())).toBe(before);
    },
  );
});

describe('login', () => {
  it('signs in with the right password, whatever the email case', async () => {
    const account = await users.register();
    const session = await users.login(account.email.toUpperCase(), account.password);
    expect(session.id).toBe(account.id);
    expect(decodeJwt(session.accessToken)).toMatchObject({
      sub: account.id,
      roles: ['CUSTOMER'],
      iss: 'vitrine-users',
      aud: 'vitrine',
    });
  });

  it('refuses a wrong password and an unknown email alike, issuing nothing', async () => {
    const account = await users.register();
    const before = await liveSessions(account.id);
    const wrong = await client.request(LOGIN, {
      input: { email: account.email, password: 'Wrong-Password-9' },
    });
    const unknown = await client.request(LOGIN, {
      input: { email: uniqueEmail(), password: STRONG_PASSWORD },
    });
    for (const response of [wrong, unknown]) {
      expect(response.data).toBeNull();
      expect(response.errors?.[0]).toMatchObject({
        message: 'Invalid email or password',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    expect(await liveSessions(account.id)).toBe(before);
  });

  it('locks an account after repeated failures, even for the right password, and says so in events', async () => {
    const account = await users.register();
    const headers = { 'x-forwarded-for': '203.0.113.10' };
    for (let i = 0; i < 3; i++) {
      await client.request(
        LOGIN,
        { input: { email: account.email, password: 'Wrong-Password-9' } },
        { headers },
      );
    }
    const locked = await client.request(
      LOGIN,
      { input: { email: account.email, password: account.password } },
      { headers },
    );
    expect(locked.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    await findEvent(
      subgraph.runtime.kafka,
      'vitrine.users',
      'user.account_locked',
      (e) => e.data.userId === account.id,
    );
    const failed = await findEvent(
      subgraph.runtime.kafka,
      'vitrine.users',
      'user.login_failed',
      (e) => e.data.userId === account.id,
    );
    expect(failed.data.ip).toBe('203.0.113.10');
  });

  it('throttles an address that fails on many accounts', async () => {
    const headers = { 'x-forwarded-for': '198.51.100.77' };
    const codes: string[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await client.request(
        LOGIN,
        { input: { email: uniqueEmail(), password: 'Wrong-Password-9' } },
        { headers },
      );
      codes.push(r.errors?.[0]?.extensions?.code as string);
    }
    expect(codes.slice(0, 6)).toEqual(Array(6).fill('UNAUTHENTICATED'));
    expect(codes[6]).toBe('RATE_LIMITED');
    // Another address is not affected.
    const account = await users.register();
    await expect(
      users.login(account.email, account.password, { 'x-forwarded-for': '198.51.100.78' }),
    ).resolves.toBeTruthy();
  });
});

describe('access tokens', () => {
  let issuer: TestTokenIssuer;
  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
  });
  afterAll(() => issuer.stop());

  it('refuses a forged token (signed with another key)', async () => {
    const account = await users.register();
    const forged = await issuer.sign({ sub: account.id, roles: ['ADMIN' as never] });
    expect(await client.errorCode(ME, {}, { token: forged })).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token', async () => {
    const account = await users.register();
    const claims = decodeJwt(account.accessToken);
    const header = JSON.parse(
      Buffer.from(account.accessToken.split('.')[0], 'base64url').toString(),
    ) as { kid: string };
    // Re-signing needs the private key, which only the users database holds: read it as an operator could.
    const key = await subgraph.runtime.db
      .collection('signing_keys')
      .findOne({ _id: header.kid as never });
    const { importJWK } = await import('jose');
    const privateKey = await importJWK(key!.privateJwk as never, 'ES256');
    const expired = await new SignJWT({ roles: claims.roles, sid: claims.sid })
      .setProtectedHeader({ alg: 'ES256', kid: header.kid, typ: 'at+jwt' })
      .setSubject(account.id)
      .setIssuer('vitrine-users')
      .setAudience('vitrine')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(privateKey);
    const response = await client.request(ME, {}, { token: expired });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'TOKEN_EXPIRED',
    });
  });

  it('refuses the access token of a session that logged out', async () => {
    const account = await users.register();
    await client.data(`mutation { logout }`, {}, { token: account.accessToken });
    const response = await client.request(ME, {}, { token: account.accessToken });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SESSION_REVOKED',
    });
    expect(await client.errorCode(REFRESH, { token: account.refreshToken })).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('publishes the signing keys as a JWKS', async () => {
    const jwks = (await (
      await fetch(subgraph.url.replace('/graphql', '/.well-known/jwks.json'))
    ).json()) as { keys: { kid: string; d?: string }[] };
    const { kid } = JSON.parse(
      Buffer.from(
        users.client.url && (await users.register()).accessToken.split('.')[0],
        'base64url',
      ).toString(),
    ) as { kid: string };
    expect(jwks.keys.map((k) => k.kid)).toContain(kid);
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true); // no private parts
  });
});

describe('refresh tokens', () => {
  it('rotate: each refresh gives new tokens and the old refresh token stops working', async () => {
    const account = await users.register();
    const { refreshToken: next } = (
      await client.data<{ refreshToken: { refreshToken: string; accessToken: string } }>(REFRESH, {
        token: account.refreshToken,
      })
    ).refreshToken;
    expect(next).not.toBe(account.refreshToken);
    const again = await client.data<{ refreshToken: { refreshToken: string } }>(REFRESH, {
      token: next,
    });
    expect(again.refreshToken.refreshToken).not.toBe(next);
  });

  it('detect reuse: a rotated token used again revokes the whole session and raises a security event', async () => {
    const account = await users.register();
    const rotated = (
      await client.data<{ refreshToken: { refreshToken: string; accessToken: string } }>(REFRESH, {
        token: account.refreshToken,
      })
    ).refreshToken;
    const reuse = await client.request(REFRESH, { token: account.refreshToken });
    expect(reuse.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'REFRESH_TOKEN_REUSED',
    });
    // The legitimate holder's newer tokens die with the session.
    expect(await client.errorCode(REFRESH, { token: rotated.refreshToken })).toBe(
      'UNAUTHENTICATED',
    );
    expect(await client.errorCode(ME, {}, { token: rotated.accessToken })).toBe('UNAUTHENTICATED');
    await findEvent(
      subgraph.runtime.kafka,
      'vitrine.users',
      'user.token_reuse_detected',
      (e) => e.data.userId === account.id,
    );
  });

  it('refuses a made-up refresh token without revoking anything', async () => {
    const account = await users.register();
    const sessionId = decodeJwt(account.accessToken).sid as string;
    expect(await client.errorCode(REFRESH, { token: `${sessionId}.made-up-secret` })).toBe(
      'UNAUTHENTICATED',
    );
    await expect(client.data(ME, {}, { token: account.accessToken })).resolves.toBeTruthy();
  });
});

describe('passwords', () => {
  it('change: needs the current password, and ends the other sessions', async () => {
    const account = await users.register();
    const other = await users.login(account.email, account.password);
    const wrong = await client.request(
      `mutation { changePassword(currentPassword: "Nope-Nope-123", newPassword: "Brand-New-Pass-7") }`,
      {},
      { token: account.accessToken },
    );
    expect(wrong.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'currentPassword',
    });
    await client.data(
      `mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`,
      { c: account.password, n: 'Brand-New-Pass-7' },
      { token: account.accessToken },
    );
    expect(await client.errorCode(ME, {}, { token: other.accessToken })).toBe('UNAUTHENTICATED');
    await expect(client.data(ME, {}, { token: account.accessToken })).resolves.toBeTruthy();
    await expect(users.login(account.email, 'Brand-New-Pass-7')).resolves.toBeTruthy();
  });

  it('reset: the token leaves as an event, works once, and ends every session', async () => {
    const account = await users.register();
    expect(
      await client.data(`mutation ($e: String!) { requestPasswordReset(email: $e) }`, {
        e: account.email,
      }),
    ).toEqual({ requestPasswordReset: true });
    // Unknown emails get the same answer.
    expect(
      await client.data(`mutation ($e: String!) { requestPasswordReset(email: $e) }`, {
        e: uniqueEmail(),
      }),
    ).toEqual({ requestPasswordReset: true });
    const event = await findEvent(
      subgraph.runtime.kafka,
      'vitrine.users',
      'user.password_reset_requested',
      (e) => e.data.userId === account.id,
    );
    const RESET = `mutation ($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`;
    expect(await client.data(RESET, { t: event.data.resetToken, p: 'Reset-Password-8' })).toEqual({
      resetPassword: true,
    });
    expect(await client.errorCode(ME, {}, { token: account.accessToken })).toBe('UNAUTHENTICATED');
    const reused = await client.request(RESET, {
      t: event.data.resetToken,
      p: 'Another-Password-9',
    });
    expect(reused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'token',
    });
    await expect(users.login(account.email, 'Reset-Password-8')).resolves.toBeTruthy();
  });
});

describe('roles', () => {
  it('a non-admin cannot grant roles, and nothing changes', async () => {
    const account = await users.register();
    const target = await users.register();
    const GRANT = `mutation ($id: ID!) { grantRole(userId: $id, role: ADMIN) { id roles } }`;
    expect(await client.errorCode(GRANT, { id: target.id }, { token: account.accessToken })).toBe(
      'FORBIDDEN',
    );
    expect(await client.errorCode(GRANT, { id: target.id })).toBe('UNAUTHENTICATED');
    const me = await client.data<{ me: { roles: string[] } }>(
      ME,
      {},
      { token: target.accessToken },
    );
    expect(me.me.roles).toEqual(['CUSTOMER']);
  });

  it('an admin grants and revokes, with events naming the admin', async () => {
    const admin = await users.admin();
    const target = await users.register();
    const granted = await client.data<{ grantRole: { roles: string[] } }>(
      `mutation ($id: ID!) { grantRole(userId: $id, role: DRIVER) { roles } }`,
      { id: target.id },
      { token: admin.accessToken },
    );
    expect(granted.grantRole.roles).toEqual(['CUSTOMER', 'DRIVER']);
    const event = await findEvent(
      subgraph.runtime.kafka,
      'vitrine.users',
      'user.role_granted',
      (e) => e.data.userId === target.id,
    );
    expect(event.data).toEqual({ userId: target.id, role: 'DRIVER', actorId: admin.id });
    const revoked = await client.data<{ revokeRole: { roles: string[] } }>(
      `mutation ($id: ID!) { revokeRole(userId: $id, role: DRIVER) { roles } }`,
      { id: target.id },
      { token: admin.accessToken },
    );
    expect(revoked.revokeRole.roles).toEqual(['CUSTOMER']);
    // The new role reaches tokens at the next refresh.
    const fresh = await users.login(target.email, target.password);
    expect(fresh.roles).toEqual(['CUSTOMER']);
  });

  it('the bootstrap admin exists once, with the ADMIN role', async () => {
    const admin = await users.admin();
    expect(admin.roles).toEqual(['CUSTOMER', 'ADMIN']);
    expect(errorCode(undefined)).toBeUndefined();
  });
});
