/**
 * Test-only fault injection, so the tests can show what a failing worker does to a run.
 * PENSIM_INJECT_FAULT="throw:3" makes chunk 3 throw; "exit:3" makes the worker thread that runs
 * chunk 3 exit (process.exit in a worker thread ends that thread only). Read where a chunk starts:
 * in the worker, and in the inline loop (which only throws: an exit there would end the process).
 * Unset, it costs one environment lookup per chunk.
 */
export const FAULT_VARIABLE = 'PENSIM_INJECT_FAULT';

export function injectFault(chunk: number, inWorker: boolean, env: NodeJS.ProcessEnv = process.env): void {
  const spec = env[FAULT_VARIABLE];
  if (!spec) return;
  const m = /^(throw|exit):(\d+)$/.exec(spec);
  if (!m || Number(m[2]) !== chunk) return;
  if (m[1] === 'exit' && inWorker) process.exit(3);
  throw new Error(`injected fault (${FAULT_VARIABLE}=${spec})`);
}
