import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LOOPBACK, httpStatus, isPortOpen } from '../net.js';
import type { Server, ServerContext } from './server.js';

/** Keep in step with tools/package.json. */
export const MAILDEV_VERSION = '2.2.1';
export const MAILDEV_SMTP_PORT = 1025;
export const MAILDEV_WEB_PORT = 1080;
export const LOCAL_MAILDEV_API_URL = `http://${LOOPBACK}:${MAILDEV_WEB_PORT}`;

const require = createRequire(import.meta.url);

/** maildev's CLI script, from tools/node_modules (pnpm installs it with the workspace). */
function maildevScript(): string {
  let packageJson: string;
  try {
    packageJson = require.resolve('maildev/package.json');
  } catch {
    throw new Error(
      'maildev is not installed in tools/node_modules: run `pnpm install` at the repository root.',
    );
  }
  const { version, bin } = JSON.parse(readFileSync(packageJson, 'utf8')) as {
    version: string;
    bin: Record<string, string>;
  };
  if (version !== MAILDEV_VERSION) {
    throw new Error(
      `tools/node_modules has maildev ${version}, the launcher expects ${MAILDEV_VERSION}: run \`pnpm install\`.`,
    );
  }
  return join(dirname(packageJson), bin.maildev ?? 'bin/maildev');
}

/** SMTP catcher with a web UI and a REST API (`GET /email`) to read what was sent. */
export const maildev: Server = {
  name: 'maildev',
  title: `maildev ${MAILDEV_VERSION}`,
  version: MAILDEV_VERSION,
  ports: [MAILDEV_SMTP_PORT, MAILDEV_WEB_PORT],
  envVar: 'SMTP_HOST + SMTP_PORT',
  address: `${LOOPBACK}:${MAILDEV_SMTP_PORT} (web :${MAILDEV_WEB_PORT})`,
  startTimeoutMs: 30_000,
  stopGraceMs: 5_000,

  install(): Promise<void> {
    // Nothing to build: resolving it is the check that `pnpm install` has run.
    maildevScript();
    return Promise.resolve();
  },

  prepare({ paths }: ServerContext) {
    const mailDir = join(paths.dataDir, 'maildev');
    mkdirSync(mailDir, { recursive: true });
    return Promise.resolve({
      // The Node running the launcher runs maildev too.
      command: process.execPath,
      args: [
        maildevScript(),
        '--ip',
        LOOPBACK,
        '--web-ip',
        LOOPBACK,
        '--smtp',
        String(MAILDEV_SMTP_PORT),
        '--web',
        String(MAILDEV_WEB_PORT),
        // Caught mails survive a restart, like the other servers' data.
        '--mail-directory',
        mailDir,
      ],
    });
  },

  async probe(): Promise<boolean> {
    const [api, smtp] = await Promise.all([
      httpStatus(`${LOCAL_MAILDEV_API_URL}/email`),
      isPortOpen(MAILDEV_SMTP_PORT),
    ]);
    return api === 200 && smtp;
  },
};
