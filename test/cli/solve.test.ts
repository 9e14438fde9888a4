/**
 * pensim solve: the answer meets the target and the grid value one step below does not (checked
 * by independent runs through the library on the same seed and paths), an unreachable target
 * exits 2 with the reason, the digits are the same on 1 and 2 threads, and bad flags name the flag.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { parseSolveTarget, solve, type SolveResult } from '../../src/studies/solve.js';
import { solveText } from '../../src/cli/solve-handler.js';
import { UserError } from '../../src/base/user-error.js';
import { scenarioFrom } from '../norway/helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');
const pensim = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
const TOTAL = 'scenarios/total-pension-with-folketrygd.json';
// 2100 paths: two chunks (2048 + 52), so two threads really split the work.
const SOLVE = ['solve', TOTAL, '--for', 'plan.contribution.rate', '--target', 'totalReplacementRatio.p10>=0.5', '--paths', '2100', '--format', 'json'];

describe('pensim solve', () => {
  it('finds the smallest contribution rate that meets the target; one step less does not; same digits on 1 and 2 threads', async () => {
    const one = pensim(...SOLVE, '--threads', '1');
    expect(one.status, one.stderr).toBe(0);
    const two = pensim(...SOLVE, '--threads', '2');
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const r = JSON.parse(one.stdout) as SolveResult;
    expect(r.reachable).toBe(true);
    expect(r.grid).toMatchObject({ from: 0.02, to: 0.07, step: 0.001 });
    expect(r.stepWorse!.value).toBeCloseTo(r.value! - 0.001, 12);
    // Independent runs at the answer and one step below, on the solve's seed and paths.
    const at = async (rate: number) =>
      (await simulate(scenarioFrom('total-pension-with-folketrygd.json', { plan: { contribution: { rate } } }), { paths: r.paths, seed: r.seed, threads: 1 })).metrics.totalReplacementRatio!.percentiles.p10!;
    const answer = await at(r.value!);
    const worse = await at(r.stepWorse!.value);
    expect(answer).toBe(r.metric);
    expect(answer).toBeGreaterThanOrEqual(0.5);
    expect(worse).toBeLessThan(0.5);
    // Monotone on common random numbers: more saving never lowered the p10 along the search.
    const sorted = [...r.evaluations].sort((a, b) => a.value - b.value);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.metric).toBeGreaterThanOrEqual(sorted[i - 1]!.metric);
    expect(solveText(r)).toContain(`plan.contribution.rate = ${r.value} meets totalReplacementRatio.p10>=0.5: totalReplacementRatio.p10 = `);
  }, 30_000);

  it('an unreachable target exits 2 with the reason and the best the allowed values give', () => {
    const r = pensim('solve', TOTAL, '--for', 'plan.contribution.rate', '--target', 'totalReplacementRatio.p10>=0.9', '--paths', '1000', '--threads', '1');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--target: not reachable: at the highest allowed value of plan.contribution.rate, 0.07, totalReplacementRatio.p10 is 0\.\d+, which does not meet totalReplacementRatio.p10>=0.9/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('bad fields and targets are refused naming --for / --target', async () => {
    const s = scenarioFrom('default.json', {});
    const refused = async (field: string, target: string) => {
      try {
        await solve(s, field, parseSolveTarget(target), { paths: 100, seed: 1, threads: 1 });
      } catch (e) {
        expect(e).toBeInstanceOf(UserError);
        return (e as UserError).message;
      }
      return 'not refused';
    };
    expect(await refused('plan.rate', 'replacementRatio.p10>=0.1')).toMatch(/^--for: plan.rate is the self-employed rate/);
    expect(await refused('profile.weights.gold', 'replacementRatio.p10>=0.1')).toMatch(/^--for: profile.weights has no asset "gold"; it has equity, bond/);
    expect(await refused('plan.contribution.rate', 'nothing.p10>=0.1')).toMatch(/^--target: this scenario's runs have no nothing/);
    expect(await refused('plan.contribution.rate', 'totalReplacementRatio.p10>=0.1')).toMatch(/needs a folketrygd block/);
    expect(() => parseSolveTarget('shortfall.p10<=0.1')).toThrow(/the shortfall has one figure, its probability/);
  });

  it('bad flags name the flag: exit 2', () => {
    const cases: [string[], RegExp][] = [
      [['--for', 'person.salary', '--target', 'replacementRatio.p10>=0.1'], /--for: cannot solve for "person.salary"/],
      [['--for', 'plan.contribution.rate', '--target', 'replacementRatio>=0.1'], /--target: write the target as/],
    ];
    for (const [flags, message] of cases) {
      const r = pensim('solve', 'scenarios/default.json', ...flags, '--threads', '1');
      expect(r.status, flags.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
