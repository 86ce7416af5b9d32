import type { InfraPaths } from '../paths.js';
import type { LaunchSpec } from '../process.js';

export type ServerName = 'ferretdb' | 'kafka' | 'stripe-mock' | 'maildev';

export interface ServerContext {
  readonly paths: InfraPaths;
  /** Prints a progress line. */
  readonly log: (line: string) => void;
}

/**
 * One local server, as the launcher drives it: install once into the cache, prepare its data
 * and config, launch it detached, probe it with a real client until it answers.
 */
export interface Server {
  readonly name: ServerName;
  /** Human name with version, for progress lines ("Kafka 3.9.1"). */
  readonly title: string;
  readonly version: string;
  /** Loopback ports it binds; checked for squatters before starting. */
  readonly ports: readonly number[];
  /** The environment variable(s) that replace it by an external server, for messages. */
  readonly envVar: string;
  /** What `status` shows, e.g. "127.0.0.1:27017". */
  readonly address: string;
  /** How long a start may take before it is reported as failed. */
  readonly startTimeoutMs: number;
  /** How long `down` waits after SIGTERM before SIGKILL. */
  readonly stopGraceMs: number;
  /** Installs into `paths.cacheDir` what is missing; quick when cached. */
  install(context: ServerContext): Promise<void>;
  /** Writes configs and data folders (formats Kafka's storage once); returns how to launch. */
  prepare(context: ServerContext): Promise<LaunchSpec>;
  /** One probe with a real client; true when the server answers requests. Never throws. */
  probe(): Promise<boolean>;
  /** Log files besides the process output (Kafka's log4j file), for error messages. */
  extraLogFiles?(paths: InfraPaths): string[];
}
