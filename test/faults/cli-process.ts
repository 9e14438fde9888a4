/**
 * Spawning the built CLI (dist/: npm test builds first) as a child process that a test can
 * signal, with its exit code, its output and the time from a chosen moment to its exit.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './hostile-scenarios.js';

export const CLI = join(ROOT, 'dist/bundle/cli/pensim.js');
export const DEFAULT_SCENARIO = join(ROOT, 'scenarios/default.json');

export interface Exited {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** performance.now() at exit. */
  at: number;
}

export function startCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const waiting: { text: string; resolve: () => void }[] = [];
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const w of waiting.splice(0)) (stderr.includes(w.text) ? w.resolve : () => waiting.push(w))();
  });
  const exited = new Promise<Exited>((resolve) => {
    child.on('exit', (code, signal) => {
      const at = performance.now();
      // Let the pipes drain before reporting the output.
      setTimeout(() => resolve({ code, signal, stdout, stderr, at }), 50);
    });
  });
  /** Resolves once stderr contains `text`; rejects if the process exits first. */
  const saidOnStderr = (text: string) =>
    new Promise<void>((resolve, reject) => {
      if (stderr.includes(text)) return resolve();
      waiting.push({ text, resolve });
      void exited.then((r) => reject(new Error(`exited (${r.code}) before saying "${text}" on stderr: ${r.stderr}`)));
    });
  return { child, exited, saidOnStderr };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * OS threads of this process (Linux: /proc/self/status). Each worker thread adds threads, and a
 * terminated worker's threads are gone, so "no worker left" is "back to the count before the run".
 * (process.getActiveResourcesInfo() does not list worker threads.)
 */
export function threadCount(): number {
  return Number(/Threads:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]);
}

/** The thread count once it has come down to `limit` (polled for up to a second), or the last count seen. */
export async function threadsSettledTo(limit: number): Promise<number> {
  let n = threadCount();
  for (let i = 0; i < 20 && n > limit; i++) {
    await sleep(50);
    n = threadCount();
  }
  return n;
}
