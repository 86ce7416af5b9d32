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

export interface LoggerOptions {
  service: string;
  level?: string;
  pretty?: boolean;
}

export function createLogger({ service, level = 'info' }: LoggerOptions): Logger {
  return pino({
    level,
    base: { service },
    redact: { paths: REDACT, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}
