import { ferretdb } from './ferretdb.js';
import { kafka } from './kafka.js';
import { maildev } from './maildev.js';
import type { Server, ServerName } from './server.js';
import { stripeMock } from './stripe-mock.js';

export type { Server, ServerContext, ServerName } from './server.js';

/** Every local server, in the order `status` lists them. */
export const servers: readonly Server[] = [ferretdb, kafka, stripeMock, maildev];

export const serverNames: readonly ServerName[] = servers.map((server) => server.name);

export function isServerName(name: string): name is ServerName {
  return (serverNames as readonly string[]).includes(name);
}
