/**
 * The cost of every bundled scenario per path-year, against bench-reference measured beside it:
 * what users run, not only the fastest case. Each scenario runs in a process of its own
 * (bench/scenario-child.ts: in one process the scenarios run before moved the later ones' figures by
 * up to half) through simulate() on one thread (inline: no pool start, no worker warm-up) with
 * sketched percentiles, once to warm the JIT and then REPEATS timed runs of N paths. A path-year is
 * one path through one year of the fan (the saving years, and the payout years where the plan has
 * them), so plans of different horizons compare fairly; the compile and result-building cost is
 * included (small at N paths).
 *
 * Each scenario is measured in ROUNDS rounds, each round a reference child then the scenario's,
 * every child pinned to one core (taskset, where there is one), and its ratio is the scenario's
 * least CPU over the rounds against the reference's least CPU over the same rounds. The reference
 * measured once at the start (the first version of this bench) made every ratio of a run move
 * with the host's phase at that moment: 35.7 to 55.6 ns a path-year for the reference on one day,
 * the ratios of all the others falling by a third with it.
 *
 * Targets: every Norwegian scenario ≤ 1.5 × bench-reference's cost per path-year, every US
 * scenario ≤ 2.5 ×. Not a test: it takes about ten minutes.
 *
 *   npm run bench:scenarios
 *   PENSIM_SCENARIOS_PATHS=200000 PENSIM_SCENARIOS_REPEATS=2 PENSIM_SCENARIOS_ROUNDS=3 PENSIM_SCENARIOS_ONLY=default,hybrid-male
 *   PENSIM_SCENARIOS_JSON=file.json   also write the figures as JSON
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { REFERENCE, ROOT, machine, OtherWork, pinToLastCore, spawnNode, table, warnIfBusy, wholeNumber } from './common.js';

const N = wholeNumber('PENSIM_SCENARIOS_PATHS', process.env.PENSIM_SCENARIOS_PATHS, 200_000);
const REPEATS = wholeNumber('PENSIM_SCENARIOS_REPEATS', process.env.PENSIM_SCENARIOS_REPEATS, 2);
const ROUNDS = wholeNumber('PENSIM_SCENARIOS_ROUNDS', process.env.PENSIM_SCENARIOS_ROUNDS, 3);
const ONLY = process.env.PENSIM_SCENARIOS_ONLY?.split(',').map((s) => s.trim());
const TARGET = { norway: 1.5, us: 2.5 } as const;

const info = machine();
console.log(`pensim ${info.pensim}: cost per path-year of every bundled scenario against bench-reference beside it, ${N} paths, 1 thread, least CPU of ${ROUNDS} rounds × ${REPEATS} runs`);
console.log(`${info.cpu}, ${info.cores} cores, Node ${info.node}, ${info.date}, load average ${info.loadAverageAtStart.toFixed(2)}\n`);
warnIfBusy();
const other = new OtherWork();
const PIN = pinToLastCore(info.cores);
if (PIN.length > 0) console.log(`each child pinned to core ${info.cores - 1} (taskset)\n`);

const reference = REFERENCE.replace(/^scenarios\//, '');
const files = readdirSync(`${ROOT}scenarios`)
  .filter((f) => /\.(json|ya?ml)$/.test(f) && f !== reference)
  .filter((f) => ONLY === undefined || ONLY.some((o) => f.startsWith(o)))
  .sort();

interface Child {
  years: number;
  cpuMs: number;
  kind: 'norway' | 'us';
}
const child = (file: string): Child => {
  const r = spawnNode(PIN, [`${ROOT}dist-bench/scenario-child.js`, `${ROOT}scenarios/${file}`, String(N), String(REPEATS)]);
  if (r.status !== 0) throw new Error(`scenario-child ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Child;
};
const nsPerPathYear = (c: Child) => (c.cpuMs * 1e6) / (N * c.years);

interface Row {
  scenario: string;
  kind: 'norway' | 'us';
  years: number;
  cpuMs: number;
  nsPerPathYear: number;
  referenceNsPerPathYear: number;
  ratio: number;
  target: number;
  met: boolean;
}
const rows: Row[] = [];
for (const file of files) {
  let best: Child | null = null;
  let bestReference: Child | null = null;
  for (let round = 0; round < ROUNDS; round++) {
    const ref = child(reference);
    const c = child(file);
    if (bestReference === null || ref.cpuMs < bestReference.cpuMs) bestReference = ref;
    if (best === null || c.cpuMs < best.cpuMs) best = c;
  }
  const ns = nsPerPathYear(best!);
  const refNs = nsPerPathYear(bestReference!);
  const ratio = ns / refNs;
  const row: Row = { scenario: file, kind: best!.kind, years: best!.years, cpuMs: best!.cpuMs, nsPerPathYear: ns, referenceNsPerPathYear: refNs, ratio, target: TARGET[best!.kind], met: ratio <= TARGET[best!.kind] };
  rows.push(row);
  console.log(`  ${file}: ${ns.toFixed(1)} ns a path-year (${row.years} years), the reference beside it ${refNs.toFixed(1)}: ${ratio.toFixed(2)} ×`);
}

console.log(`\n${table(
  ['scenario', 'kind', 'years', 'ns / path-year', 'reference ns', '× reference', 'target', 'met'],
  rows.map((r) => [r.scenario, r.kind, String(r.years), r.nsPerPathYear.toFixed(1), r.referenceNsPerPathYear.toFixed(1), r.ratio.toFixed(2), `≤ ${r.target}`, r.met ? 'yes' : 'NO']),
)}`);
const busy = other.report();
const out = process.env.PENSIM_SCENARIOS_JSON;
if (out) writeFileSync(out, JSON.stringify({ machine: info, paths: N, repeats: REPEATS, rounds: ROUNDS, otherCores: busy, rows }, null, 2) + '\n');
