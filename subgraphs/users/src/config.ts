import { loadPlatformConfig, parseEnv, type PlatformConfig } from '@vitrine/platform';
import { z } from 'zod';

export interface UsersConfig extends PlatformConfig {
  tokens: { accessTtlSeconds: number; refreshTtlDays: number };
  passwordResetTtlMinutes: number;
  throttle: {
    /** Failed logins on one account before it locks. */
    accountMaxFailures: number;
    accountLockMinutes: number;
    /** Failed logins from one address per window before it is refused. */
    ipMaxFailures: number;
    ipWindowMinutes: number;
  };
  argon2MemoryKib: number;
  /** The administrator created on first start, when both are set. */
  bootstrapAdmin: { email: string; password: string } | null;
}

const env = z.object({
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(1440).default(30),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).default(20),
  LOGIN_IP_WINDOW_MINUTES: z.coerce.number().int().min(1).default(10),
  ARGON2_MEMORY_KIB: z.coerce.number().int().min(8192).default(19456),
  ADMIN_EMAIL: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
});

export function loadUsersConfig(
  source: NodeJS.ProcessEnv = process.env,
  base?: PlatformConfig,
): UsersConfig {
  const e = parseEnv(env, source);
  return {
    ...(base ?? loadPlatformConfig('users', source)),
    tokens: {
      accessTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    },
    passwordResetTtlMinutes: e.PASSWORD_RESET_TTL_MINUTES,
    throttle: {
      accountMaxFailures: e.LOGIN_MAX_FAILURES,
      accountLockMinutes: e.LOGIN_LOCK_MINUTES,
      ipMaxFailures: e.LOGIN_IP_MAX_FAILURES,
      ipWindowMinutes: e.LOGIN_IP_WINDOW_MINUTES,
    },
    argon2MemoryKib: e.ARGON2_MEMORY_KIB,
    bootstrapAdmin:
      e.ADMIN_EMAIL && e.ADMIN_PASSWORD
        ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD }
        : null,
  };
}
