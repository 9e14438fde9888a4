/**
 * Sweep grids: `--grid 'key=v1,v2,…'` axes over dotted scenario paths, and the scenario of each
 * cell of their cartesian product (the first axis varies slowest).
 *
 * Keys are paths into the validated scenario (defaults filled in): `person.salary`,
 * `profile.fees.managementRate`, `returns.nu`. An array element is named by its index
 * (`profile.assets.0.volatility` or `profile.assets[0].volatility`) or, when its elements have a
 * `name`, by that name (`profile.assets.equity.volatility`, `returns.regimes.crisis.assets.equity.volatility`).
 * A key must name a single value (number, text or true/false); an optional field that is absent
 * (e.g. `gGrowth`) may be set. Values are parsed as the field's type (numbers for absent fields).
 *
 * Weights: when `profile.weights.<asset>` (or a glide point's `….weights.<asset>`) is swept, the
 * other weights of that set are rescaled in proportion to keep the sum 1, e.g. money-market 0.1,
 * bonds 0.3, equities 0.6 with equities swept to 0.8 gives money-market 0.05, bonds 0.15. If the
 * others were all 0 they share the rest equally. Sweeping every weight of a set leaves them as given (they must sum to 1).
 *
 * Every cell is validated before anything runs: an unknown key, a value of the wrong type or a cell
 * the rules reject is a UserError naming the key (and the cell's values).
 */
import type { AnyScenario } from '../plan/compiled-plan.js';
import { checkAnyScenario } from '../scenario/load-any-scenario.js';
import { UserError, type Problem } from '../base/user-error.js';

export type GridValue = number | string | boolean;

export interface SweepAxis {
  /** The key as given (for headers). */
  key: string;
  /** The path's segments. */
  path: string[];
  values: GridValue[];
}

export interface SweepCell {
  /** The cell's value of each axis, in axis order. */
  values: GridValue[];
  scenario: AnyScenario;
}

/** At most this many cells (a guard against a typo such as 0..1 in steps of 0.001 twice). */
export const MAX_CELLS = 10_000;

/**
 * Keys a sweep would accept but not honour: every cell runs with the sweep's own seed and path
 * count (so cells pair on common random numbers), and no sweep metric reads the
 * deterministic inflation (it only deflates `run --real` reports).
 */
const NOT_SWEPT: Record<string, string> = {
  'simulation.seed': 'every cell runs with the sweep\'s seed (--seed), so the cells pair on common random numbers',
  'simulation.paths': 'every cell runs the sweep\'s path count (--paths)',
  inflation: 'the deterministic inflation only deflates `run --real` reports; no sweep metric uses it (sweep returns.inflation.mean for real-terms metrics)',
};

/** Parse one `--grid` flag: "key=v1,v2,…" (values as text; typed against the scenario later). */
export function parseGridFlag(raw: string): { key: string; path: string[]; texts: string[] } {
  const eq = raw.indexOf('=');
  const key = eq < 0 ? '' : raw.slice(0, eq).trim();
  const texts = eq < 0 ? [] : raw.slice(eq + 1).split(',').map((v) => v.trim());
  if (eq < 0 || key === '' || texts.length === 0 || texts.some((v) => v === '')) {
    throw new UserError([{ path: '--grid', message: `must be key=value,value,… (a dotted scenario path and its values), e.g. profile.weights.equity=0.2,0.5,0.8; got "${raw}"` }]);
  }
  const path = key.replace(/\[(\d+)\]/g, '.$1').split('.');
  if (path.some((s) => s === '')) throw new UserError([{ path: `--grid ${key}`, message: 'is not a dotted scenario path (an empty segment)' }]);
  return { key, path, texts };
}

/** Type the grid values against the base scenario; every key must name a single value there. `allowLarge` lifts MAX_CELLS. */
export function sweepAxes(base: AnyScenario, flags: readonly string[], allowLarge = false): SweepAxis[] {
  if (flags.length === 0) throw new UserError([{ path: '--grid', message: 'give at least one --grid key=value,value,…' }]);
  const axes: SweepAxis[] = [];
  for (const raw of flags) {
    const { key, path, texts } = parseGridFlag(raw);
    const why = NOT_SWEPT[path.join('.')];
    if (why) throw new UserError([{ path: `--grid ${key}`, message: `cannot be swept: ${why}` }]);
    if (axes.some((a) => a.path.join('.') === path.join('.'))) throw new UserError([{ path: `--grid ${key}`, message: 'is given twice; give all its values in one --grid' }]);
    const found = locate(base, path, key);
    const values = texts.map((t) => typed(t, found.current, key));
    axes.push({ key, path, values });
  }
  const cells = axes.reduce((n, a) => n * a.values.length, 1);
  if (cells > MAX_CELLS && !allowLarge) {
    throw new UserError([{ path: '--grid', message: `the grid has ${cells} cells, above the limit of ${MAX_CELLS} (MAX_CELLS); give --allow-large to run it anyway` }]);
  }
  return axes;
}

/** Every cell's scenario, validated; the first axis varies slowest. */
export function sweepCells(base: AnyScenario, axes: readonly SweepAxis[]): SweepCell[] {
  const cells: SweepCell[] = [];
  const count = axes.reduce((n, a) => n * a.values.length, 1);
  for (let c = 0; c < count; c++) {
    const values: GridValue[] = [];
    let rest = c;
    for (let i = axes.length - 1; i >= 0; i--) {
      const n = axes[i]!.values.length;
      values.unshift(axes[i]!.values[rest % n]!);
      rest = Math.floor(rest / n);
    }
    cells.push({ values, scenario: cellScenario(base, axes, values) });
  }
  return cells;
}

function cellScenario(base: AnyScenario, axes: readonly SweepAxis[], values: GridValue[]): AnyScenario {
  const s = structuredClone(base) as unknown as Record<string, unknown>;
  const sweptWeights = new Map<Record<string, number>, Set<string>>();
  axes.forEach((axis, i) => {
    const { parent, last } = locate(s, axis.path, axis.key);
    parent[last] = values[i];
    if (axis.path.at(-2) === 'weights' && isWeights(parent)) {
      if (!sweptWeights.has(parent)) sweptWeights.set(parent, new Set());
      sweptWeights.get(parent)!.add(last);
    }
  });
  const where = axes.map((a, i) => `${a.key}=${values[i]}`).join(', ');
  for (const [weights, swept] of sweptWeights) rebalanceWeights(s as unknown as AnyScenario, weights, swept, where);
  try {
    return checkAnyScenario(s, `sweep cell ${where}`);
  } catch (e) {
    if (e instanceof UserError) throw new UserError(e.problems.map((p) => blameKey(p, axes)), `sweep cell ${where}`);
    throw e;
  }
}

/** An "unknown field" problem at a swept key's path names the key as a grid error. */
function blameKey(p: Problem, axes: readonly SweepAxis[]): Problem {
  if (!p.message.startsWith('unknown field')) return p;
  const at = p.path === '' ? [] : p.path.replace(/\[(\d+)\]/g, '.$1').split('.');
  const axis = axes.find((a) => at.every((seg, i) => a.path[i] === seg) && a.path.length > at.length && p.message.includes(`"${a.path[at.length]}"`));
  return axis ? { path: `--grid ${axis.key}`, message: `no such scenario field (${p.path ? `${p.path}: ` : ''}${p.message})` } : p;
}

function isWeights(o: Record<string, unknown>): o is Record<string, number> {
  return Object.values(o).every((v) => typeof v === 'number');
}

/** Rescale the weights not swept so that the set sums to 1 (see the module comment). */
function rebalanceWeights(s: AnyScenario, weights: Record<string, number>, swept: Set<string>, where: string): void {
  const names = s.profile.assets.map((a) => a.name);
  const fixed = [...swept].reduce((a, k) => a + (weights[k] ?? 0), 0);
  const others = names.filter((n) => !swept.has(n));
  if (others.length === 0) return;
  if (fixed > 1 + 1e-12) {
    throw new UserError([{ path: '--grid', message: `in cell ${where} the swept weights sum to ${fixed}, above 1: the other weights cannot make up a sum of 1` }]);
  }
  const rest = Math.max(0, 1 - fixed);
  const before = others.reduce((a, k) => a + (weights[k] ?? 0), 0);
  for (const k of others) {
    const w = before > 0 ? ((weights[k] ?? 0) * rest) / before : rest / others.length;
    if (weights[k] !== undefined || w > 0) weights[k] = w;
  }
}

/** Walk a path; the last segment may be absent in an object (an optional field). */
function locate(root: unknown, path: readonly string[], key: string): { parent: Record<string, unknown>; last: string; current: unknown } {
  let node: unknown = root;
  for (let i = 0; i < path.length - 1; i++) {
    node = child(node, path[i]!, key, path.slice(0, i + 1).join('.'));
  }
  if (node === null || typeof node !== 'object') throw unknownKey(key, path.slice(0, -1).join('.'));
  const last = Array.isArray(node) ? String(arrayIndex(node, path.at(-1)!, key, path.join('.'))) : path.at(-1)!;
  const current = (node as Record<string, unknown>)[last];
  if (current !== undefined && (typeof current === 'object' || current === null)) {
    throw new UserError([{ path: `--grid ${key}`, message: 'is not a single value (a number, text or true/false); name a field inside it' }]);
  }
  return { parent: node as Record<string, unknown>, last, current };
}

function child(node: unknown, segment: string, key: string, upTo: string): unknown {
  if (node === null || typeof node !== 'object') throw unknownKey(key, upTo);
  if (Array.isArray(node)) return node[arrayIndex(node, segment, key, upTo)];
  const next = (node as Record<string, unknown>)[segment];
  if (next === undefined) throw unknownKey(key, upTo);
  return next;
}

function arrayIndex(array: unknown[], segment: string, key: string, upTo: string): number {
  if (/^\d+$/.test(segment)) {
    const i = Number(segment);
    if (i < array.length) return i;
    throw new UserError([{ path: `--grid ${key}`, message: `${upTo}: index ${i} is past the end (the list has ${array.length} elements)` }]);
  }
  const i = array.findIndex((e) => e !== null && typeof e === 'object' && (e as { name?: unknown }).name === segment);
  if (i < 0) throw unknownKey(key, upTo);
  return i;
}

function unknownKey(key: string, upTo: string): UserError {
  return new UserError([{ path: `--grid ${key}`, message: `no such scenario field${upTo && upTo !== key ? ` (${upTo} does not exist)` : ''}; keys are dotted paths such as profile.weights.equity, person.salary, profile.assets.equity.volatility` }]);
}

function typed(text: string, current: unknown, key: string): GridValue {
  if (typeof current === 'string') return text;
  if (typeof current === 'boolean') {
    if (text === 'true' || text === 'false') return text === 'true';
    throw new UserError([{ path: `--grid ${key}`, message: `takes true or false; got "${text}"` }]);
  }
  const n = Number(text.replaceAll('_', ''));
  if (!Number.isFinite(n)) throw new UserError([{ path: `--grid ${key}`, message: `takes numbers; got "${text}"` }]);
  return n;
}
