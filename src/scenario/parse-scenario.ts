/**
 * Text -> validated Scenario: JSON or YAML, then the zod schema, then the cross-field rules.
 * Every problem found is reported at once, each with its field path, as a UserError.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { Scenario, type ScenarioInput } from './schema.js';
import { isUsScenarioObject } from './us-schema.js';
import { pathToString, UserError, type Problem } from '../base/user-error.js';
import { validateScenario } from './validate-scenario.js';

export type ScenarioFormat = 'json' | 'yaml';

/** The format implied by a file name: .yaml/.yml is YAML, anything else JSON. */
export function formatOf(fileName: string): ScenarioFormat {
  return /\.ya?ml$/i.test(fileName) ? 'yaml' : 'json';
}

/** Parse scenario text; throws UserError naming `source` and each field at fault. */
export function parseScenario(text: string, format: ScenarioFormat, source = 'scenario'): Scenario {
  return checkScenario(parseText(text, format, source), source);
}

/** Validate an already-parsed object (the library entry point for scenarios built in code). */
export function checkScenario(input: unknown, source = 'scenario'): Scenario {
  if (isUsScenarioObject(input)) {
    throw new UserError([{ path: 'plan.kind', message: 'this is a US plan: pensim run, validate, trace, compare and scenarios take US scenarios; this command (or checkScenario) takes Norwegian ones' }], source);
  }
  const parsed = Scenario.safeParse(input, { reportInput: true });
  if (!parsed.success) throw new UserError(parsed.error.issues.map(zodProblem), source);
  const problems = validateScenario(parsed.data);
  if (problems.length > 0) throw new UserError(problems, source);
  return parsed.data;
}

function parseText(text: string, format: ScenarioFormat, source: string): unknown {
  if (format === 'json') {
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      throw new UserError([{ path: '', message: `not valid JSON: ${(e as Error).message}` }], source);
    }
  }
  try {
    return parseYaml(text, { maxAliasCount: 100 }) as unknown;
  } catch (e) {
    const message = e instanceof YAMLParseError ? e.message.split('\n')[0]! : String(e);
    throw new UserError([{ path: '', message: `not valid YAML: ${message}` }], source);
  }
}

function zodProblem(issue: z.core.$ZodIssue): Problem {
  const path = pathToString(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return { path, message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)` };
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return { path, message: `is required (${issue.expected})` };
  }
  const got = 'input' in issue && issue.input !== undefined && typeof issue.input !== 'object' ? `; got ${JSON.stringify(issue.input)}` : '';
  return { path, message: `${issue.message}${got}` };
}

export type { ScenarioInput };
