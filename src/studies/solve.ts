/**
 * "What would it take": the smallest contribution rate, the earliest retirement or payout age, or
 * the lowest equity share that reaches a target such as totalReplacementRatio.p10 >= 0.6.
 *
 * The candidates are a grid over the field's allowed values (schema bounds, and for contribution
 * rates the legal band checked year by year by the plan compiler): a candidate is allowed when the
 * scenario with it validates. Every candidate is run on the same seed and paths (common random
 * numbers), so two candidates differ only by the field, never by the draw. The search assumes the
 * target is monotone along the grid (met from some value on: more saving, later ages, more equity
 * help): it checks the last allowed value (if the target is not met there, it is not reachable),
 * then the first, then bisects, so it needs about log2(grid size) + 2 runs. The answer meets the
 * target and the grid value one step before it does not (both are in `evaluations`).
 * A US plan through retirement solves for the highest withdrawal rate (payout.withdrawal.rate) that
 * meets a target such as ranOut.probability<=0.1: the grid is searched from the top down (the
 * target is met up to some rate), so "one step worse" is the next rate up.
 * A US plan also solves for its deferral rate or a KSOP's stock cap (us-solve-fields.ts; the cap is
 * searched from the top too, so the answer is the highest cap that meets the target).
 */
import { withRunPool } from '../engine/run-pool.js';
import type { Piscina } from 'piscina';
import { compilePlan } from '../plan/compile-plan.js';
import { compileUsPlan } from '../plan/compile-us.js';
import { isUsScenario, type AnyScenario } from '../plan/compiled-plan.js';
import { checkScenario } from '../scenario/parse-scenario.js';
import { checkUsScenario } from '../scenario/load-us-scenario.js';
import type { Scenario } from '../scenario/schema.js';
import type { UsRunResult } from '../result/us-result.js';
import { UserError } from '../base/user-error.js';
import { startOf } from '../scenario/validate-scenario.js';
import { simulate } from '../engine/simulate.js';
import type { SimulationResult } from '../result/simulation-result.js';

import { SOLVE_FIELDS } from './solve-fields.js';
import { usSolveField } from './us-solve-fields.js';
import type { UsScenario } from '../scenario/us-schema.js';

export { SOLVE_DEFAULT_PATHS, SOLVE_FIELDS } from './solve-fields.js';

export interface SolveTarget {
  metric: string;
  /** "mean", "p10", … or "probability" (of the shortfall). */
  stat: string;
  op: '>=' | '>' | '<=' | '<';
  value: number;
  text: string;
}

export interface SolveOptions {
  paths: number;
  seed: number;
  threads?: number;
  signal?: AbortSignal;
  /** A worker pool shared by many runs (the workbench). */
  pool?: Piscina;
  /** After each run: how many runs so far, and the most the search can need. */
  onStep?: (done: number, most: number) => void;
}

export interface SolveEvaluation {
  value: number;
  metric: number;
  met: boolean;
}

export interface SolveResult {
  field: string;
  target: string;
  paths: number;
  seed: number;
  /** The allowed grid: first, last value and step. */
  grid: { from: number; to: number; step: number; count: number };
  reachable: boolean;
  /** The answer (null when not reachable). */
  value: number | null;
  /** The metric at the answer, or at the best allowed value when not reachable. */
  metric: number;
  /** The grid value one step before the answer and its metric (null when the first allowed value already meets the target). */
  stepWorse: SolveEvaluation | null;
  /** Why not reachable, or a note (e.g. met already at the lowest allowed value). */
  reason: string | null;
  evaluations: SolveEvaluation[];
}

const TARGET = /^\s*([A-Za-z]+)\.(mean|probability|p\d+(?:\.\d+)?)\s*(>=|<=|>|<)\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*$/i;

/** 'totalReplacementRatio.p10>=0.6' -> its parts; a UserError naming --target otherwise. */
export function parseSolveTarget(text: string): SolveTarget {
  const m = TARGET.exec(text);
  if (!m) {
    throw new UserError([{ path: '--target', message: `write the target as <metric>.<stat><op><number>, e.g. 'totalReplacementRatio.p10>=0.6' or 'shortfall.probability<=0.1' (stat: mean or pN; op: >=, >, <=, <); got "${text}"` }]);
  }
  const [, metric, stat, op, value] = m;
  const probabilities = ['shortfall', 'ranOut', 'nuaBetter'];
  if (metric !== 'shortfall' && probabilities.includes(metric!)) {
    if (stat !== 'probability') throw new UserError([{ path: '--target', message: `${metric} has one figure, its probability: '${metric}.probability<=0.1'; got "${text}"` }]);
    return { metric: metric!, stat: stat!, op: op as SolveTarget['op'], value: Number(value), text: `${metric}.${stat}${op}${Number(value)}` };
  }
  if (metric === 'shortfall' && stat !== 'probability') throw new UserError([{ path: '--target', message: `the shortfall has one figure, its probability: 'shortfall.probability<=0.1'; got "${text}"` }]);
  if (metric !== 'shortfall' && stat === 'probability') throw new UserError([{ path: '--target', message: `"probability" is the shortfall's figure ('shortfall.probability<=0.1'); a metric takes mean or pN; got "${text}"` }]);
  if (stat!.startsWith('p')) {
    const q = Number(stat!.slice(1));
    if (!(q > 0 && q < 100)) throw new UserError([{ path: '--target', message: `a percentile is strictly between 0 and 100; got ${stat}` }]);
  }
  return { metric: metric!, stat: stat!, op: op as SolveTarget['op'], value: Number(value), text: `${metric}.${stat}${op}${Number(value)}` };
}

interface Field {
  grid: number[];
  step: number;
  /** 'down': the target is met up to some value (a withdrawal rate, a stock cap), so the grid is searched from its top. */
  down?: boolean;
  set(s: Scenario, v: number): void;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
const range = (from: number, to: number, step: number, places: number) => {
  const out: number[] = [];
  for (let i = 0; from + i * step <= to + step / 2; i++) out.push(round(from + i * step, places));
  return out;
};

/** A UserError naming --for when the field cannot be solved for in this scenario: checked before a run queues (the workbench). */
export function checkSolveField(s: Scenario, field: string): void {
  fieldOf(s, field);
}

/** The field's candidate grid (before the validity filter) and how to set it. */
function fieldOf(s: Scenario, field: string): Field {
  const refuse = (why: string): never => {
    throw new UserError([{ path: '--for', message: `${why} (solvable fields: ${SOLVE_FIELDS.join(', ')})` }]);
  };
  const us = isUsScenario(s as AnyScenario);
  if (field === 'payout.withdrawal.rate') {
    const w = (s as unknown as { payout?: { withdrawal?: { kind: string } } }).payout?.withdrawal;
    if (!us || !w) refuse('payout.withdrawal.rate is a US plan\'s payout policy: it needs a US scenario with a payout section');
    if (w!.kind !== 'constant-real' && w!.kind !== 'percent-of-balance') refuse(`the ${w!.kind} policy has no rate: use constant-real or percent-of-balance`);
    return { grid: range(0.001, 0.15, 0.001, 3), step: 0.001, down: true, set: (x, v) => void ((x as unknown as { payout: { withdrawal: { rate: number } } }).payout.withdrawal.rate = v) };
  }
  if (us && field.startsWith('plan.')) {
    const f = usSolveField(s as unknown as UsScenario, field);
    if (typeof f === 'string') return refuse(f);
    return f as unknown as Field;
  }
  if (us && field !== 'person.retirementAge' && !field.startsWith('profile.weights.')) refuse(`a US scenario solves for payout.withdrawal.rate, plan.deferralRate, plan.diversification.share, person.retirementAge or profile.weights.<asset>, not "${field}"`);
  if (field === 'plan.contribution.rate') {
    if (s.plan.kind === 'no-self-employed') refuse('a self-employed plan has plan.rate, not plan.contribution.rate');
    const c = (s.plan as { contribution?: { method: string } }).contribution;
    if (!c || c.method === 'flat-amount') refuse('this plan contributes a flat amount: it has no contribution rate');
    // Rates in steps of 0.1 percentage point up to 25 %; the legal band then keeps those allowed.
    return { grid: range(0, 0.25, 0.001, 3), step: 0.001, set: (x, v) => void ((x.plan as { contribution: { rate: number } }).contribution.rate = v) };
  }
  if (field === 'plan.rate') {
    if (s.plan.kind !== 'no-self-employed') refuse('plan.rate is the self-employed rate; this plan has plan.contribution.rate');
    return { grid: range(0, 0.07, 0.001, 3), step: 0.001, set: (x, v) => void ((x.plan as { rate: number }).rate = v) };
  }
  if (field === 'person.retirementAge') {
    const { startAge } = startOf(s.person);
    return {
      grid: range(startAge + 1, 75, 1, 0),
      step: 1,
      set: (x, v) => {
        // A payout that started at retirement keeps doing so.
        if (!us && x.payout.startAge !== undefined && x.payout.startAge === s.person.retirementAge) x.payout.startAge = v;
        x.person.retirementAge = v;
      },
    };
  }
  if (field === 'payout.startAge') {
    return { grid: range(Math.max(s.person.retirementAge, 62), 75, 1, 0), step: 1, set: (x, v) => void (x.payout.startAge = v) };
  }
  const w = /^profile\.weights\.(.+)$/.exec(field);
  if (w) {
    const asset = w[1]!;
    const weights = s.profile.weights;
    if (!weights) refuse('this scenario has a glide path: solving for a weight needs fixed weights (profile.weights)');
    if (!(asset in weights!)) refuse(`profile.weights has no asset "${asset}"; it has ${Object.keys(weights!).join(', ')}`);
    const others = Object.keys(weights!).filter((k) => k !== asset);
    if (others.length === 0) refuse(`"${asset}" is the only asset: its weight is 1`);
    const rest = others.reduce((n, k) => n + weights![k]!, 0);
    return {
      grid: range(0, 1, 0.01, 2),
      step: 0.01,
      set: (x, v) => {
        // The other assets keep their proportions and share what is left.
        const ws = x.profile.weights!;
        ws[asset] = v;
        for (const k of others) ws[k] = rest > 0 ? (weights![k]! / rest) * (1 - v) : (1 - v) / others.length;
      },
    };
  }
  return refuse(`cannot solve for "${field}"`);
}

/** The scenario with the field set to v, validated (schema, cross-field rules, legal band), or null when not allowed. */
function withValue(s: Scenario, f: Field, v: number): Scenario | null {
  const x = structuredClone(s);
  f.set(x, v);
  try {
    if (isUsScenario(x as AnyScenario)) {
      const checked = checkUsScenario(x, 'solve');
      compileUsPlan(checked);
      return checked as unknown as Scenario;
    }
    const checked = checkScenario(x);
    compilePlan(checked);
    return checked;
  } catch (e) {
    if (e instanceof UserError) return null;
    throw e;
  }
}

/** The target's figure in a result; a UserError naming --target when the run does not have it. */
export function targetFigure(r: SimulationResult, t: SolveTarget): number {
  const us = r as unknown as UsRunResult;
  if (t.metric === 'ranOut' || t.metric === 'nuaBetter' || (us.currency === 'USD' && us.payout && t.metric in us.payout.metrics)) {
    if (!us.payout) throw new UserError([{ path: '--target', message: `${t.metric} is a payout figure: the scenario needs a US payout section` }]);
    if (t.metric === 'ranOut') return us.payout.ranOut.probability;
    if (t.metric === 'nuaBetter') return us.payout.nuaVsRollover.nuaBetter.probability;
    const pm = us.payout.metrics[t.metric as keyof typeof us.payout.metrics];
    return t.stat === 'mean' ? pm.mean : pm.percentiles[t.stat]!;
  }
  if (t.metric === 'shortfall') {
    if (!r.shortfall) throw new UserError([{ path: '--target', message: 'the scenario sets no simulation.targetReplacementRatio, so there is no shortfall probability' }]);
    return r.shortfall.probability;
  }
  const m = (r.metrics as Record<string, SimulationResult['metrics']['payoutGross'] | undefined>)[t.metric];
  if (!m) {
    const have = Object.keys(r.metrics).join(', ');
    throw new UserError([{ path: '--target', message: `this scenario's runs have no ${t.metric}${t.metric.startsWith('total') || t.metric.startsWith('folketrygd') ? ' (it needs a folketrygd block)' : ''}; they have ${have}` }]);
  }
  return t.stat === 'mean' ? m.mean : m.percentiles[t.stat]!;
}

function meets(x: number, t: SolveTarget): boolean {
  switch (t.op) {
    case '>=':
      return x >= t.value;
    case '>':
      return x > t.value;
    case '<=':
      return x <= t.value;
    case '<':
      return x < t.value;
  }
}

export async function solve(scenario: Scenario, field: string, target: SolveTarget, o: SolveOptions): Promise<SolveResult> {
  // Its steps share one pool (engine/run-pool.ts).
  return withRunPool(o.threads, 2, o.pool, (pool) => solveOn(scenario, field, target, o, pool));
}

async function solveOn(scenario: Scenario, field: string, target: SolveTarget, o: SolveOptions, sharedPool: () => Piscina | undefined): Promise<SolveResult> {
  // The target's percentile is reported whatever the scenario's list says.
  const base = structuredClone(scenario);
  if (/^p\d/.test(target.stat)) {
    const q = Number(target.stat.slice(1));
    if (!base.simulation.percentiles.includes(q)) base.simulation.percentiles = [...base.simulation.percentiles, q].sort((a, b) => a - b);
  }
  const f = fieldOf(base, field);
  const allowed: { value: number; scenario: Scenario }[] = [];
  for (const v of f.grid) {
    const s = withValue(base, f, v);
    if (s) allowed.push({ value: v, scenario: s });
  }
  if (allowed.length === 0) throw new UserError([{ path: '--for', message: `no value of ${field} on its grid gives a valid scenario (check the other fields)` }]);
  if (f.down) allowed.reverse();
  const most = Math.ceil(Math.log2(Math.max(allowed.length, 2))) + 2;
  const evaluations: SolveEvaluation[] = [];
  const at = new Map<number, SolveEvaluation>();
  const evaluate = async (i: number): Promise<SolveEvaluation> => {
    const seen = at.get(i);
    if (seen) return seen;
    const { value, scenario: s } = allowed[i]!;
    const pool = sharedPool();
    const r = await simulate(s, { paths: o.paths, seed: o.seed, ...(o.threads !== undefined && { threads: o.threads }), ...(o.signal && { signal: o.signal }), ...(pool && { pool }) });
    const metric = targetFigure(r, target);
    const e = { value, metric, met: meets(metric, target) };
    at.set(i, e);
    evaluations.push(e);
    o.onStep?.(evaluations.length, most);
    return e;
  };
  const grid = { from: allowed[0]!.value, to: allowed[allowed.length - 1]!.value, step: f.down ? -f.step : f.step, count: allowed.length };
  const common = { field, target: target.text, paths: o.paths, seed: o.seed, grid, evaluations };
  const last = await evaluate(allowed.length - 1);
  if (!last.met) {
    return {
      ...common,
      reachable: false,
      value: null,
      metric: last.metric,
      stepWorse: null,
      reason: `not reachable: at the highest allowed value of ${field}, ${last.value}, ${target.metric}.${target.stat} is ${fmt(last.metric)}, which does not meet ${target.text} (allowed values run from ${grid.from} to ${grid.to})`,
      evaluations,
    };
  }
  const first = await evaluate(0);
  if (first.met) return { ...common, reachable: true, value: first.value, metric: first.metric, stepWorse: null, reason: `met already at the lowest allowed value of ${field}, ${first.value}`, evaluations };
  let lo = 0;
  let hi = allowed.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((await evaluate(mid)).met) hi = mid;
    else lo = mid;
  }
  const answer = at.get(hi)!;
  return { ...common, reachable: true, value: answer.value, metric: answer.metric, stepWorse: at.get(lo)!, reason: null, evaluations };
}

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? String(Math.round(x)) : String(Math.round(x * 10000) / 10000);
}
