import { createGateway, loadGatewayConfig } from './index.js';

/**
 * The production entry point: configuration from the environment, then serve until SIGTERM or
 * SIGINT (what orchestrators and a terminal send), which drain in-flight requests, close the
 * WebSockets and exit 0. A failed start exits non-zero so that the orchestrator retries it.
 */
async function main(): Promise<void> {
  const gateway = await createGateway(loadGatewayConfig());
  const shutdown = (signal: NodeJS.Signals) => {
    gateway.logger.info({ signal }, 'shutting down');
    gateway
      .stop()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        gateway.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((err: unknown) => {
  console.error('gateway failed to start', err);
  process.exit(1);
});
