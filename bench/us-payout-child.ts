/**
 * One side of bench/us-payout.ts in a process of its own (a process runs one scenario, as a user's
 * does: the kernel's JIT state is not shared with the other side): warm up on 20 480 paths, then
 * time N paths on one thread inline and print the CPU milliseconds of that run.
 *
 *   node dist-bench/us-payout-child.js <scenario file> with|without <paths>
 */
import { simulate } from '../dist/src/engine/simulate.js';
import { isUsScenario } from '../dist/src/plan/compiled-plan.js';
import { loadAnyScenario } from '../dist/src/scenario/load-any-scenario.js';

const [file, side, paths] = process.argv.slice(2);
const scenario = await loadAnyScenario(file!);
if (!isUsScenario(scenario)) throw new Error(`${file} is not a US scenario`);
if (side === 'without') delete (scenario as { payout?: unknown }).payout;
const options = { threads: 1, percentileMethod: 'sketch' as const, allowLarge: true };
await simulate(scenario, { ...options, paths: 20_480 });
const c0 = process.cpuUsage();
await simulate(scenario, { ...options, paths: Number(paths) });
const c = process.cpuUsage(c0);
console.log(String((c.user + c.system) / 1000));
