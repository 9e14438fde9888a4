/**
 * The cost of a US plan's payout years against its saving years, per path-year: each bundled US
 * scenario with a payout section runs as written (saving + payout years) and without its payout
 * section (the saving run of before), in turn, REPEATS pairs, each run in a process of its own
 * (bench/us-payout-child.ts: one thread inline, after a warm-up in that process); the CPU time of
 * the timed run is the figure (it holds under other load better than the wall time). Each child is
 * pinned to one core (taskset, where there is one) and the pairs are interleaved; the target column
 * is the ratio of each side's least CPU over the pairs (best of REPEATS), the median of the pairs'
 * ratios is printed beside it: on a shared host with slow phases the medians of single pairs moved
 * by ±15 % from run to run, the best-of figures by a few per cent.
 *
 *   saving     = CPU(saving run) / (N × saving years)
 *   whole      = CPU(payout run) / (N × (saving + payout years))
 *   payout     = (CPU(payout run) − CPU(saving run)) / (N × payout years)
 *
 * Target (the payout issue): a payout run costs no more per path-year than the saving run does,
 * i.e. whole ÷ saving ≤ 1.0; the marginal payout ÷ saving is printed too. Not a test.
 *
 *   npm run bench:us-payout
 *   PENSIM_USP_PATHS=1000000 PENSIM_USP_REPEATS=5 PENSIM_USP_ONLY=ksop-retirement
 */
import { readdirSync } from 'node:fs';
import { simulate } from '../dist/src/engine/simulate.js';
import { isUsScenario } from '../dist/src/plan/compiled-plan.js';
import { loadAnyScenario } from '../dist/src/scenario/load-any-scenario.js';
import { ROOT, machine, median, OtherWork, pinToLastCore, spawnNode, table, warnIfBusy, wholeNumber } from './common.js';

const N = wholeNumber('PENSIM_USP_PATHS', process.env.PENSIM_USP_PATHS, 200_000);
const REPEATS = wholeNumber('PENSIM_USP_REPEATS', process.env.PENSIM_USP_REPEATS, 5);
const ONLY = process.env.PENSIM_USP_ONLY?.split(',').map((s) => s.trim());

const info = machine();
console.log(`pensim ${info.pensim}: US payout years against saving years per path-year, ${N} paths, 1 thread, best of and median of ${REPEATS} interleaved pairs`);
console.log(`${info.cpu}, ${info.cores} cores, Node ${info.node}, ${info.date}, load average ${info.loadAverageAtStart.toFixed(2)}\n`);
warnIfBusy();
const other = new OtherWork();

const PIN = pinToLastCore(info.cores);
if (PIN.length > 0) console.log(`each child pinned to core ${info.cores - 1} (taskset)\n`);

/** CPU milliseconds of N paths of `file` with or without its payout section, in a child process. */
const childCpuMs = (file: string, side: 'with' | 'without'): number => {
  const args = [`${ROOT}dist-bench/us-payout-child.js`, `${ROOT}scenarios/${file}`, side, String(N)];
  const r = spawnNode(PIN, args);
  if (r.status !== 0) throw new Error(`us-payout-child ${file} ${side}: ${r.stderr}`);
  return Number(r.stdout.trim());
};

const rows: string[][] = [];
for (const file of readdirSync(`${ROOT}scenarios`).sort()) {
  if (!/\.(json|ya?ml)$/.test(file) || (ONLY && !ONLY.some((o) => file.startsWith(o)))) continue;
  const withPayout = await loadAnyScenario(`${ROOT}scenarios/${file}`);
  if (!isUsScenario(withPayout) || !withPayout.payout) continue;
  const { payout: _dropped, ...saving } = withPayout;
  const warmS = await simulate(saving, { paths: 20_480, threads: 1, percentileMethod: 'sketch', allowLarge: true });
  const savingYears = warmS.fan.ages.length - 1;
  const payoutYears = withPayout.payout.horizonAge - warmS.fan.ages[warmS.fan.ages.length - 1]!;
  const whole: number[] = [];
  const marginal: number[] = [];
  const savingMs: number[] = [];
  const payoutMs: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const ts = childCpuMs(file, 'without');
    const tp = childCpuMs(file, 'with');
    savingMs.push(ts);
    payoutMs.push(tp);
    const s = (ts * 1e6) / (N * savingYears);
    whole.push((tp * 1e6) / (N * (savingYears + payoutYears)) / s);
    marginal.push(((tp - ts) * 1e6) / (N * payoutYears) / s);
  }
  const ts = Math.min(...savingMs);
  const tp = Math.min(...payoutMs);
  const s = (ts * 1e6) / (N * savingYears);
  const best = (tp * 1e6) / (N * (savingYears + payoutYears)) / s;
  const bestMarginal = ((tp - ts) * 1e6) / (N * payoutYears) / s;
  const row = [file, String(savingYears), String(payoutYears), s.toFixed(1), best.toFixed(2), bestMarginal.toFixed(2), median(whole).toFixed(2), median(marginal).toFixed(2), best <= 1 ? 'yes' : 'NO'];
  rows.push(row);
  console.log(`  ${file}: saving ${row[3]} ns a path-year; whole run ${row[4]} ×, payout years ${row[5]} × the saving years' cost (best of ${REPEATS}; medians of the pairs ${row[6]} ×, ${row[7]} ×)`);
}
console.log(`\n${table(['scenario', 'saving years', 'payout years', 'saving ns / path-year', 'whole ÷ saving', 'payout ÷ saving', 'whole, median', 'payout, median', 'whole ≤ 1.0'], rows)}`);
other.report();
