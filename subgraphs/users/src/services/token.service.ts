import { randomUUID } from 'node:crypto';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
} from 'jose';
import {
  ACCESS_TOKEN_ALGORITHM,
  createJwtVerifier,
  isDuplicateKeyError,
  type Role,
  type TokenVerifier,
} from '@vitrine/platform';
import type { SigningKeyModel } from '../models/signing-key.model.js';

export interface AccessToken {
  token: string;
  expiresAt: Date;
}

/**
 * Responsible for the keys that sign access tokens and for signing them. Keys live in the
 * database, so that every instance signs with the same key and restarts keep tokens valid; the
 * first instance to start creates one. Public halves are published at `/.well-known/jwks.json`.
 */
export class TokenService {
  private signingKey?: { kid: string; key: CryptoKey };
  private jwks: JSONWebKeySet = { keys: [] };
  private localKeys = createLocalJWKSet(this.jwks);

  constructor(
    private readonly keys: SigningKeyModel,
    private readonly options: { issuer: string; audience: string; accessTtlSeconds: number },
  ) {}

  /**
   * Loads the signing keys, creating the first one if there is none. Two instances starting on
   * an empty database both try; the unique `generation` lets exactly one key be the first.
   */
  async init(): Promise<void> {
    if ((await this.keys.estimatedDocumentCount()) === 0) {
      const { privateKey, publicKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, {
        extractable: true,
      });
      const kid = randomUUID();
      await this.keys
        .create({
          _id: kid,
          generation: 1,
          privateJwk: await exportJWK(privateKey),
          publicJwk: {
            ...(await exportJWK(publicKey)),
            kid,
            alg: ACCESS_TOKEN_ALGORITHM,
            use: 'sig',
          },
        })
        .catch((err: unknown) => {
          if (!isDuplicateKeyError(err)) throw err; // another instance created it first
        });
    }
    const all = await this.keys.find().sort({ createdAt: -1 }).lean().exec();
    const newest = all[0];
    this.signingKey = {
      kid: newest._id,
      key: (await importJWK(newest.privateJwk as JWK, ACCESS_TOKEN_ALGORITHM)) as CryptoKey,
    };
    this.jwks = { keys: all.map((k) => k.publicJwk as JWK) };
    this.localKeys = createLocalJWKSet(this.jwks);
  }

  get publicKeys(): JSONWebKeySet {
    return this.jwks;
  }

  async issueAccessToken(
    user: { id: string; roles: Role[] },
    sessionId: string,
  ): Promise<AccessToken> {
    if (!this.signingKey) throw new Error('TokenService.init() was not called');
    const expiresAt = new Date(Date.now() + this.options.accessTtlSeconds * 1000);
    const token = await new SignJWT({ roles: [...user.roles], sid: sessionId })
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid: this.signingKey.kid, typ: 'at+jwt' })
      .setSubject(user.id)
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.signingKey.key);
    return { token, expiresAt };
  }

  /** Verifies tokens with the local keys: the users subgraph does not fetch its own JWKS. */
  verifier(): TokenVerifier {
    return createJwtVerifier({
      issuer: this.options.issuer,
      audience: this.options.audience,
      // Built once per key set (init), not per request: jose caches imported keys inside it.
      keys: (header, token) => this.localKeys(header, token),
    });
  }
}
