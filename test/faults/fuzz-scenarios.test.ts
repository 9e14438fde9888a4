/**
 * Fuzzed scenarios (fast-check, fixed seed): every bundled scenario mutated with hostile values
 * (hostile-scenarios.ts) is either accepted and simulated with finite results and capital never
 * below zero, or rejected with a UserError whose every problem says what is wrong; never another
 * exception, NaN/Infinity in a result, or a change to the global prototypes. The library part
 * runs FUZZ_RUNS cases (default 1 000: seconds in CI; `npm run fuzz` runs 20 000); the CLI part
 * spawns the built CLI for a few cases and checks exit codes 0/2, the output and no stack trace.
 * Extreme but valid scenarios (extreme-scenarios.ts: numbers at the ends of their allowed ranges,
 * docs/scenarios.md §3) always simulate to finite numbers, Norwegian and US: the bounds keep every
 * per-path quantity (pay, G, capital) inside double precision (docs/model.md §9.4).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { firstNonFinite } from '../../src/result/finite-result.js';
import { checkUsScenario } from '../../src/scenario/load-us-scenario.js';
import { simulate } from '../../src/engine/simulate.js';
import { simulatePaths, usPathValues } from '../../src/engine/simulate-paths.js';
import { US_SERIES } from '../../src/plan/us-simulation-plan.js';
import { compileUsPlan } from '../../src/plan/compile-us.js';
import type { SimulationResult } from '../../src/result/simulation-result.js';
import { checkScenario, parseScenario } from '../../src/scenario/parse-scenario.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { UserError } from '../../src/base/user-error.js';
import { extremeCase, extremeTree } from './extreme-scenarios.js';
import { globalsSnapshot, hostileCase, mutated, ROOT, unpolluted, type HostileCase } from './hostile-scenarios.js';

const SEED = 20_261_123;
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const CLI_RUNS = Number(process.env.FUZZ_CLI_RUNS ?? 12);
const CLI = join(ROOT, 'dist/bundle/cli/pensim.js');
const TMP = mkdtempSync(join(tmpdir(), 'pensim-fuzz-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

let globalsBefore = '';
beforeAll(() => {
  globalsBefore = globalsSnapshot();
});

/** JSON or YAML text of the mutated tree (YAML keeps NaN and ±Infinity as .nan/.inf), or the tree itself. */
function asInput(c: HostileCase): { text?: string; tree: unknown } {
  const tree = mutated(c);
  if (c.format === 'object') return { tree };
  return { text: c.format === 'json' ? JSON.stringify(tree) : toYaml(tree, { aliasDuplicateObjects: false }), tree };
}

function expectUserError(e: unknown): void {
  if (!(e instanceof UserError)) throw new Error(`not a UserError: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  expect(e.problems.length).toBeGreaterThan(0);
  for (const p of e.problems) expect(p.message.trim()).not.toBe('');
  // Each mutation is inside the scenario object, so some problem names its field: by its path, or
  // (an unknown key at the top level) by quoting the key.
  expect(e.problems.some((p) => p.path !== '' || /^unknown fields? "/.test(p.message))).toBe(true);
}

/** Every number finite (no NaN reaches a result), and capital never below zero. */
function expectSound(result: SimulationResult): void {
  expect(firstNonFinite(result, 'result')).toBeNull();
  for (const series of Object.values(result.fan.capital)) for (const v of series) expect(v).toBeGreaterThanOrEqual(0);
  for (const v of Object.values(result.metrics.capitalAtRetirement.percentiles)) expect(v).toBeGreaterThanOrEqual(0);
}

describe('fuzzed scenarios through the library', () => {
  it(`${RUNS} mutated scenarios: accepted with finite results, or a UserError; globals untouched`, async () => {
    const outcomes = { accepted: 0, rejected: 0 };
    await fc.assert(
      fc.asyncProperty(hostileCase, async (c) => {
        const input = asInput(c);
        let scenario: Scenario;
        try {
          scenario = input.text === undefined ? checkScenario(input.tree) : parseScenario(input.text, c.format as 'json' | 'yaml');
        } catch (e) {
          expectUserError(e);
          outcomes.rejected++;
          return;
        }
        try {
          expectSound(await simulate(scenario, { paths: 48, threads: 1 }));
          outcomes.accepted++;
        } catch (e) {
          expectUserError(e);
          outcomes.rejected++;
        } finally {
          expect(unpolluted()).toBe(true);
          expect(globalsSnapshot()).toBe(globalsBefore);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The generator must reach both sides, or the property says little (checked on runs large enough to tell).
    console.log(`fuzz: ${outcomes.accepted} accepted and simulated, ${outcomes.rejected} rejected`);
    if (RUNS >= 200) {
      expect(outcomes.accepted).toBeGreaterThan(RUNS / 20);
      expect(outcomes.rejected).toBeGreaterThan(RUNS / 20);
    }
  }, Math.max(60_000, RUNS * 20));
});

const EXTREME_RUNS = Number(process.env.FUZZ_EXTREME_RUNS ?? 120);

/** A refusal of an extreme but valid scenario may come from a cross-field rule (the legal band, say), never from the finiteness check. */
function expectNotOverflow(e: unknown, names: string[]): void {
  expectUserError(e);
  expect((e as UserError).message, names.join(' + ')).not.toMatch(/not a finite number|double precision/);
}

describe('extreme but valid scenarios (every number at a bound)', () => {
  it(`${EXTREME_RUNS} Norwegian scenarios at their bounds: every result finite, capital >= 0`, async () => {
    const outcomes = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(extremeCase(false), async (c) => {
        const { tree, names } = extremeTree(c);
        let scenario: Scenario;
        try {
          scenario = checkScenario(tree);
        } catch (e) {
          expectNotOverflow(e, names);
          outcomes.refused++;
          return;
        }
        try {
          const result = await simulate(scenario, { paths: 64, threads: 1 });
          expect(firstNonFinite(result, 'result'), names.join(' + ')).toBeNull();
          expectSound(result);
          outcomes.accepted++;
        } catch (e) {
          expectNotOverflow(e, names);
          outcomes.refused++;
        }
      }),
      { seed: SEED + 3, numRuns: EXTREME_RUNS, endOnFailure: true },
    );
    console.log(`extremes: ${outcomes.accepted} simulated, ${outcomes.refused} refused by a cross-field rule`);
    expect(outcomes.accepted).toBeGreaterThan(EXTREME_RUNS / 3);
  }, 120_000);

  it(`${EXTREME_RUNS} US scenarios at their bounds: every path's outcome finite`, async () => {
    const outcomes = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(extremeCase(true), async (c) => {
        const { tree, names } = extremeTree(c);
        try {
          const scenario = checkUsScenario(tree);
          const plan = compileUsPlan(scenario);
          const all = (await simulatePaths(scenario, { paths: 64, threads: 1 })).series;
          // Every series finite on every path (the saving outcomes, the account by age, the payout
          // years' accounts, spending, taxes and indicators); stockWealthRelative is NaN by design without stock.
          const skip = plan.stock ? -1 : US_SERIES.indexOf('stockWealthRelative');
          all.forEach((values, s) => {
            if (s === skip) return;
            const i = values.findIndex((v) => !Number.isFinite(v));
            expect(i, `${names.join(' + ')}: ${US_SERIES[s] ?? `series ${s}`}, path ${i}`).toBe(-1);
          });
          for (const age of usPathValues(all, plan).capitalByAge) for (const v of age) expect(v >= 0, names.join(' + ')).toBe(true);
          outcomes.accepted++;
        } catch (e) {
          expectNotOverflow(e, names);
          outcomes.refused++;
        }
      }),
      { seed: SEED + 4, numRuns: EXTREME_RUNS, endOnFailure: true },
    );
    console.log(`US extremes: ${outcomes.accepted} simulated, ${outcomes.refused} refused by a cross-field rule`);
    expect(outcomes.accepted).toBeGreaterThan(EXTREME_RUNS / 3);
  }, 120_000);
});

describe('random values as scenarios', () => {
  it(`${RUNS} arbitrary JSON-like values (unicode keys, __proto__, deep objects): each a UserError, never another exception`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 6 }), fc.jsonValue({ maxDepth: 8 })), (value) => {
        let accepted = false;
        try {
          checkScenario(value);
          accepted = true;
        } catch (e) {
          if (!(e instanceof UserError)) throw e;
          expect(e.problems.length).toBeGreaterThan(0);
        }
        // A random value is never a complete scenario (person, plan, profile and payout are required).
        expect(accepted).toBe(false);
        expect(unpolluted()).toBe(true);
        expect(globalsSnapshot()).toBe(globalsBefore);
      }),
      { seed: SEED + 2, numRuns: RUNS },
    );
  }, Math.max(60_000, RUNS * 20));
});

describe('fuzzed scenarios through the CLI', () => {
  it(`${CLI_RUNS} mutated scenario files: exit 0 with finite JSON, or exit 2 with "pensim: " lines and no stack`, () => {
    let n = 0;
    fc.assert(
      fc.property(hostileCase, (c) => {
        const format = c.format === 'yaml' ? 'yaml' : 'json';
        const file = join(TMP, `case-${++n}.${format}`);
        const tree = mutated(c);
        writeFileSync(file, format === 'json' ? JSON.stringify(tree) : toYaml(tree, { aliasDuplicateObjects: false }));
        const r = spawnSync(process.execPath, [CLI, 'run', file, '--paths', '48', '--threads', '1', '--format', 'json', '--quiet'], {
          encoding: 'utf8',
          timeout: 30_000,
        });
        expect(r.signal, `timed out or killed: ${file}`).toBeNull();
        expect([0, 2], `${file}: exit ${r.status}\n${r.stderr}`).toContain(r.status);
        if (r.status === 0) {
          expect(r.stdout).not.toMatch(/NaN|Infinity/);
          const json = JSON.parse(r.stdout) as SimulationResult;
          expectSound(json);
        } else {
          expect(r.stdout).toBe('');
          expect(r.stderr).toMatch(/^pensim: \S/);
          expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
        }
      }),
      { seed: SEED + 1, numRuns: CLI_RUNS, endOnFailure: true },
    );
  }, Math.max(60_000, CLI_RUNS * 3_000));
});
