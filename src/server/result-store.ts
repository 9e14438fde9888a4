/**
 * Finished runs kept in memory for their downloads and amount toggles, under a random id; at most
 * `capacity` of them (the oldest is dropped), so memory stays bounded however many runs are made.
 * Ids are 16 hex digits from crypto.randomBytes: a request naming anything else is "not found".
 */
import { randomBytes } from 'node:crypto';
import type { SimulationResult } from '../result/simulation-result.js';
import type { Scenario } from '../scenario/schema.js';

export interface StoredRun {
  id: string;
  scenario: Scenario;
  result: SimulationResult;
  runDate: string;
}

export const RESULT_ID = /^[0-9a-f]{16}$/;

export class ResultStore {
  private readonly runs = new Map<string, StoredRun>();

  constructor(readonly capacity = 32) {}

  add(scenario: Scenario, result: SimulationResult): StoredRun {
    const run = { id: randomBytes(8).toString('hex'), scenario, result, runDate: new Date().toISOString().slice(0, 10) };
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
