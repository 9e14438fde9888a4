/**
 * The year-major kernel (src/kernel/run-chunk-blocked.ts) gives bit for bit the per-path series of
 * the path-by-path kernel on every plan: both payout methods with a period, lifelong with
 * mortality inheritance, the hybrid regulations, graded withdrawal, fees per member, Norwegian tax,
 * glide paths over three assets, inflation, every sampler, lifetimes and heirs, the folketrygd
 * (employed and self-employed), uncertain pay with stochastic G, disability (the waiver, a disability
 * pension, recovery, a partial degree, a drawn degree, a premium; under certain and uncertain pay) and survivors' benefits, a short last chunk, and a reused buffer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixedPaySchedule } from '../../src/kernel/fixed-pay-schedule.js';
import { blockedKernelApplies } from '../../src/kernel/run-chunk-blocked.js';
import { runChunk, runChunkByPath } from '../../src/kernel/run-chunk.js';
import { compilePlan } from '../../src/plan/compile-plan.js';
import { checkScenario } from '../../src/scenario/parse-scenario.js';

const reference = JSON.parse(readFileSync(new URL('../../scenarios/bench-reference.json', import.meta.url), 'utf8'));
const threeAssets = {
  assets: [
    { name: 'equity', expectedReturn: 0.07, volatility: 0.18 },
    { name: 'bond', expectedReturn: 0.03, volatility: 0.06 },
    { name: 'cash', expectedReturn: 0.02, volatility: 0.01 },
  ],
  correlation: [[1, 0.1, 0], [0.1, 1, 0.2], [0, 0.2, 1]],
  glidePath: [{ age: 40, weights: { equity: 0.8, bond: 0.2, cash: 0 } }, { age: 70, weights: { equity: 0.3, bond: 0.5, cash: 0.2 } }],
  fees: { managementRate: 0.004, perMember: 250 },
};

const variants: Record<string, object> = {
  'bench-reference': {},
  'level annuity, Norwegian tax, graded, fee per member': {
    payout: { years: 15, method: { kind: 'level-annuity', technicalRate: 0.02 }, graded: { share: 0.5, fullFromAge: 70 } },
    tax: { kind: 'norway', year: 2026, otherPensionIncome: 250_000 },
    profile: { ...reference.profile, fees: { managementRate: 0.005, perMember: 300 } },
  },
  'hybrid, lifelong, g-regulation, mortality inheritance': {
    plan: { kind: 'no-hybrid', contribution: { method: 'percent-of-pay', rate: 0.06 }, regulation: { kind: 'g-regulation' } },
    person: { ...reference.person, sex: 'female' },
    payout: { method: { kind: 'lifelong', technicalRate: 0.02 } },
  },
  'hybrid, zero guarantee': {
    plan: { kind: 'no-hybrid', contribution: { method: 'percent-of-pay', rate: 0.06 }, regulation: { kind: 'zero-guarantee', premiumRate: 0.004 } },
    person: { ...reference.person, sex: 'male' },
    payout: { method: { kind: 'lifelong', technicalRate: 0.03 } },
  },
  'glide path over three assets, inflation': {
    profile: threeAssets,
    returns: { model: 'lognormal', inflation: { mean: 0.02, persistence: 0.5, sd: 0.01, correlation: { equity: -0.2 } } },
  },
  // The market from WebAssembly (src/market/wasm-market.ts) in its general loop: three assets, and one.
  'glide path over three assets': { profile: threeAssets },
  'one asset': { profile: { assets: [{ name: 'equity', expectedReturn: 0.06, volatility: 0.2 }], weights: { equity: 1 } } },
  'sobol sampler': { simulation: { ...reference.simulation, sampler: 'sobol' } },
  'lifetimes (K2013) with heirs, the folketrygd and Norwegian tax on top of it': {
    person: { ...reference.person, sex: 'female', children: [2020, 2023], spouse: true },
    mortality: { table: 'K2013', scale: 1 },
    folketrygd: { delingstall: 19.16, initialHolding: 650_000 },
    tax: { kind: 'norway', year: 2026 },
    payout: { years: 10, method: { kind: 'balance-over-remaining-years' } },
  },
  'lifetimes without heirs, hybrid lifelong with mortality inheritance': {
    plan: { kind: 'no-hybrid', contribution: { method: 'percent-of-pay', rate: 0.06 }, regulation: { kind: 'g-regulation' } },
    person: { ...reference.person, sex: 'male' },
    mortality: { table: 'K2013', scale: 1.3 },
    payout: { method: { kind: 'lifelong', technicalRate: 0.02 } },
  },
  'uncertain pay and stochastic G, the folketrygd, level annuity': {
    person: { ...reference.person, wageGrowth: { mean: 0.03, sd: 0.02 } },
    folketrygd: { delingstall: 19.16, initialHolding: 650_000 },
    tax: { kind: 'norway', year: 2026, otherPensionIncome: 100_000 },
    payout: { years: 15, method: { kind: 'level-annuity', technicalRate: 0.02 } },
  },
  'uncertain pay, lifetimes with heirs, inflation, glide path': {
    person: { ...reference.person, sex: 'male', wageGrowth: { mean: 0.03, sd: 0.03 }, children: [2024], spouse: false },
    mortality: { table: 'K2013', scale: 1 },
    profile: threeAssets,
    returns: { model: 'lognormal', inflation: { mean: 0.02, persistence: 0.5, sd: 0.01, correlation: { equity: -0.2 } } },
  },
  'disability with the waiver, a disability pension and recovery; lifetimes, survivors, the folketrygd': {
    person: { ...reference.person, sex: 'female', children: [2020, 2023], spouse: true },
    mortality: { table: 'K2013', scale: 1 },
    survivors: { spouseIncome: 300_000 },
    folketrygd: { delingstall: 19.16, initialHolding: 650_000 },
    tax: { kind: 'norway', year: 2026 },
    payout: { years: 10, method: { kind: 'balance-over-remaining-years' } },
    disability: { incidence: { kind: 'nav-2012', scale: 2 }, recovery: 0.1, pension: { waitingYears: 1 } },
  },
  // Certain pay: the onset table (src/kernel/fixed-pay-onsets.ts) instead of each path's history.
  'disability at 60 %, certain pay, a premium from the saving, no waiver, recovery, retirement at 62': {
    person: { ...reference.person, sex: 'male', retirementAge: 62 },
    disability: { incidence: { kind: 'constant', rate: 0.03 }, degree: 0.6, waiver: false, premiumRate: 0.01, recovery: 0.2 },
  },
  'disability with certain pay, the waiver, a pension, a premium; lifetimes (deaths before the onset)': {
    person: { ...reference.person, sex: 'female' },
    mortality: { table: 'K2013', scale: 2 },
    folketrygd: { delingstall: 19.16, initialHolding: 650_000 },
    disability: { incidence: { kind: 'nav-2012', scale: 3 }, pension: { waitingYears: 2 }, premiumRate: 0.005 },
  },
  'disability at 60 %, uncertain pay, a premium from the saving, no waiver': {
    person: { ...reference.person, sex: 'male', wageGrowth: { mean: 0.03, sd: 0.02 } },
    disability: { incidence: { kind: 'constant', rate: 0.03 }, degree: 0.6, waiver: false, premiumRate: 0.01 },
  },
  'disability with a drawn degree (a table, recovery, the waiver, a disability pension, group fans)': {
    person: { ...reference.person, sex: 'female' },
    disability: {
      incidence: { kind: 'constant', rate: 0.04 },
      degree: { kind: 'drawn', table: [{ degree: 1, share: 0.5 }, { degree: 0.7, share: 0.3 }, { degree: 0.5, share: 0.2 }] },
      recovery: 0.05,
      pension: { waitingYears: 1 },
      groupFans: true,
    },
  },
  "disability with NAV's degrees, uncertain pay, the folketrygd": {
    person: { ...reference.person, wageGrowth: { mean: 0.03, sd: 0.02 } },
    folketrygd: { delingstall: 19.16, initialHolding: 650_000 },
    disability: { incidence: { kind: 'nav-2012', scale: 1.5 }, degree: { kind: 'nav-2022' } },
  },
  'antithetic sampler, one asset': {
    profile: { assets: [{ name: 'equity', expectedReturn: 0.06, volatility: 0.2 }], weights: { equity: 1 } },
    simulation: { ...reference.simulation, sampler: 'antithetic' },
  },
};

describe('the year-major kernel equals the path-by-path kernel', () => {
  for (const [name, change] of Object.entries(variants)) {
    it(name, () => {
      const plan = compilePlan(checkScenario({ ...reference, ...change }));
      expect(blockedKernelApplies(plan, fixedPaySchedule(plan))).toBe(true);
      for (const [chunk, paths] of [[0, 2048], [5, 301]] as const) {
        const byPath = runChunkByPath({ plan, seed: 11, chunk, paths }).series;
        // Into a fresh buffer, and into a reused one holding another chunk's garbage.
        for (const out of [undefined, new Float64Array(byPath.length).fill(Number.NaN)]) {
          const blocked = runChunk({ plan, seed: 11, chunk, paths, ...(out && { out }) }).series;
          expect(blocked.length).toBe(byPath.length);
          let differ = 0;
          for (let i = 0; i < byPath.length; i++) if (!Object.is(blocked[i], byPath[i])) differ++;
          expect(differ).toBe(0);
        }
      }
    });
  }

  it('takes every plan: the path-by-path kernel remains only for pensim trace', () => {
    for (const change of Object.values(variants)) {
      const plan = compilePlan(checkScenario({ ...reference, ...change }));
      expect(blockedKernelApplies(plan, fixedPaySchedule(plan))).toBe(true);
    }
  });
});
