import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { runChunk } from '../../src/kernel/run-chunk.js';
import { projectLedger } from '../../src/ledger/project-ledger.js';
import { compilePlan } from '../../src/plan/compile-plan.js';
import { fanOffset } from '../../src/plan/simulation-plan.js';
import { annuityFactor } from '../../src/rules/no/k2013.js';
import { scenarioFrom, still } from './helpers.js';

const i = 0.02;
// Zero volatility, every return equal to the technical rate, no fees: the textbook setting.
const flat = { profile: { assets: still([{ name: 'equity', expectedReturn: i }, { name: 'bond', expectedReturn: i }]), correlation: undefined } };

describe('hybrid pension (DOMAIN.md 1.4)', () => {
  it('the lifelong pension equals holding / K2013 annuity factor (due, at the technical rate)', async () => {
    const s = scenarioFrom('hybrid-male.json', { ...flat, mortality: undefined });
    const r = await simulate(s, { paths: 50, threads: 1 });
    const holding = r.metrics.capitalAtRetirement.mean;
    const a = annuityFactor('male', 67, 1986 + 67, i, { timing: 'due', maxAge: 110 });
    expect(Math.abs(r.metrics.payoutGross.percentiles.p50! / (holding / a) - 1)).toBeLessThan(1e-12);
    // Returns equal to the technical rate with mortality inheritance: the pension is level for life.
    const fan = r.payoutFan.gross.p50!;
    for (const p of fan) expect(Math.abs(p / fan[0]! - 1)).toBeLessThan(1e-9);
  });

  it('with mortality inheritance the pooled holdings are paid out in expectation (4 standard errors)', () => {
    const s = scenarioFrom('hybrid-female.json', { ...flat, person: { startYear: 2026, birthYear: 1964 } });
    const plan = compilePlan(s);
    const paths = 2048;
    const nPayout = plan.nYears - plan.payStart;
    const grossAt = fanOffset(plan) + plan.nYears + 1;
    const pv: number[] = [];
    let holding = 0;
    for (let chunk = 0; chunk < 10; chunk++) {
      const { series } = runChunk({ plan, seed: 5, chunk, paths });
      for (let p = 0; p < paths; p++) {
        const h = series[p]!;
        if (h === 0) continue; // died before the payout start: nothing pooled from the payout phase
        holding = h;
        let v = 0;
        for (let j = 0; j < nPayout; j++) v += series[(grossAt + j) * paths + p]! / (1 + i) ** j;
        pv.push(v);
      }
    }
    const mean = pv.reduce((a, b) => a + b, 0) / pv.length;
    const sd = Math.sqrt(pv.reduce((a, b) => a + (b - mean) ** 2, 0) / (pv.length - 1));
    // Every survivor reaches the payout with the same holding (zero volatility).
    expect(pv.length).toBeGreaterThan(15_000);
    expect(Math.abs(mean - holding)).toBeLessThan((4 * sd) / Math.sqrt(pv.length));
  });

  it('women get the uplift on contributions: with equal pay the female holding is 1.17 × the male one', () => {
    const f = projectLedger(scenarioFrom('hybrid-female.json', flat));
    const m = projectLedger(scenarioFrom('hybrid-male.json', flat));
    expect(f.capitalAtRetirement.div(m.capitalAtRetirement).toNumber()).toBeCloseTo(1.17, 12);
  });

  it('G-regulation grows the holding with G; the 0 % guarantee never lets it fall', async () => {
    const g = projectLedger(scenarioFrom('hybrid-male.json', { plan: { regulation: { kind: 'g-regulation' } } }));
    const saving = g.rows.filter((r) => r.phase === 'saving');
    saving.slice(1).forEach((row, k) => expect(row.returnRate.toNumber()).toBeCloseTo(row.g.toNumber() / saving[k]!.g.toNumber() - 1, 12));
    const s = scenarioFrom('hybrid-male.json', { plan: { regulation: { kind: 'zero-guarantee', premiumRate: 0 } }, mortality: undefined, profile: { fees: { managementRate: 0 } } });
    const plan = compilePlan(s);
    const { series } = runChunk({ plan, seed: 1, chunk: 0, paths: 500 });
    const at = fanOffset(plan);
    for (let p = 0; p < 500; p++) {
      for (let y = 1; y <= plan.nAccum; y++) expect(series[(at + y) * 500 + p]!).toBeGreaterThanOrEqual(series[(at + y - 1) * 500 + p]!);
    }
  });
});
