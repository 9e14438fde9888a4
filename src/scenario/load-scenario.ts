/** Read and validate a scenario file (JSON, or YAML by its .yaml/.yml ending). */
import { readFile, stat } from 'node:fs/promises';
import { formatOf, parseScenario } from './parse-scenario.js';
import type { Scenario } from './schema.js';
import { UserError } from '../base/user-error.js';

/** Scenario files larger than this are refused before reading (no scenario needs more). */
export const MAX_SCENARIO_BYTES = 1_000_000;

export async function loadScenario(file: string): Promise<Scenario> {
  let text: string;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new UserError([{ path: '', message: 'is not a file' }], file);
    if (info.size > MAX_SCENARIO_BYTES) {
      throw new UserError([{ path: '', message: `is ${info.size} bytes; scenario files are limited to ${MAX_SCENARIO_BYTES} bytes` }], file);
    }
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new UserError([{ path: '', message: `cannot read the scenario file: ${why}` }], file);
  }
  return parseScenario(text, formatOf(file), file);
}
