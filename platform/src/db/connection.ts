import { setGlobalOptions } from '@typegoose/typegoose';
import mongoose, { type Connection } from 'mongoose';
import type { Logger } from '../logger.js';

export type { Connection } from 'mongoose';

/**
 * Every model is built on an explicit connection. typegoose's model cache is keyed by class name
 * alone, so two subgraphs in one process (the e2e suite) with a class of the same name (each has
 * its own `BoutiqueTeam` read model) would share the first one's model, bound to the first one's
 * database. Without the cache, each `getModelForClass(cls, { existingConnection })` is its own.
 */
setGlobalOptions({ options: { disableCaching: true } });
// And a second model of a class on the same connection (tests build one beside the subgraph's)
// replaces the first instead of throwing.
mongoose.set('overwriteModels', true);

/** Any model, whatever its document type: for code that handles models generically. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyModel = mongoose.Model<any>;

export interface DatabaseOptions {
  uri: string;
  dbName: string;
  logger: Logger;
  maxPoolSize?: number;
  /** Emit `commandStarted` events on the client (tests count queries with them). */
  monitorCommands?: boolean;
}

/**
 * Opens a dedicated connection (never mongoose's global one, so that a process may hold several,
 * as tests do) with a bounded pool and timeouts that fail fast instead of hanging a request.
 */
export async function connectDatabase({
  uri,
  dbName,
  logger,
  maxPoolSize = 20,
  monitorCommands = false,
}: DatabaseOptions): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName,
    maxPoolSize,
    minPoolSize: 1,
    serverSelectionTimeoutMS: 5_000,
    connectTimeoutMS: 5_000,
    socketTimeoutMS: 30_000,
    // Indexes are created explicitly (see ensureIndexes) so that start-up waits for them.
    autoIndex: false,
    autoCreate: true,
    monitorCommands,
  });
  connection.on('disconnected', () => logger.warn({ dbName }, 'database disconnected'));
  connection.on('reconnected', () => logger.info({ dbName }, 'database reconnected'));
  await connection.asPromise();
  logger.info({ dbName }, 'database connected');
  return connection;
}

/** Creates every model's declared indexes; a unique index must exist before the first write. */
export async function ensureIndexes(models: Iterable<AnyModel>): Promise<void> {
  for (const model of models) {
    await model.createCollection().catch((err: { codeName?: string }) => {
      if (err.codeName !== 'NamespaceExists') throw err;
    });
    await model.createIndexes();
  }
}

export async function pingDatabase(connection: Connection): Promise<boolean> {
  try {
    await connection.db?.admin().ping();
    return connection.readyState === mongoose.ConnectionStates.connected;
  } catch {
    return false;
  }
}

/** True for a unique-index violation, on MongoDB and FerretDB alike. */
export function isDuplicateKeyError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}
