#!/usr/bin/env python3
"""
numpy peer of pensim for scenarios/bench-reference.json, written the way a skilled quant would:
arrays of shape (paths,), a Python loop over the years, numpy's Generator (PCG64), one generator
call a year, in-place arithmetic on preallocated buffers, the fan's percentiles inside the loop.

The model (docs/model.md §1 and §4.1, with the reference scenario's numbers):
- Born 1990, saving from age 25 (2015) to 67, payout 20 years from 67: 62 simulated years and the
  capital at the start of every age 25..87 (63 points: the fan).
- Salary 650 000 NOK in 2015, growing 3 % at the start of each year except the first.
- G: NAV's table (G from 1 May) 2010..2026, then growing 3 % a year (the wage growth).
- Tiered OTP contribution at the year start: 7 % of min(S, 7.1G) + 25.1 % of (min(S, 12G) - 7.1G)+.
  (That is exactly the legal maximum, so pensim's band clamp is a no-op here.)
- Returns: two assets, gross yearly return exp(m + s Z), s^2 = ln(1 + sigma^2/(1+E)^2),
  m = ln(1+E) - s^2/2; log returns correlated through the Cholesky factor of their covariance;
  50/50 rebalanced yearly, so the portfolio's gross return is w . gross.
- Saving year:  K = (K + c)(1 + R_p), then the fee: K (1 - 0.003).
- Payout year k = 0..19: P_k = K_k / (20 - k) at the year start, then K = (K - P)(1 + R_p)(1 - fee).

Outputs (JSON on stdout): paths, seed, seconds (simulation + percentiles, excluding interpreter
and numpy start-up), paths_per_s, the 5/50/95th percentiles of the capital at 67 and of the first
payout, and, for the comparison with pensim, a kernel density estimate at those capital
percentiles with the implied standard errors of the sample quantiles.

Precision mode (--precision 0.5%; bench/precision.ts): the plain paths this model needs for a
relative 95 % half-width of TARGET on p5 of the capital at 67, from its own standard error. A pilot
run (--pilot paths, default 100 000) gives the half-width of p5 by the order-statistic (binomial)
interval, the same distribution-free interval pensim gives for independent paths
(src/stats/quantile-interval.ts): the sample quantiles at p -+ 1.96 sqrt(p(1-p)/n), half their
distance. The half-width falls as 1/sqrt(n), so n = pilot * (half-width of the pilot / TARGET)^2.
Then n paths are run --reps times (seeds --run-seed, +1, ...; default --seed + 1), each timed like the default mode (simulation and the
fan's percentiles, start-up excluded); it prints the median time, the half-width each run reached,
and the default mode's figures of the first timed run.

Usage: python3 bench/peers/numpy_model.py [--paths N] [--seed S] [--fan]
       python3 bench/peers/numpy_model.py --precision 0.5% [--pilot N] [--reps R] [--seed S] [--run-seed S]
"""
import argparse
import json
import math
import sys
import time

import numpy as np

# --- the reference scenario -------------------------------------------------------------------
START_YEAR = 2015           # born 1990, start age 25
START_AGE = 25
N_ACCUM = 67 - 25           # saving years: ages 25..66
PAYOUT_YEARS = 20
N_YEARS = N_ACCUM + PAYOUT_YEARS
SALARY0 = 650_000.0
WAGE_GROWTH = 0.03
RATE, UPPER_RATE = 0.07, 0.251
UPPER_FROM_G, CAP_G = 7.1, 12.0
FEE = 0.003
E = np.array([0.07, 0.03])              # equity, bond: arithmetic mean of the simple return
SIGMA = np.array([0.16, 0.06])          # and its standard deviation
CORR = np.array([[1.0, 0.1], [0.1, 1.0]])  # correlation of the log returns
W = np.array([0.5, 0.5])
PERCENTILES = [5, 10, 25, 50, 75, 90, 95]

# G from 1 May, NOK (NAV), 2010..2026.
G_TABLE = [75641, 79216, 82122, 85245, 88370, 90068, 92576, 93634, 96883, 99858, 101351, 106399,
           111477, 118620, 124028, 130160, 136549]
G_FIRST, G_LAST = 2010, 2026


def g_for_year(year: int) -> float:
    if year <= G_LAST:
        return float(G_TABLE[year - G_FIRST])
    return G_TABLE[-1] * (1 + WAGE_GROWTH) ** (year - G_LAST)


def contributions() -> np.ndarray:
    """Deterministic pay and G (no wage shocks), so the contribution is one number per year."""
    c = np.empty(N_ACCUM)
    for y in range(N_ACCUM):
        s = SALARY0 * (1 + WAGE_GROWTH) ** y
        g = g_for_year(START_YEAR + y)
        c[y] = RATE * min(s, UPPER_FROM_G * g) + UPPER_RATE * max(0.0, min(s, CAP_G * g) - UPPER_FROM_G * g)
    return c


def simulate(paths: int, seed: int):
    """
    The fastest honest numpy version we know: one generator call a year (both assets' normals),
    the 2x2 Cholesky product and the 50/50 mix written out on preallocated buffers (no (2, n)
    temporaries), and the fan's percentiles taken year by year inside the loop (np.percentile
    partitions, type 7), so no (63, n) fan is stored. Only the capital at 67 and the first payout
    are kept whole, for the agreement check.
    """
    rng = np.random.Generator(np.random.PCG64(seed))
    s2 = np.log1p(SIGMA**2 / (1 + E) ** 2)
    m = np.log1p(E) - s2 / 2
    L = np.linalg.cholesky(np.outer(np.sqrt(s2), np.sqrt(s2)) * CORR)  # log-return covariance factor
    c = contributions()
    keep = 1 - FEE

    fan_pct = np.empty((len(PERCENTILES), N_YEARS + 1))
    k = np.zeros(paths)
    fan_pct[:, 0] = np.percentile(k, PERCENTILES)
    z = np.empty((2, paths))
    a = np.empty(paths)
    b = np.empty(paths)
    cap = first_payout = None
    for y in range(N_YEARS):
        rng.standard_normal(out=z)
        # a = w0 exp(m0 + L00 z0), b = w1 exp(m1 + L10 z0 + L11 z1), growth = a + b (1 + R_p, rebalanced).
        np.multiply(z[0], L[0, 0], out=a)
        a += m[0]
        np.exp(a, out=a)
        np.multiply(z[0], L[1, 0], out=b)
        b += m[1]
        b += L[1, 1] * z[1]
        np.exp(b, out=b)
        a *= W[0]
        a += W[1] * b
        if y < N_ACCUM:
            k += c[y]
        else:
            p = k / (N_YEARS - y)
            if first_payout is None:
                first_payout = p
            k -= p
        k *= a
        k *= keep
        if y + 1 == N_ACCUM:
            cap = k.copy()
        fan_pct[:, y + 1] = np.percentile(k, PERCENTILES)
    t_sim = time.perf_counter()
    payout_pct = np.percentile(first_payout, PERCENTILES)
    return cap, fan_pct, payout_pct, t_sim


def kde_density(x: np.ndarray, at: np.ndarray) -> np.ndarray:
    """Gaussian kernel density at the points `at`, Silverman's bandwidth 0.9 min(sd, IQR/1.34) n^-1/5."""
    n = x.size
    q75, q25 = np.percentile(x, [75, 25])
    h = 0.9 * min(x.std(ddof=1), (q75 - q25) / 1.34) * n ** (-0.2)
    return np.array([np.mean(np.exp(-0.5 * ((x - a) / h) ** 2)) / (h * math.sqrt(2 * math.pi)) for a in at])


def spacing_density(sorted_x: np.ndarray, q: float, dq: float = 0.005) -> float:
    """Density from the spacing of order statistics around the q-quantile: 2 dq / (x_{q+dq} - x_{q-dq})."""
    n = sorted_x.size
    lo, hi = sorted_x[int((q - dq) * (n - 1))], sorted_x[int((q + dq) * (n - 1))]
    return 2 * dq / (hi - lo)


Z95 = 1.959963984540054  # the 97.5th percentile of the standard normal, as pensim's


def quantile_half_width(x: np.ndarray, q: float) -> float:
    """Half the order-statistic 95 % interval of the q-quantile of the n draws x (type 7 sample quantiles)."""
    d = Z95 * math.sqrt(q * (1 - q) / x.size)
    lo, hi = np.percentile(x, [100 * max(0.0, q - d), 100 * min(1.0, q + d)])
    return float(hi - lo) / 2


def summary(cap: np.ndarray, fan_pct: np.ndarray, payout_pct: np.ndarray, paths: int, seed: int,
            seconds: float, seconds_simulation: float) -> dict:
    """The figures of one run (the default mode's output)."""
    i67 = N_ACCUM  # fan index of the start of age 67
    at = {q: fan_pct[PERCENTILES.index(q), i67] for q in (5, 50, 95)}
    dens = kde_density(cap, np.array(list(at.values())))
    sorted_cap = np.sort(cap)
    return {
        'peer': 'numpy',
        'numpy': np.__version__,
        'python': sys.version.split()[0],
        'paths': paths,
        'seed': seed,
        'seconds': seconds,
        'paths_per_s': paths / seconds,
        # The fan's percentiles are taken inside the loop: the simulation time includes them.
        'seconds_simulation': seconds_simulation,
        'seconds_percentiles': seconds - seconds_simulation,
        'capitalAtRetirement': {f'p{q}': v for q, v in at.items()},
        'payoutGross': {f'p{q}': payout_pct[PERCENTILES.index(q)] for q in (5, 50, 95)},
        # For the agreement check: f(x_q) and SE(x_q) = sqrt(q(1-q)/n) / f(x_q) at this n.
        'density': {f'p{q}': d for q, d in zip(at, dens)},
        'densitySpacing': {f'p{q}': spacing_density(sorted_cap, q / 100) for q in at},
        'stderr': {f'p{q}': math.sqrt(q / 100 * (1 - q / 100) / paths) / d for q, d in zip(at, dens)},
        'meanCapitalAtRetirement': float(cap.mean()),
        'stderrMeanCapitalAtRetirement': float(cap.std(ddof=1) / math.sqrt(paths)),
    }


def timed(paths: int, seed: int):
    t0 = time.perf_counter()
    cap, fan_pct, payout_pct, t_sim = simulate(paths, seed)
    return cap, fan_pct, payout_pct, time.perf_counter() - t0, t_sim - t0


def precision_flag(raw: str) -> float:
    text = raw.strip()
    x = float(text[:-1]) / 100 if text.endswith('%') else float(text)
    if not 0 < x < 1:
        raise ValueError(f'--precision must be a relative half-width in (0, 1), e.g. 0.5% or 0.005; got {raw}')
    return x


def precision_mode(target: float, pilot: int, reps: int, seed: int, run_seed: int) -> dict:
    """The plain paths needed for p5 of the capital at 67 within +-target (95 %), then timed runs of exactly that many."""
    simulate(2048, seed + 1000)  # warm-up, as in the default mode
    cap, fan_pct, _, pilot_seconds, _ = timed(pilot, seed)
    p5 = float(fan_pct[PERCENTILES.index(5), N_ACCUM])
    pilot_rel = quantile_half_width(cap, 0.05) / p5
    n = math.ceil(pilot * (pilot_rel / target) ** 2)
    # Cross-check, not used: the same n from the asymptotic SE sqrt(q(1-q)/n) / f(x_q) with the pilot's
    # density at p5 (kernel estimate; spacing of order statistics 0.5 percentage points either side).
    # The interval's half-width is itself a sample figure (about 270 order statistics apart at 100 000
    # paths, so ~6 % noise, ~12 % on n); these use more of the sample.
    f_kde = float(kde_density(cap, np.array([p5]))[0])
    f_spacing = spacing_density(np.sort(cap), 0.05)
    n_from = {name: math.ceil((Z95 * math.sqrt(0.05 * 0.95) / (f * p5 * target)) ** 2)
              for name, f in (('kde', f_kde), ('spacing', f_spacing))}
    runs = []
    first = None
    for r in range(reps):
        cap, fan_pct, payout_pct, seconds, seconds_sim = timed(n, run_seed + r)
        t0 = time.perf_counter()
        p5 = float(fan_pct[PERCENTILES.index(5), N_ACCUM])
        hw = quantile_half_width(cap, 0.05)
        interval_seconds = time.perf_counter() - t0
        runs.append({'seed': run_seed + r, 'seconds': seconds, 'p5': p5, 'halfWidth': hw, 'relative': hw / p5,
                     'intervalSeconds': interval_seconds})
        if first is None:
            first = (cap, fan_pct, payout_pct, seconds, seconds_sim)
    seconds = sorted(x['seconds'] for x in runs)
    med = seconds[len(seconds) // 2] if len(seconds) % 2 else (seconds[len(seconds) // 2 - 1] + seconds[len(seconds) // 2]) / 2
    out = summary(first[0], first[1], first[2], n, run_seed, first[3], first[4])
    out['seconds'] = med
    out['paths_per_s'] = n / med
    out['precision'] = {
        'target': target,
        'method': 'order-statistic (binomial) 95 % interval of p5 of the capital at 67',
        'pilotPaths': pilot,
        'pilotSeed': seed,
        'pilotSeconds': pilot_seconds,
        'pilotRelative': pilot_rel,
        'paths': n,
        'pathsFromDensity': n_from,
        'runs': runs,
        'medianSeconds': med,
        'medianRelative': sorted(x['relative'] for x in runs)[len(runs) // 2],
    }
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[1])
    ap.add_argument('--paths', type=int, default=1_000_000)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--fan', action='store_true', help='also print the fan (7 percentiles x 63 ages)')
    ap.add_argument('--precision', type=precision_flag, help='precision mode: the paths for p5 of the capital at 67 within this relative 95 %% half-width')
    ap.add_argument('--pilot', type=int, default=100_000, help='precision mode: paths of the pilot run')
    ap.add_argument('--reps', type=int, default=5, help='precision mode: timed runs of the paths needed (median reported)')
    ap.add_argument('--run-seed', type=int, help='precision mode: seed of the first timed run (default: --seed + 1), the next ones follow')
    args = ap.parse_args()

    if args.precision is not None:
        out = precision_mode(args.precision, args.pilot, args.reps, args.seed,
                             args.seed + 1 if args.run_seed is None else args.run_seed)
    else:
        simulate(2048, args.seed + 1)  # warm-up: first-call costs (BLAS, ufunc dispatch) are not per path
        cap, fan_pct, payout_pct, seconds, seconds_sim = timed(args.paths, args.seed)
        out = summary(cap, fan_pct, payout_pct, args.paths, args.seed, seconds, seconds_sim)
        if args.fan:
            out['fan'] = {'ages': list(range(START_AGE, START_AGE + N_YEARS + 1)),
                          'capital': {f'p{q}': fan_pct[i].tolist() for i, q in enumerate(PERCENTILES)}}
    json.dump({k: (float(v) if isinstance(v, np.floating) else v) for k, v in out.items()}, sys.stdout,
              default=float, indent=2)
    sys.stdout.write('\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
