import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths that may hold a secret. pino replaces them before a line is written, so that a password,
 * a token or a card never lands in a log, whatever a caller passes in.
 */
const REDACT = [
  'password',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  'token',
  '*.token',
  '*.refreshToken',
  '*.accessToken',
  '*.resetToken',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'connectionParams.authorization',
  '*.secret',
  '*.clientSecret',
  '*.privateKey',
];

/**
 * Secrets that third parties may echo in their error messages (an SDK repeating the API key it
 * was given, a bearer token in a failed request): scrubbed from every logged error.
 */
const SECRET_PATTERNS = [
  /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]+/g,
  /\bwhsec_[A-Za-z0-9_]+/g,
  /\bBearer\s+[A-Za-z0-9._~+/-]+=*/g,
];

export function scrubSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((out, pattern) => out.replace(pattern, '[redacted]'), text);
}

/** The fields of an error that are logged: third-party errors carry payloads (a Stripe error its
 * PaymentIntent, with a client secret) that must not be; and no secret in the text. */
const ERROR_FIELDS = [
  'type',
  'message',
  'stack',
  'code',
  'statusCode',
  'requestId',
  'path',
  'extensions',
] as const;

function serializeError(err: Error): Record<string, unknown> {
  const plain = pino.stdSerializers.err(err) as unknown as Record<string, unknown>;
  const logged: Record<string, unknown> = {};
  for (const key of ERROR_FIELDS) {
    const value = plain[key];
    if (value === undefined) continue;
    logged[key] = typeof value === 'string' ? scrubSecrets(value) : value;
  }
  const nested = (err as { errors?: unknown }).errors;
  if (Array.isArray(nested)) {
    logged.aggregateErrors = nested.map((e: unknown) =>
      e instanceof Error ? serializeError(e) : String(e),
    );
  }
  if (err.cause instanceof Error) logged.cause = serializeError(err.cause);
  return logged;
}

export interface LoggerOptions {
  service: string;
  level?: string;
  /** Where lines go: standard output by default. */
  destination?: pino.DestinationStream;
}

export function createLogger({ service, level = 'info', destination }: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    redact: { paths: REDACT, censor: '[redacted]' },
    serializers: { err: serializeError },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}
