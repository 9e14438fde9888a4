/**
 * The cost of every bundled scenario per path-year, against bench-reference in the same run:
 * what users run, not only the fastest case. Each scenario runs in a process of its own
 * (bench/scenario-child.ts: in one process the scenarios run before moved the later ones' figures by
 * up to half) through simulate() on one thread (inline: no pool start, no worker warm-up) with
 * sketched percentiles, once to warm the JIT and then REPEATS timed runs of N paths, the median kept. A path-year is one path through one year of
 * the fan (the saving years, and the payout years where the plan has them), so plans of different
 * horizons compare fairly; the compile and result-building cost is included (small at N paths).
 *
 * Targets: every Norwegian scenario ≤ 1.5 × bench-reference's cost per path-year, every US
 * scenario ≤ 2.5 ×. Not a test: it takes a few minutes.
 *
 *   npm run bench:scenarios
 *   PENSIM_SCENARIOS_PATHS=200000 PENSIM_SCENARIOS_REPEATS=3 PENSIM_SCENARIOS_ONLY=default,hybrid-male
 *   PENSIM_SCENARIOS_JSON=file.json   also write the figures as JSON
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { REFERENCE, ROOT, machine, OtherWork, table, warnIfBusy, wholeNumber } from './common.js';

const N = wholeNumber('PENSIM_SCENARIOS_PATHS', process.env.PENSIM_SCENARIOS_PATHS, 200_000);
const REPEATS = wholeNumber('PENSIM_SCENARIOS_REPEATS', process.env.PENSIM_SCENARIOS_REPEATS, 3);
const ONLY = process.env.PENSIM_SCENARIOS_ONLY?.split(',').map((s) => s.trim());
const TARGET = { norway: 1.5, us: 2.5 } as const;

const info = machine();
console.log(`pensim ${info.pensim}: cost per path-year of every bundled scenario, ${N} paths, 1 thread, median of ${REPEATS}`);
console.log(`${info.cpu}, ${info.cores} cores, Node ${info.node}, ${info.date}, load average ${info.loadAverageAtStart.toFixed(2)}\n`);
warnIfBusy();
const other = new OtherWork();

const reference = REFERENCE.replace(/^scenarios\//, '');
const files = readdirSync(`${ROOT}scenarios`)
  .filter((f) => /\.(json|ya?ml)$/.test(f))
  .filter((f) => f === reference || ONLY === undefined || ONLY.some((o) => f.startsWith(o)))
  .sort((a, b) => (a === reference ? -1 : b === reference ? 1 : a.localeCompare(b)));

interface Row {
  scenario: string;
  kind: 'norway' | 'us';
  years: number;
  ms: number;
  nsPerPathYear: number;
  ratio: number;
  target: number;
  met: boolean;
}
const rows: Row[] = [];
let referenceNs = NaN;
for (const file of files) {
  const r = spawnSync(process.execPath, [`${ROOT}dist-bench/scenario-child.js`, `${ROOT}scenarios/${file}`, String(N), String(REPEATS)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scenario-child ${file}: ${r.stderr}`);
  const { years, ms, kind } = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { years: number; ms: number; kind: 'norway' | 'us' };
  const ns = (ms * 1e6) / (N * years);
  if (file === reference) referenceNs = ns;
  const ratio = ns / referenceNs;
  rows.push({ scenario: file, kind, years, ms, nsPerPathYear: ns, ratio, target: TARGET[kind], met: ratio <= TARGET[kind] });
  console.log(`  ${file}: ${ms.toFixed(0)} ms, ${years} years, ${ns.toFixed(1)} ns a path-year, ${ratio.toFixed(2)} × the reference`);
}

console.log(`\n${table(
  ['scenario', 'kind', 'years', 'ns / path-year', '× reference', 'target', 'met'],
  rows.map((r) => [r.scenario, r.kind, String(r.years), r.nsPerPathYear.toFixed(1), r.ratio.toFixed(2), `≤ ${r.target}`, r.met ? 'yes' : 'NO']),
)}`);
const busy = other.report();
const out = process.env.PENSIM_SCENARIOS_JSON;
if (out) writeFileSync(out, JSON.stringify({ machine: info, paths: N, repeats: REPEATS, otherCores: busy, rows }, null, 2) + '\n');
