/**
 * pensim as a library:
 *   import { loadScenario, simulate, project } from 'pensim';
 *   const result = await simulate(await loadScenario('scenarios/default.json'), { paths: 50_000 });
 */
export { loadScenario } from './scenario/load-scenario.js';
export { simulate, type SimulateOptions, type AnyResult } from './engine/simulate.js';
export { simulatePaths, usPathValues } from './engine/simulate-paths.js';
export { loadAnyScenario, checkAnyScenario } from './scenario/load-any-scenario.js';
export type { AnyScenario } from './plan/compiled-plan.js';
export { simulateWithCheckpoint, removeCheckpoint, type CheckpointOptions } from './engine/checkpoint.js';
export { ChunkFailure } from './engine/chunk-failure.js';
export type { Metric, SimulationResult } from './result/simulation-result.js';
export { projectLedger as project, type Ledger, type LedgerRow } from './ledger/project-ledger.js';
export { checkScenario, parseScenario } from './scenario/parse-scenario.js';
export type { Scenario, ScenarioInput } from './scenario/schema.js';
export { scenarioHash } from './base/scenario-hash.js';
export { UserError, type Problem } from './base/user-error.js';
export { resultTable } from './report/result-table.js';
export { resultJson } from './report/result-json.js';
export { resultCsv } from './report/result-csv.js';
export { ledgerTable, ledgerJson } from './report/ledger-table.js';
// US plans (KSOP, 401(k), SIMPLE, SEP): loaded here, simulated and compared by simulate and compareScenarios.
export { loadUsScenario, checkUsScenario } from './scenario/load-us-scenario.js';
export type { UsRunResult } from './result/us-result.js';
export { compareScenarios, type Comparison, type NoComparison, type CompareOptions } from './studies/compare.js';
export type { UsScenario } from './scenario/us-schema.js';
export { VERSION } from './version.js';
