/**
 * Hostile scenarios for the fuzz tests: the bundled scenarios (scenarios/*), each mutated by one
 * to three edits at random places in its tree: a value replaced by a wrong type, NaN, ±Infinity,
 * a huge or tiny number, a scaled number, a unicode string, an empty array or object, a deep
 * nest; a key deleted; an extra key added (including `__proto__`, `constructor`, `toString`).
 * Keys are added as own properties (Object.defineProperty), as JSON.parse would make them, so
 * `__proto__` is data, never the prototype.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

type Json = unknown;

/** Every bundled scenario, parsed (JSON or YAML) to a plain tree. */
export const BASES: { file: string; tree: Json }[] = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => /\.(json|ya?ml)$/.test(f))
  .sort()
  .map((file) => {
    const text = readFileSync(join(ROOT, 'scenarios', file), 'utf8');
    return { file, tree: file.endsWith('.json') ? JSON.parse(text) : parseYaml(text) };
  });

export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'] as const;

function nest(depth: number, leaf: Json): Json {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { a: v };
  return v;
}

/** An object whose only own key is `key` (which may be `__proto__`). */
function ownKey(key: string, value: Json): Record<string, Json> {
  const o: Record<string, Json> = {};
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  return o;
}

const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324, -0, 0, -1, 1e21, 2 ** 53 + 2, 0.5, 1, 100, 2026),
  fc.double(),
  fc.integer(),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('', 'NaN', 'Infinity', '1e999', '０', 'ﬁ', '\u0000', '💶', 'yearly', 'male', 'level-annuity', 'no-otp-dc'),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.double(), { maxLength: 4 }),
  fc.nat(400).map((d) => nest(d, 1)),
  fc.constantFrom(...PROTO_KEYS).map((k) => ownKey(k, { polluted: true })),
);

export interface Mutation {
  kind: 'replace' | 'scale' | 'delete' | 'addKey' | 'emptyArray';
  at: number;
  value: Json;
  factor: number;
  key: string;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('replace', 'replace', 'scale', 'scale', 'scale', 'scale', 'delete', 'addKey', 'emptyArray'),
  at: fc.nat(),
  value: hostileValue,
  // Mostly mild (the scenario often stays valid, so the simulation is exercised), sometimes wild.
  factor: fc.oneof(
    { weight: 3, arbitrary: fc.double({ min: 0.5, max: 2, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(-1, 0, 10, 1000, 1e6, 1e300) },
    { weight: 1, arbitrary: fc.double({ min: -5, max: 5, noNaN: true }) },
  ),
  key: fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 8 })),
});

export interface HostileCase {
  base: number;
  mutations: Mutation[];
  format: 'json' | 'yaml' | 'object';
}

export const hostileCase: fc.Arbitrary<HostileCase> = fc.record({
  base: fc.nat(BASES.length - 1),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
  format: fc.constantFrom('json', 'yaml', 'object'),
});

/** The containers of a tree with the key of each child: [parent, key] for every node but the root. */
function places(tree: Json): [Record<string, Json> | Json[], string | number][] {
  const out: [Record<string, Json> | Json[], string | number][] = [];
  const walk = (node: Json) => {
    if (Array.isArray(node)) node.forEach((v, i) => (out.push([node, i]), walk(v)));
    else if (node !== null && typeof node === 'object') {
      for (const k of Object.keys(node)) out.push([node as Record<string, Json>, k]), walk((node as Record<string, Json>)[k]);
    }
  };
  walk(tree);
  return out;
}

function set(parent: Record<string, Json> | Json[], key: string | number, value: Json): void {
  Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy of the case's base scenario with its mutations applied. */
export function mutated(c: HostileCase): Json {
  const tree = structuredClone(BASES[c.base]!.tree);
  for (const m of c.mutations) {
    const every = places(tree);
    // A scale edit picks among the numbers, so it often leaves a valid scenario to simulate.
    const numbers = every.filter(([p, k]) => typeof (p as Record<string | number, Json>)[k] === 'number');
    const all = m.kind === 'scale' && numbers.length > 0 ? numbers : every;
    if (all.length === 0) break;
    const [parent, key] = all[m.at % all.length]!;
    const current = (parent as Record<string | number, Json>)[key];
    switch (m.kind) {
      case 'replace':
        set(parent, key, structuredClone(m.value));
        break;
      case 'scale':
        set(parent, key, typeof current === 'number' ? current * m.factor : structuredClone(m.value));
        break;
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key as string];
        break;
      case 'addKey': {
        const target = current !== null && typeof current === 'object' && !Array.isArray(current) ? (current as Record<string, Json>) : parent;
        if (Array.isArray(target)) target.push(structuredClone(m.value));
        else set(target, m.key, structuredClone(m.value));
        break;
      }
      case 'emptyArray':
        set(parent, key, []);
        break;
    }
  }
  return tree;
}

/** A snapshot of the global prototypes, to show that no input changed them. */
export function globalsSnapshot(): string {
  const describe = (o: object) =>
    Reflect.ownKeys(o)
      .map((k) => `${String(k)}:${typeof Object.getOwnPropertyDescriptor(o, k)?.value}`)
      .sort()
      .join(',');
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype].map(describe).join('|');
}

/** True when no stray key reached an ordinary object through its prototype. */
export function unpolluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return probe.polluted === undefined && probe.a === undefined && Object.getPrototypeOf(probe) === Object.prototype;
}
