import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureArtifact } from '../cache.js';
import { LOOPBACK, httpStatus } from '../net.js';
import { runCommand } from '../process.js';
import type { InfraPaths } from '../paths.js';
import { requireTool } from '../toolchain.js';
import type { Server, ServerContext } from './server.js';

/** The newest stripe-mock on the Go module proxy when this was written. */
export const STRIPE_MOCK_VERSION = '0.203.0';
export const STRIPE_MOCK_HTTP_PORT = 12111;
export const STRIPE_MOCK_HTTPS_PORT = 12112;
export const LOCAL_STRIPE_API_BASE = `http://${LOOPBACK}:${STRIPE_MOCK_HTTP_PORT}`;
/** stripe-mock accepts any key of the right shape; this is the one its docs use. */
export const STRIPE_MOCK_API_KEY = 'sk_test_123';

export function stripeMockBinary(paths: InfraPaths): string {
  return join(paths.cacheDir, 'stripe-mock', STRIPE_MOCK_VERSION, 'stripe-mock');
}

/** Stripe's own API mock: stateless, answers every endpoint with fixtures from the OpenAPI spec. */
export const stripeMock: Server = {
  name: 'stripe-mock',
  title: `stripe-mock ${STRIPE_MOCK_VERSION}`,
  version: STRIPE_MOCK_VERSION,
  ports: [STRIPE_MOCK_HTTP_PORT, STRIPE_MOCK_HTTPS_PORT],
  envVar: 'STRIPE_API_BASE',
  address: `${LOOPBACK}:${STRIPE_MOCK_HTTP_PORT}`,
  startTimeoutMs: 30_000,
  stopGraceMs: 5_000,

  async install({ paths, log }: ServerContext): Promise<void> {
    await ensureArtifact({
      target: stripeMockBinary(paths),
      label: this.title,
      log,
      build: async (tmp) => {
        requireTool('go', 'building stripe-mock');
        log(`building ${this.title} with \`go install\` (first time only; under a minute)...`);
        // go install writes <GOBIN>/stripe-mock; build into a private GOBIN, then move it.
        const gobin = `${tmp}.gobin`;
        mkdirSync(gobin, { recursive: true });
        try {
          await runCommand(
            {
              command: 'go',
              args: [
                'install',
                '-trimpath',
                '-ldflags=-s -w',
                `github.com/stripe/stripe-mock@v${STRIPE_MOCK_VERSION}`,
              ],
              // Outside any Go module, so that tools/ferretdb/go.mod plays no part.
              cwd: gobin,
              env: { GOBIN: gobin, GOFLAGS: `${process.env.GOFLAGS ?? ''} -modcacherw`.trim() },
            },
            join(paths.logDir, 'stripe-mock-install.log'),
          );
          renameSync(join(gobin, 'stripe-mock'), tmp);
        } finally {
          rmSync(gobin, { recursive: true, force: true });
        }
      },
    });
  },

  prepare({ paths }: ServerContext) {
    return Promise.resolve({
      command: stripeMockBinary(paths),
      args: [
        '-http-addr',
        `${LOOPBACK}:${STRIPE_MOCK_HTTP_PORT}`,
        '-https-addr',
        `${LOOPBACK}:${STRIPE_MOCK_HTTPS_PORT}`,
      ],
    });
  },

  async probe(): Promise<boolean> {
    const status = await httpStatus(`${LOCAL_STRIPE_API_BASE}/v1/customers`, {
      Authorization: `Bearer ${STRIPE_MOCK_API_KEY}`,
    });
    return status === 200;
  },
};
