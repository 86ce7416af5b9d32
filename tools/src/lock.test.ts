import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { withFileLock } from './lock.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function lockFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-lock-'));
  dirs.push(dir);
  return join(dir, 'test.lock');
}

describe('withFileLock', () => {
  it('lets one holder in at a time, the other waiting for it', async () => {
    const file = lockFile();
    const events: string[] = [];
    const waited: number[] = [];
    const hold = (name: string) =>
      withFileLock(
        file,
        async () => {
          events.push(`${name} in`);
          await sleep(100);
          events.push(`${name} out`);
        },
        { timeoutMs: 5_000, onWait: (pid) => waited.push(pid) },
      );
    await Promise.all([hold('a'), hold('b')]);
    expect(events).toEqual(['a in', 'a out', 'b in', 'b out']);
    expect(waited).toEqual([process.pid]);
    expect(existsSync(file)).toBe(false);
  });

  it('takes over a lock left by a process that died', async () => {
    const file = lockFile();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(file, `${dead} some-token\n`);
    await expect(
      withFileLock(file, () => Promise.resolve('ran'), { timeoutMs: 1_000 }),
    ).resolves.toBe('ran');
  });

  it('gives up after the timeout, naming the holder', async () => {
    const file = lockFile();
    writeFileSync(file, `${process.pid} another-holder\n`);
    await expect(withFileLock(file, () => Promise.resolve(), { timeoutMs: 300 })).rejects.toThrow(
      `held by pid ${process.pid}`,
    );
    // Not ours: left in place.
    expect(existsSync(file)).toBe(true);
  });

  it('releases the lock when the holder throws', async () => {
    const file = lockFile();
    await expect(
      withFileLock(file, () => Promise.reject(new Error('failed')), { timeoutMs: 1_000 }),
    ).rejects.toThrow('failed');
    expect(existsSync(file)).toBe(false);
  });
});
