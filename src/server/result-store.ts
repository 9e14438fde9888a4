/**
 * Finished runs kept in memory for their downloads and amount toggles, under a random id; at most
 * `capacity` of them (the oldest is dropped), so memory stays bounded however many runs are made.
 * Ids are 16 hex digits from crypto.randomBytes: a request naming anything else is "not found".
 */
import { randomBytes } from 'node:crypto';
import { isUsScenario } from '../plan/compiled-plan.js';
import type { SimulationResult } from '../result/simulation-result.js';
import type { UsRunResult } from '../result/us-result.js';
import type { Scenario } from '../scenario/schema.js';
import type { UsScenario } from '../scenario/us-schema.js';

/** A kept run of either plan family: the scenario and result belong together. */
export type StoredRun = { id: string; runDate: string } & ({ kind: 'norway'; scenario: Scenario; result: SimulationResult } | { kind: 'us'; scenario: UsScenario; result: UsRunResult });

export const RESULT_ID = /^[0-9a-f]{16}$/;

export class ResultStore {
  private readonly runs = new Map<string, StoredRun>();

  constructor(readonly capacity = 32) {}

  add(scenario: Scenario | UsScenario, result: SimulationResult | UsRunResult): StoredRun {
    const kind = isUsScenario(scenario) ? 'us' : 'norway';
    const run = { id: randomBytes(8).toString('hex'), kind, scenario, result, runDate: new Date().toISOString().slice(0, 10) } as StoredRun;
    this.runs.set(run.id, run);
    while (this.runs.size > this.capacity) this.runs.delete(this.runs.keys().next().value!);
    return run;
  }

  get(id: string): StoredRun | undefined {
    return RESULT_ID.test(id) ? this.runs.get(id) : undefined;
  }

  get size(): number {
    return this.runs.size;
  }
}
