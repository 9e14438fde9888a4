/**
 * The project stands on its own (issue 16):
 * - no tracked file outside test/ names a path outside the repository (the specs it grew from, a
 *   sibling directory, an absolute path of the machine it was written on): code comments and
 *   scenario descriptions cite docs/model.md or the primary source instead;
 * - every relative link in README.md and docs/*.md resolves to a file in the repository, and a
 *   link with an anchor to a heading of that file (GitHub's slugs).
 * Files are listed with `git ls-files`, so only what is committed counts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter((f) => f !== '');
const BINARY = /\.(png|jpe?g|gif|ttf|otf|woff2?|ico|pdf|gz|zip)$/i;

/** Names of files and places outside the repository that the project must not lean on. */
const OUTSIDE = /\b(?:DOMAIN|GOLDEN|ARCHITECTURE)\.md\b|\.\.\/shared\b|(?<![\w.])\/work\//;

describe('no references outside the repository', () => {
  it('the pattern catches what it must and nothing else', () => {
    for (const bad of ['see DOMAIN.md 1.5', 'GOLDEN.md G1', '../shared/spec/ARCHITECTURE.md', 'in /work/main/x']) expect(bad).toMatch(OUTSIDE);
    for (const ok of ['docs/model.md §2.5', 'data/README.md', 'a domain-specific rule', 'https://example.org/work/x']) expect(ok).not.toMatch(OUTSIDE);
  });

  it('no tracked file outside test/ mentions DOMAIN.md, GOLDEN.md, ARCHITECTURE.md, ../shared or /work/', () => {
    const files = tracked.filter((f) => !f.startsWith('test/') && !BINARY.test(f) && existsSync(join(ROOT, f)));
    expect(files.length).toBeGreaterThan(100);
    const hits: string[] = [];
    for (const f of files) {
      readFileSync(join(ROOT, f), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (OUTSIDE.test(line)) hits.push(`${f}:${i + 1}: ${line.trim().slice(0, 160)}`);
        });
    }
    expect(hits).toEqual([]);
  });
});

/** GitHub's heading slug: lower case, punctuation and symbols dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Markdown without fenced code blocks and inline code (links there are examples, not links). */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** The anchors of a markdown file's headings, numbered on repeats as GitHub does. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const base = slug(m[1]!.replace(/`/g, ''));
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

const DOCS = tracked.filter((f) => f === 'README.md' || /^docs\/[^/]+\.md$/.test(f));

describe('links in README.md and docs/*.md', () => {
  it('the slug rule gives GitHub\'s anchors', () => {
    expect(slug('2.5 Payout of DC capital')).toBe('25-payout-of-dc-capital');
    expect(slug('5 Mortality: K2013')).toBe('5-mortality-k2013');
    expect(slug('10 Parameter tables in src/rules')).toBe('10-parameter-tables-in-srcrules');
    expect(slug('2 JSON output (pensim run --format json)')).toBe('2-json-output-pensim-run---format-json');
  });

  it('README.md links into docs/: model, scenarios, results, scale, US plans, and shows the workbench', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const doc of ['docs/model.md', 'docs/scenarios.md', 'docs/results.md', 'docs/scale.md', 'docs/us-plans.md', 'docs/serve.png']) {
      expect(readme).toContain(`](${doc}`);
    }
  });

  it('every relative link resolves to a tracked file, and every anchor to a heading', () => {
    expect(DOCS.length).toBeGreaterThan(5);
    const trackedSet = new Set(tracked);
    const broken: string[] = [];
    let checked = 0;
    for (const file of DOCS) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const m of prose(text).matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        const target = m[1]!;
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
        checked++;
        const [path, anchor] = target.split('#') as [string, string | undefined];
        const abs = path === '' ? join(ROOT, file) : resolve(ROOT, dirname(file), decodeURIComponent(path));
        const rel = relative(ROOT, abs);
        if (rel.startsWith('..') || !existsSync(abs)) {
          broken.push(`${file}: ${target} (no such file in the repository)`);
          continue;
        }
        if (statSync(abs).isFile() && !trackedSet.has(rel)) broken.push(`${file}: ${target} (not tracked by git)`);
        if (anchor !== undefined && rel.endsWith('.md') && !anchors(readFileSync(abs, 'utf8')).has(anchor)) {
          broken.push(`${file}: ${target} (no heading #${anchor} in ${rel})`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(30);
  });
});
