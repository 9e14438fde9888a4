/**
 * PENSIM_WASM_REPORT=1: each thread says on stderr, once per module, whether that module's loops
 * run in WebAssembly or fall back to JS, and why, so a test can see that the fallback really ran
 * (test/wasm/wasm-off.test.ts). Silent otherwise. Example line: `pensim wasm: thread 1: sketch: JS (PENSIM_WASM=0)`.
 */
import { threadId } from 'node:worker_threads';

export function reportWasm(module: string, why: string | null): void {
  if (process.env.PENSIM_WASM_REPORT !== '1') return;
  process.stderr.write(`pensim wasm: thread ${threadId}: ${module}: ${why === null ? 'WebAssembly' : `JS (${why})`}\n`);
}

/** Why a module is not used: switched off, or not built. */
export function wasmOffReason(bytes: Uint8Array | null): string | null {
  if (process.env.PENSIM_WASM === '0') return 'PENSIM_WASM=0';
  return bytes === null ? 'not built' : null;
}
