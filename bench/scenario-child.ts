/**
 * One scenario of bench/scenarios.ts in a process of its own (the JIT state of one scenario's run
 * is not another's): warm up on 20 480 paths, then REPEATS timed runs of N paths on one thread
 * inline; prints one JSON line: the simulated years a path (saving, and payout where the plan has
 * them), the least CPU milliseconds of the timed runs (user + system: it holds under other load
 * better than the wall time) and the plan kind.
 *
 *   node dist-bench/scenario-child.js <scenario file> <paths> <repeats>
 */
import { simulate } from '../dist/src/engine/simulate.js';
import { isUsScenario } from '../dist/src/plan/compiled-plan.js';
import { loadAnyScenario } from '../dist/src/scenario/load-any-scenario.js';

const [file, paths, repeats] = process.argv.slice(2);
const scenario = await loadAnyScenario(file!);
const options = { threads: 1, percentileMethod: 'sketch' as const, allowLarge: true };
const warm = await simulate(scenario, { ...options, paths: Math.min(Number(paths), 20_480) });
// A US plan through retirement: its payout years count too (the result's fan holds the saving years).
const payout = (warm as { payout?: { ages: { retirement: number; horizon: number } } }).payout;
const years = warm.fan.ages.length - 1 + (payout ? payout.ages.horizon - payout.ages.retirement : 0);
const cpu: number[] = [];
for (let i = 0; i < Number(repeats); i++) {
  const c0 = process.cpuUsage();
  await simulate(scenario, { ...options, paths: Number(paths) });
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
console.log(JSON.stringify({ years, cpuMs: Math.min(...cpu), kind: isUsScenario(scenario) ? 'us' : 'norway' }));
