import { FERRETDB_PORT, LOCAL_MONGODB_URI } from './servers/ferretdb.js';
import { KAFKA_PORT, LOCAL_KAFKA_BROKERS } from './servers/kafka.js';
import { LOCAL_MAILDEV_API_URL, MAILDEV_SMTP_PORT, MAILDEV_WEB_PORT } from './servers/maildev.js';
import type { ServerName } from './servers/server.js';
import {
  LOCAL_STRIPE_API_BASE,
  STRIPE_MOCK_HTTP_PORT,
  STRIPE_MOCK_HTTPS_PORT,
} from './servers/stripe-mock.js';
import { LOOPBACK } from './net.js';

/** Where the application and the tests find each service. */
export interface InfraEndpoints {
  /** `MONGODB_URI`; no database in the path: each user picks its own. */
  readonly mongodbUri: string;
  /** `KAFKA_BROKERS`, split on commas. */
  readonly kafkaBrokers: readonly string[];
  /** `STRIPE_API_BASE`, e.g. http://127.0.0.1:12111 (no trailing slash). */
  readonly stripeApiBase: string;
  /** `SMTP_HOST` and `SMTP_PORT`. */
  readonly smtpHost: string;
  readonly smtpPort: number;
  /**
   * `MAILDEV_API_URL`: maildev's REST API to read caught mails. Undefined when mail goes to an
   * external SMTP server and no catcher API was given: tests that read mails must then skip.
   */
  readonly maildevApiUrl: string | undefined;
  /** The servers this call started (not those already running or external). */
  readonly started: ServerName[];
}

export type StaticEndpoints = Omit<InfraEndpoints, 'started'>;

export interface ResolvedEndpoints {
  readonly endpoints: StaticEndpoints;
  /** Servers replaced by an external one through their env var: never started nor stopped. */
  readonly external: ReadonlySet<ServerName>;
}

/** A variable set to something unusable; the message names it and says what is expected. */
export class InvalidEnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEnvError';
  }
}

/**
 * The endpoints, with each local server replaced by the external one its env var names:
 * `MONGODB_URI`, `KAFKA_BROKERS`, `STRIPE_API_BASE`, `SMTP_HOST` + `SMTP_PORT` (+
 * `MAILDEV_API_URL`). An empty variable counts as unset.
 *
 * A variable that names the local server's own address (as `pnpm infra up` exports them, or as
 * the global setup of another test project did in this process) does not make it external: that
 * server stays managed, so it is still started when it is down.
 */
export function resolveEndpoints(env: NodeJS.ProcessEnv = process.env): ResolvedEndpoints {
  const external = new Set<ServerName>();
  const read = (name: string): string | undefined => env[name]?.trim() || undefined;

  const mongodbUri = read('MONGODB_URI');
  if (mongodbUri !== undefined) {
    if (!/^mongodb(\+srv)?:\/\//.test(mongodbUri)) {
      throw new InvalidEnvError(
        `MONGODB_URI must be a mongodb:// or mongodb+srv:// URI, got "${mongodbUri}".`,
      );
    }
    if (!isLocalMongodbUri(mongodbUri)) external.add('ferretdb');
  }

  const brokersVar = read('KAFKA_BROKERS');
  const kafkaBrokers = brokersVar
    ?.split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (kafkaBrokers !== undefined) {
    const bad = kafkaBrokers.find((broker) => !/^[^\s:/]+:\d+$/.test(broker));
    if (kafkaBrokers.length === 0 || bad !== undefined) {
      throw new InvalidEnvError(
        `KAFKA_BROKERS must be a comma-separated list of host:port, got "${brokersVar}".`,
      );
    }
    if (!kafkaBrokers.every((broker) => isLocalHostPort(broker, KAFKA_PORT))) {
      external.add('kafka');
    }
  }

  const stripeApiBase = read('STRIPE_API_BASE');
  if (stripeApiBase !== undefined) {
    const url = requireHttpUrl('STRIPE_API_BASE', stripeApiBase);
    const ourPort = url.protocol === 'https:' ? STRIPE_MOCK_HTTPS_PORT : STRIPE_MOCK_HTTP_PORT;
    if (!isLocalHostPort(urlHostPort(url), ourPort)) external.add('stripe-mock');
  }

  const smtpHost = read('SMTP_HOST');
  const smtpPortVar = read('SMTP_PORT');
  const maildevApiUrl = read('MAILDEV_API_URL');
  let smtpPort: number | undefined;
  if (smtpHost !== undefined || smtpPortVar !== undefined) {
    if (smtpHost === undefined || smtpPortVar === undefined) {
      throw new InvalidEnvError(
        'SMTP_HOST and SMTP_PORT replace the local maildev together: set both, or neither.',
      );
    }
    smtpPort = Number(smtpPortVar);
    if (!Number.isInteger(smtpPort) || smtpPort < 1 || smtpPort > 65_535) {
      throw new InvalidEnvError(`SMTP_PORT must be a port number, got "${smtpPortVar}".`);
    }
    if (!isLocalHostPort(`${smtpHost}:${smtpPort}`, MAILDEV_SMTP_PORT)) external.add('maildev');
  }
  if (maildevApiUrl !== undefined) {
    const url = requireHttpUrl('MAILDEV_API_URL', maildevApiUrl);
    if (!external.has('maildev') && !isLocalHostPort(urlHostPort(url), MAILDEV_WEB_PORT)) {
      throw new InvalidEnvError(
        'MAILDEV_API_URL is the REST API of an external mail catcher: set it with SMTP_HOST and ' +
          'SMTP_PORT (its SMTP side), or not at all.',
      );
    }
  }

  return {
    external,
    endpoints: {
      mongodbUri: mongodbUri ?? LOCAL_MONGODB_URI,
      kafkaBrokers: kafkaBrokers ?? LOCAL_KAFKA_BROKERS,
      stripeApiBase: withoutTrailingSlash(stripeApiBase ?? LOCAL_STRIPE_API_BASE),
      smtpHost: smtpHost ?? LOOPBACK,
      smtpPort: smtpPort ?? MAILDEV_SMTP_PORT,
      maildevApiUrl: maildevApiUrl
        ? withoutTrailingSlash(maildevApiUrl)
        : // No catcher API is known for an external SMTP server.
          external.has('maildev')
          ? undefined
          : LOCAL_MAILDEV_API_URL,
    },
  };
}

/**
 * The endpoints as the environment variables that name them, to hand to child processes (test
 * workers, subgraphs). `MAILDEV_API_URL` is left out when there is none.
 */
export function endpointsToEnv(endpoints: StaticEndpoints): Record<string, string> {
  const env: Record<string, string> = {
    MONGODB_URI: endpoints.mongodbUri,
    KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
    STRIPE_API_BASE: endpoints.stripeApiBase,
    SMTP_HOST: endpoints.smtpHost,
    SMTP_PORT: String(endpoints.smtpPort),
  };
  if (endpoints.maildevApiUrl !== undefined) env.MAILDEV_API_URL = endpoints.maildevApiUrl;
  return env;
}

function requireHttpUrl(name: string, value: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InvalidEnvError(`${name} must be an http(s) URL, got "${value}".`);
  }
  return url;
}

/** `host:port` of a URL, with the scheme's default port when it has none. */
function urlHostPort(url: URL): string {
  return `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;
}

/** Host names of this machine's loopback, where our own servers listen. */
const LOOPBACK_HOSTS = new Set([LOOPBACK, 'localhost']);

/** Whether `host[:port]` is the loopback address of one of our servers, listening on `ourPort`. */
function isLocalHostPort(hostPort: string, ourPort: number, defaultPort = ourPort): boolean {
  const at = hostPort.lastIndexOf(':');
  const host = at === -1 ? hostPort : hostPort.slice(0, at);
  const port = at === -1 ? defaultPort : Number(hostPort.slice(at + 1));
  return LOOPBACK_HOSTS.has(host.toLowerCase()) && port === ourPort;
}

/** Whether a MongoDB URI names our FerretDB alone (any database, options or credentials). */
function isLocalMongodbUri(uri: string): boolean {
  const hosts = /^mongodb:\/\/(?:[^@/]*@)?([^/?]+)/.exec(uri)?.[1]?.split(',');
  return hosts?.length === 1 && isLocalHostPort(hosts[0], FERRETDB_PORT, 27017);
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
