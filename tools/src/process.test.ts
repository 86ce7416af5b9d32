import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import {
  isRunning,
  readPidFile,
  runCommand,
  spawnDetached,
  stopProcess,
  type LaunchSpec,
} from './process.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-process-'));
  dirs.push(dir);
  return dir;
}

/**
 * A stand-in server: a Node process that says it is idling and idles. (What it prints must not
 * appear verbatim in its argv, which the log's header line repeats.)
 */
function idler(extraCode = ''): LaunchSpec {
  return {
    command: process.execPath,
    args: [
      '-e',
      `${extraCode}; console.log(['idling', process.pid].join(' ')); setInterval(() => {}, 1000);`,
    ],
  };
}

async function waitForOutput(logFile: string, text: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (readFileSync(logFile, 'utf8').includes(text)) return;
    await sleep(50);
  }
  throw new Error(`"${text}" never appeared in ${logFile}`);
}

describe('spawnDetached and stopProcess', () => {
  it('starts a process that logs to a file, records it, and stops it with SIGTERM', async () => {
    const dir = workDir();
    const logFile = join(dir, 'idler.log');
    const pidFile = join(dir, 'idler.pid');
    const child = await spawnDetached(idler(), logFile, pidFile);
    await waitForOutput(logFile, `idling ${child.record.pid}`);

    expect(readPidFile(pidFile)).toEqual(child.record);
    expect(isRunning(child.record)).toBe(true);
    await expect(stopProcess(child.record, 5_000)).resolves.toBe('stopped');
    expect(isRunning(child.record)).toBe(false);
  });

  it('kills a process that ignores SIGTERM once the grace period is over', async () => {
    const dir = workDir();
    const logFile = join(dir, 'stubborn.log');
    const child = await spawnDetached(
      idler("process.on('SIGTERM', () => {})"),
      logFile,
      join(dir, 'stubborn.pid'),
    );
    await waitForOutput(logFile, `idling ${child.record.pid}`);
    await expect(stopProcess(child.record, 300)).resolves.toBe('killed');
    expect(isRunning(child.record)).toBe(false);
  });

  it('does not take a recycled pid running another program for ours', () => {
    const record = { pid: process.pid, argv: ['some-server', '--port', '1'], startedAt: '' };
    expect(isRunning(record)).toBe(process.platform !== 'linux');
  });
});

describe('runCommand', () => {
  it('appends the output to the log', async () => {
    const logFile = join(workDir(), 'install.log');
    await runCommand({ command: process.execPath, args: ['-e', "console.log('built')"] }, logFile);
    expect(readFileSync(logFile, 'utf8')).toContain('built');
  });

  it('fails with the exit code, the end of the output and the log path', async () => {
    const logFile = join(workDir(), 'install.log');
    const failing = {
      command: process.execPath,
      args: ['-e', "console.error('boom'); process.exit(3)"],
    };
    await expect(runCommand(failing, logFile)).rejects.toThrow(
      new RegExp(`exit code 3[\\s\\S]*boom[\\s\\S]*${logFile}`),
    );
  });
});
