import { proportionInterval } from './quantile-interval.js';

/**
 * shortfallProbability: the share of outcomes strictly below a target, P(X < target),
 * with its binomial standard error √(p(1 − p)/n).
 * Example: shortfallProbability([0.1, 0.2, 0.3, 0.4], 0.25) = { probability: 0.5, stderr: 0.25 }.
 */
export function shortfallProbability(values: ArrayLike<number>, target: number): { probability: number; stderr: number } {
  let below = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! < target) below++;
  return shortfallFromCount(below, values.length);
}

/** The same from a count of outcomes below the target out of n (counts merge across chunks exactly). */
export function shortfallFromCount(below: number, n: number): { probability: number; stderr: number } {
  const p = below / n;
  return { probability: p, stderr: Math.sqrt((p * (1 - p)) / n) };
}

/** The same with Wilson's 95 % interval (stats/quantile-interval.ts), as every result reports it. */
export function shortfallWithInterval(below: number, n: number): { probability: number; stderr: number; ci95: [number, number] } {
  return { ...shortfallFromCount(below, n), ci95: proportionInterval(below, n) };
}
