/**
 * Read and validate a US scenario (JSON, or YAML by its ending), and tell US scenarios from
 * Norwegian ones by `plan.kind` (us-…) so commands can say which a file is.
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { formatOf } from './parse-scenario.js';
import { isUsScenarioObject, UsScenario } from './us-schema.js';
import { pathToString, UserError, type Problem } from '../base/user-error.js';
import { validateUsScenario } from './validate-us-scenario.js';
import { MAX_SCENARIO_BYTES } from './load-scenario.js';

export { isUsScenarioObject };

/** Validate an object as a US scenario; throws UserError naming each field at fault. */
export function checkUsScenario(input: unknown, source = 'scenario'): UsScenario {
  const parsed = UsScenario.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    throw new UserError(
      parsed.error.issues.map((issue): Problem => {
        const path = pathToString(issue.path);
        if (issue.code === 'unrecognized_keys') return { path, message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)` };
        if (issue.code === 'invalid_type' && issue.input === undefined) return { path, message: `is required (${issue.expected})` };
        const got = 'input' in issue && issue.input !== undefined && typeof issue.input !== 'object' ? `; got ${JSON.stringify(issue.input)}` : '';
        return { path, message: `${issue.message}${got}` };
      }),
      source,
    );
  }
  const problems = validateUsScenario(parsed.data);
  if (problems.length > 0) throw new UserError(problems, source);
  return parsed.data;
}

/** Read a scenario file as an object (JSON or YAML), with the file named in any error. */
export async function readScenarioObject(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError([{ path: '', message: `cannot read the scenario file: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}` }], file);
  }
  if (text.length > MAX_SCENARIO_BYTES) throw new UserError([{ path: '', message: `scenario files are limited to ${MAX_SCENARIO_BYTES} bytes` }], file);
  try {
    return formatOf(file) === 'yaml' ? (parseYaml(text, { maxAliasCount: 100 }) as unknown) : (JSON.parse(text) as unknown);
  } catch (e) {
    throw new UserError([{ path: '', message: `not valid ${formatOf(file) === 'yaml' ? 'YAML' : 'JSON'}: ${(e as Error).message.split('\n')[0]}` }], file);
  }
}

export async function loadUsScenario(file: string): Promise<UsScenario> {
  return checkUsScenario(await readScenarioObject(file), file);
}

/** True when the file parses as an object naming a US plan kind (unreadable files: false, for the caller to report). */
export async function isUsScenarioFile(file: string): Promise<boolean> {
  try {
    return isUsScenarioObject(await readScenarioObject(file));
  } catch {
    return false;
  }
}
