/**
 * pensim scenarios: the bundled example scenarios, read from the package's scenarios/ folder
 * wherever pensim is run from (the definition is in scenarios-command.ts).
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadScenario } from '../scenario/load-scenario.js';
import { isUsScenarioFile, loadUsScenario } from '../scenario/load-us-scenario.js';
import { UserError } from '../base/user-error.js';
import { packageRoot } from '../base/package-root.js';

/** The bundled scenario files, sorted by name. */
export function bundledScenarios(): string[] {
  const dir = join(packageRoot(), 'scenarios');
  return readdirSync(dir)
    .filter((f) => /\.(json|ya?ml)$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}

export async function scenariosHandler(): Promise<void> {
  const rows: string[][] = [];
  for (const file of bundledScenarios()) {
    const shown = relative(process.cwd(), file) || file;
    try {
      const s = (await isUsScenarioFile(file)) ? await loadUsScenario(file) : await loadScenario(file);
      rows.push([shown, s.name ?? '(no name)']);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      rows.push([shown, `(does not validate: ${e.problems[0]?.message ?? e.message})`]);
    }
  }
  const width = Math.max(...rows.map(([f]) => f!.length));
  process.stdout.write(rows.map(([f, n]) => `${f!.padEnd(width)}  ${n}\n`).join(''));
}
