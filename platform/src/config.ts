import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';
import { ports, type ServiceName } from './ports.js';

/** Everything the platform itself needs to run a service; each subgraph extends it. */
export interface PlatformConfig {
  service: ServiceName;
  nodeEnv: 'development' | 'test' | 'production';
  host: string;
  port: number;
  logLevel: string;
  /** A name unique to this running instance; it keys the instance's own consumer groups. */
  instanceId: string;
  mongo: { uri: string; dbName: string; monitorCommands?: boolean };
  /** `groupPrefix` names the durable consumer groups (`vitrine-<service>` in every deployment). */
  kafka: { brokers: string[]; clientId: string; groupPrefix: string };
  auth: { jwksUrl: string; issuer: string; audience: string };
}

const env = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGODB_URI: z.string().default('mongodb://127.0.0.1:27017'),
  MONGODB_DB: z.string().optional(),
  KAFKA_BROKERS: z.string().default('127.0.0.1:9092'),
  KAFKA_GROUP_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .optional(),
  JWKS_URL: z.url().default(`http://127.0.0.1:${ports.users}/.well-known/jwks.json`),
  JWT_ISSUER: z.string().default('vitrine-users'),
  JWT_AUDIENCE: z.string().default('vitrine'),
});

/**
 * Reads a typed, validated configuration from the environment. An invalid variable stops the
 * process at start with the variable's name, never later with a confusing failure.
 */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  source: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return result.data;
}

export function loadPlatformConfig(
  service: ServiceName,
  source: NodeJS.ProcessEnv = process.env,
): PlatformConfig {
  const e = parseEnv(env, source);
  return {
    service,
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT ?? ports[service],
    logLevel: e.LOG_LEVEL,
    instanceId: `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    mongo: { uri: e.MONGODB_URI, dbName: e.MONGODB_DB ?? `vitrine_${service}` },
    kafka: {
      brokers: e.KAFKA_BROKERS.split(',')
        .map((b) => b.trim())
        .filter(Boolean),
      clientId: `vitrine-${service}`,
      groupPrefix: e.KAFKA_GROUP_PREFIX ?? `vitrine-${service}`,
    },
    auth: { jwksUrl: e.JWKS_URL, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE },
  };
}
