import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { contentKey, ensureArtifact } from '../cache.js';
import { LOOPBACK, isPortOpen } from '../net.js';
import type { InfraPaths } from '../paths.js';
import { runCommand } from '../process.js';
import { requireTool } from '../toolchain.js';
import type { Server, ServerContext } from './server.js';

/** Keep in step with the `require` of tools/ferretdb/go.mod. */
export const FERRETDB_VERSION = '1.24.2';
export const FERRETDB_PORT = 27017;
export const LOCAL_MONGODB_URI = `mongodb://${LOOPBACK}:${FERRETDB_PORT}`;

function moduleDir(paths: InfraPaths): string {
  return join(paths.toolsDir, 'ferretdb');
}

/** The cached binary, keyed by FerretDB's version and by our Go sources. */
export function ferretdbBinary(paths: InfraPaths): string {
  const dir = moduleDir(paths);
  const key = contentKey(['main.go', 'go.mod', 'go.sum'].map((file) => join(dir, file)));
  return join(paths.cacheDir, 'ferretdb', `${FERRETDB_VERSION}-${key}`, 'ferretdb');
}

/**
 * MongoDB wire protocol: FerretDB v1 on SQLite, built from our tiny Go main in tools/ferretdb
 * (see its doc comment for why not FerretDB's own command).
 */
export const ferretdb: Server = {
  name: 'ferretdb',
  title: `FerretDB ${FERRETDB_VERSION}`,
  version: FERRETDB_VERSION,
  ports: [FERRETDB_PORT],
  envVar: 'MONGODB_URI',
  address: `${LOOPBACK}:${FERRETDB_PORT}`,
  startTimeoutMs: 30_000,
  stopGraceMs: 10_000,

  async install({ paths, log }: ServerContext): Promise<void> {
    await ensureArtifact({
      target: ferretdbBinary(paths),
      label: this.title,
      log,
      build: async (tmp) => {
        requireTool('go', 'building FerretDB');
        log(`building ${this.title} with \`go build\` (first time only; a minute or two)...`);
        await runCommand(
          {
            command: 'go',
            args: [
              'build',
              '-trimpath',
              '-buildvcs=false',
              // Only the SQLite backend is used; leaving PostgreSQL out shortens the build.
              '-tags=ferretdb_no_postgresql',
              '-ldflags=-s -w',
              '-o',
              tmp,
              '.',
            ],
            cwd: moduleDir(paths),
            // -modcacherw: keep the module cache deletable without chmod.
            env: { GOFLAGS: `${process.env.GOFLAGS ?? ''} -modcacherw`.trim() },
          },
          join(paths.logDir, 'ferretdb-install.log'),
        );
      },
    });
  },

  prepare({ paths }: ServerContext) {
    const dataDir = join(paths.dataDir, 'ferretdb');
    mkdirSync(dataDir, { recursive: true });
    return Promise.resolve({
      command: ferretdbBinary(paths),
      args: ['-listen-addr', this.address, '-data-dir', dataDir, '-log-level', 'info'],
      cwd: dataDir,
    });
  },

  async probe(): Promise<boolean> {
    // The driver retries a refused connection until its selection timeout: fail fast instead.
    if (!(await isPortOpen(FERRETDB_PORT))) return false;
    const client = new MongoClient(LOCAL_MONGODB_URI, {
      serverSelectionTimeoutMS: 1_500,
      connectTimeoutMS: 1_500,
    });
    try {
      await client.connect();
      const reply = await client.db('admin').command({ ping: 1 });
      return reply.ok === 1;
    } catch {
      return false;
    } finally {
      await client.close().catch(() => undefined);
    }
  },
};
