import { connect } from 'node:net';

/** Every server of ours binds the IPv4 loopback only. */
export const LOOPBACK = '127.0.0.1';

/**
 * Whether something accepts TCP connections on `host:port`. Used to tell "nothing there" from
 * "a port taken by a program that is not our server" before starting one.
 */
export function isPortOpen(port: number, host = LOOPBACK, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (open: boolean): void => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(true));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** A GET that resolves to the HTTP status, or undefined when nothing answers in time. */
export async function httpStatus(
  url: string,
  headers: Record<string, string> = {},
  timeoutMs = 2_000,
): Promise<number | undefined> {
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.status;
  } catch {
    return undefined;
  }
}
