/**
 * The result with its amounts in the basis's unit: the one place that converts, so the table, JSON,
 * CSV and every chart of a run show the same numbers. Nominal results, and results whose returns
 * are real already, are returned as they are.
 */
import type { SimulationResult } from '../result/simulation-result.js';
import type { AmountBasis } from './amount-basis.js';
import { deflateByInflationModel, deflateResult, resultInG, resultInSimulatedG } from './deflate-result.js';

export function resultInBasis(r: SimulationResult, basis: AmountBasis): SimulationResult {
  switch (basis.kind) {
    case 'nominal':
    case 'real-returns':
      return r;
    case 'real':
      return deflateResult(r, basis.inflation);
    case 'real-simulated':
      return deflateByInflationModel(r);
    case 'g':
      return resultInG(r, basis.g);
    case 'g-simulated':
      return resultInSimulatedG(r);
  }
}
