/**
 * Student-t variates scaled to unit variance: T = Z·√((ν − 2)/V) with Z standard normal and
 * V ~ χ²_ν = 2·Gamma(ν/2) independent, ν > 2. A t_ν variable Z·√(ν/V) has variance ν/(ν − 2), so
 * the factor √((ν − 2)/ν) makes the variance exactly 1 while keeping the fat tails: excess kurtosis
 * 6/(ν − 4) for ν > 4 (infinite for 2 < ν ≤ 4).
 *
 * The mixing factor w = √((ν − 2)/V) is exposed on its own: several normals multiplied by one w
 * form a multivariate t (joint crashes: tail dependence), as the Student-t return model uses.
 *
 * Example: with ν = 5, P(T > 2.5706·√(3/5)) = 0.025 (2.5706 is t₅'s 97.5 % quantile; a test checks it).
 */
import type { GammaSource } from './gamma-source.js';
import type { NormalSource } from './normal-source.js';

export class StudentTSource {
  private readonly halfNu: number;
  private readonly nuMinus2: number;

  constructor(
    private readonly normal: NormalSource,
    private readonly gamma: GammaSource,
    readonly nu: number,
  ) {
    if (!(nu > 2)) throw new Error(`Student-t with unit variance needs ν > 2; got ${nu}`);
    this.halfNu = nu / 2;
    this.nuMinus2 = nu - 2;
  }

  /** w = √((ν − 2)/V), V ~ χ²_ν: E[w²] = 1. */
  mixing(): number {
    return Math.sqrt(this.nuMinus2 / (2 * this.gamma.next(this.halfNu)));
  }

  /** A unit-variance t_ν variate. */
  next(): number {
    return this.normal.next() * this.mixing();
  }
}
