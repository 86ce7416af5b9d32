import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { REPO_ROOT } from './paths.js';

export interface Memory {
  /** Resident set size now (VmRSS), in bytes. */
  rss: number;
  /** The highest resident set size so far (VmHWM), in bytes. */
  peak: number;
}

/** Resident memory of a process from /proc/<pid>/status (Linux). */
export function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
    if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
    return Number(match[1]) * 1024;
  };
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** The 1, 5 and 15 minute load averages. */
export function loadAverage(): [number, number, number] {
  const [one, five, fifteen] = loadavg();
  return [one, five, fifteen];
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  totalMemoryBytes: number;
  node: string;
  commit: string;
  /** Uncommitted changes in the measured packages: the figures include work in progress. */
  uncommitted: string[];
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/** The packages whose code the benchmarks run. */
const MEASURED = [
  'platform',
  'gateway',
  'subgraphs/users',
  'subgraphs/boutiques',
  'subgraphs/products',
  'subgraphs/payments',
];

export function describeMachine(): Machine {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    totalMemoryBytes: totalmem(),
    node: process.version,
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    uncommitted: git('status', '--porcelain', '--', ...MEASURED)
      .split('\n')
      .filter(Boolean),
  };
}
