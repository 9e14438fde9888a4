/**
 * Portfolio weights at an age: fixed weights, or a glide path interpolated linearly between its
 * points and held flat before the first and after the last.
 * Example: points {55: equity 1}, {67: equity 0.4} give equity 0.7 at 61 (5 points a year down).
 */
import type { ProfileSpec } from '../scenario/schema.js';

export function weightsAtAge(profile: ProfileSpec, age: number): number[] {
  const names = profile.assets.map((a) => a.name);
  const pick = (w: Record<string, number>) => names.map((n) => w[n] ?? 0);
  if (profile.weights) return pick(profile.weights);
  const points = profile.glidePath!;
  const first = points[0]!;
  if (age <= first.age) return pick(first.weights);
  for (let i = 1; i < points.length; i++) {
    const hi = points[i]!;
    if (age <= hi.age) {
      const lo = points[i - 1]!;
      const t = (age - lo.age) / (hi.age - lo.age);
      const a = pick(lo.weights);
      const b = pick(hi.weights);
      return a.map((x, k) => x + t * (b[k]! - x));
    }
  }
  return pick(points[points.length - 1]!.weights);
}
