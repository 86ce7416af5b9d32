import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { ACCESS_TOKEN_ALGORITHM } from '../auth/token-verifier.js';
import { Role } from '../auth/viewer.js';

export interface TestTokenClaims {
  sub: string;
  roles?: Role[];
  sid?: string;
  expiresIn?: string | number;
  issuer?: string;
  audience?: string;
}

/**
 * A stand-in for the users subgraph's token service in other subgraphs' tests: its own ES256 key,
 * a real JWKS endpoint on a free port, and tokens signed exactly as users signs them.
 */
export class TestTokenIssuer {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly kid: string,
    private readonly server: Server,
    readonly jwksUrl: string,
    readonly issuer: string,
    readonly audience: string,
  ) {}

  static async start({
    issuer = 'vitrine-users',
    audience = 'vitrine',
  } = {}): Promise<TestTokenIssuer> {
    const { privateKey, publicKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, {
      extractable: true,
    });
    const kid = randomUUID();
    const jwk: JWK = {
      ...(await exportJWK(publicKey)),
      kid,
      alg: ACCESS_TOKEN_ALGORITHM,
      use: 'sig',
    };
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new TestTokenIssuer(
      privateKey,
      kid,
      server,
      `http://127.0.0.1:${port}/.well-known/jwks.json`,
      issuer,
      audience,
    );
  }

  sign({
    sub,
    roles = [Role.CUSTOMER],
    sid = randomUUID(),
    expiresIn = '10m',
    issuer,
    audience,
  }: TestTokenClaims) {
    return new SignJWT({ roles, sid })
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid: this.kid, typ: 'at+jwt' })
      .setSubject(sub)
      .setIssuer(issuer ?? this.issuer)
      .setAudience(audience ?? this.audience)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(this.privateKey);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
