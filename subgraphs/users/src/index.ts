import 'reflect-metadata';
import { SubgraphRuntime, type RunningSubgraph } from '@vitrine/platform';
import type { Express } from 'express';
import type { UsersConfig } from './config.js';
import { boutiqueApprovedConsumer } from './events/consumers/boutique-approved.consumer.js';
import { createLoaders, type UsersContext } from './loaders.js';
import { createLoginAttemptModel } from './models/login-attempt.model.js';
import { createSessionModel } from './models/session.model.js';
import { createSigningKeyModel } from './models/signing-key.model.js';
import { createUserModel } from './models/user.model.js';
import { buildUsersSchema } from './schema.js';
import { AuthService } from './services/auth.service.js';
import { ensureBootstrapAdmin } from './services/bootstrap-admin.js';
import { PasswordHasher } from './services/credentials.js';
import { LoginThrottle } from './services/login-throttle.service.js';
import { SessionService } from './services/session.service.js';
import { TokenService } from './services/token.service.js';
import { UserService } from './services/user.service.js';

export { loadUsersConfig, type UsersConfig } from './config.js';
export { buildUsersSchema } from './schema.js';

export const JWKS_PATH = '/.well-known/jwks.json';

/**
 * Starts the users subgraph: accounts, credentials, roles, profiles, addresses and tokens. It
 * signs access tokens and publishes their keys at `/.well-known/jwks.json`.
 */
export async function createUsersSubgraph(config: UsersConfig): Promise<RunningSubgraph> {
  const runtime = await SubgraphRuntime.create(config);
  const userModel = createUserModel(runtime.db);
  const sessionModel = createSessionModel(runtime.db);
  const keyModel = createSigningKeyModel(runtime.db);
  const attemptModel = createLoginAttemptModel(runtime.db);
  runtime.outbox(userModel, sessionModel).indexes(keyModel, attemptModel);

  const outbox = runtime.outboxWriter;
  const hasher = new PasswordHasher(config.argon2MemoryKib);
  const tokens = new TokenService(keyModel, {
    ...config.auth,
    accessTtlSeconds: config.tokens.accessTtlSeconds,
  });
  const sessions = new SessionService(sessionModel, config.tokens.refreshTtlDays);
  const throttle = new LoginThrottle(
    attemptModel,
    config.throttle.ipMaxFailures,
    config.throttle.ipWindowMinutes,
  );
  const users = new UserService(userModel, outbox);
  const auth = new AuthService(userModel, hasher, tokens, sessions, throttle, outbox, config);

  await tokens.init();
  if (config.bootstrapAdmin) {
    await ensureBootstrapAdmin(userModel, hasher, outbox, config.bootstrapAdmin, runtime.logger);
  }
  runtime.every('sweep expired sessions', 3_600_000, () => sessions.sweep());
  runtime.every('sweep login windows', 600_000, () => throttle.sweep());

  runtime.consume([boutiqueApprovedConsumer(users)]);

  const pubSub = runtime.subscriptions(['user.updated']);
  const schema = await buildUsersSchema({ auth, users }, pubSub);
  return runtime.serve<UsersContext>({
    schema,
    verifier: sessions.liveSessionVerifier(tokens.verifier()),
    context: (base) => ({ ...base, loaders: createLoaders(users) }),
    routes: (app: Express) => {
      app.get(JWKS_PATH, (_req, res) => {
        res.setHeader('cache-control', 'public, max-age=300');
        res.json(tokens.publicKeys);
      });
    },
  });
}
