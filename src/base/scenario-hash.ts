/**
 * A stable fingerprint of a validated scenario: SHA-256 of its canonical JSON (keys sorted, the
 * schema's defaults filled in), so equal scenarios hash equally however their files were written.
 */
import { createHash } from 'node:crypto';
/** Any validated scenario: Norwegian (schema.ts) or US (us-schema.ts). */
export function scenarioHash(s: object): string {
  return `sha256:${createHash('sha256').update(canonicalJson(s)).digest('hex')}`;
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
