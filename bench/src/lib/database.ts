/**
 * Drops the benchmark's own users database, as the tests drop theirs, so that runs leave nothing
 * in the shared FerretDB. The platform (mongoose and all) is loaded only here, at the very end,
 * never in the load generator's process while it measures.
 */
export async function dropDatabase(uri: string, dbName: string): Promise<void> {
  const { connectDatabase, createLogger } = await import('@vitrine/platform');
  const logger = createLogger({ service: 'bench', level: 'silent' });
  const connection = await connectDatabase({ uri, dbName, logger, maxPoolSize: 1 });
  try {
    await connection.dropDatabase();
  } finally {
    await connection.close();
  }
}

/**
 * Runs `task` on one connection to a service's database, closed afterwards: the benchmark seeds
 * and checks what a service wrote, between runs, never holding a connection while it measures.
 */
export async function withDatabase<T>(
  uri: string,
  dbName: string,
  task: (connection: import('@vitrine/platform').Connection) => Promise<T>,
): Promise<T> {
  const { connectDatabase, createLogger } = await import('@vitrine/platform');
  const logger = createLogger({ service: 'bench', level: 'silent' });
  const connection = await connectDatabase({ uri, dbName, logger, maxPoolSize: 1 });
  try {
    return await task(connection);
  } finally {
    await connection.close();
  }
}
