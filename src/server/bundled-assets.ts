/**
 * Everything `pensim serve` ever reads from disk, read once when the server starts: the page's
 * own files (assets/serve/) and the bundled scenarios of every plan kind (scenarios/). Requests are served
 * from memory by name, so no request parameter can reach the filesystem: a page asset is one of a
 * fixed list, and a scenario is looked up by its name in this map (anything else is "not found").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../base/package-root.js';
import { checkAnyScenario } from '../scenario/load-any-scenario.js';
import { isUsScenarioObject } from '../scenario/us-schema.js';
import { formatOf } from '../scenario/parse-scenario.js';
import { parse as parseYaml } from 'yaml';

export interface PageAsset {
  body: Buffer;
  type: string;
}

export interface BundledScenario {
  /** The file name without its ending, e.g. "default" or "glide-path". */
  name: string;
  file: string;
  title: string;
  /** 'us' for the US plan kinds (us-…), else 'norway': the page shows that kind's fields. */
  kind: 'norway' | 'us';
  /** The scenario as written in the file (defaults not filled in), for the page to edit. */
  raw: unknown;
}

/** URL path -> file in assets/serve and its content type. The only page files served. */
const PAGE_FILES: Readonly<Record<string, [file: string, type: string]>> = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/app.js': ['app.js', 'text/javascript; charset=utf-8'],
  '/app.css': ['app.css', 'text/css; charset=utf-8'],
};

export interface BundledAssets {
  page: ReadonlyMap<string, PageAsset>;
  scenarios: ReadonlyMap<string, BundledScenario>;
}

export function loadBundledAssets(root = packageRoot()): BundledAssets {
  const page = new Map<string, PageAsset>();
  for (const [url, [file, type]] of Object.entries(PAGE_FILES)) page.set(url, { body: readFileSync(join(root, 'assets', 'serve', file)), type });
  const scenarios = new Map<string, BundledScenario>();
  const dir = join(root, 'scenarios');
  for (const file of readdirSync(dir).sort()) {
    if (!/\.(json|ya?ml)$/i.test(file)) continue;
    const text = readFileSync(join(dir, file), 'utf8');
    const format = formatOf(file);
    const raw: unknown = format === 'json' ? JSON.parse(text) : parseYaml(text);
    // Every plan kind; scenarios that do not validate are left out.
    try {
      const s = checkAnyScenario(raw, file);
      const name = file.replace(/\.(json|ya?ml)$/i, '');
      scenarios.set(name, { name, file, title: s.name ?? file, kind: isUsScenarioObject(raw) ? 'us' : 'norway', raw });
    } catch {
      continue;
    }
  }
  return { page, scenarios };
}
