import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/src/cli/main.js');
const run = (...args: string[]) => JSON.parse(spawnSync(process.execPath, [cli, 'run', ...args], { cwd: root, encoding: 'utf8' }).stdout) as {
  amounts: { basis: string };
  metrics: Record<string, { percentiles: Record<string, number> }>;
  fan: { capital: Record<string, number[]> };
  inflation: { real: Record<string, { percentiles: Record<string, number> }>; realFan: { capital: Record<string, number[]> } };
};

describe('--real with a stochastic inflation model', () => {
  it('reports each path deflated by its own simulated price index (the engine\'s real figures)', () => {
    const args = ['scenarios/regimes.json', '--paths', '3000', '--format', 'json', '--quiet'];
    const nominal = run(...args);
    const real = run(...args, '--real');
    expect(real.amounts.basis).toBe('real-simulated');
    expect(real.metrics.capitalAtRetirement!.percentiles).toEqual(nominal.inflation.real.capitalAtRetirement!.percentiles);
    expect(real.metrics.payoutNet!.percentiles).toEqual(nominal.inflation.real.payoutNet!.percentiles);
    expect(real.fan.capital).toEqual(nominal.inflation.realFan.capital);
    // Prices rise on average, so real capital at the payout start is below nominal.
    expect(real.metrics.capitalAtRetirement!.percentiles.p50!).toBeLessThan(nominal.metrics.capitalAtRetirement!.percentiles.p50!);
  });
});

describe('--real with a stochastic inflation model in the HTML report', () => {
  it('shows the same real amounts as the JSON (each path deflated by its own index), not the nominal ones', () => {
    const args = ['scenarios/regimes.json', '--paths', '3000', '--quiet', '--real'];
    const real = run(...args, '--format', 'json');
    const html = spawnSync(process.execPath, [cli, 'run', ...args, '--format', 'html'], { cwd: root, encoding: 'utf8' }).stdout;
    const p50 = real.metrics.capitalAtRetirement!.percentiles.p50!;
    expect(html).toContain('data-basis="real-simulated"');
    expect(html).toContain(`data-metric="capitalAtRetirement" data-stat="p50" data-value="${p50}"`);
  });
});

describe('--real with a stochastic inflation model: the payout fan too is per path', () => {
  it('the first payout\'s percentiles in the payout fan equal the headline payout percentiles (both each path over its own index)', () => {
    const out = spawnSync(process.execPath, [cli, 'run', 'scenarios/history-block-bootstrap.json', '--paths', '3000', '--quiet', '--real', '--format', 'json'], { cwd: root, encoding: 'utf8' }).stdout;
    const r = JSON.parse(out) as { metrics: Record<string, { percentiles: Record<string, number> }>; payoutFan: { gross: Record<string, number[]>; net: Record<string, number[]> } };
    for (const k of Object.keys(r.metrics.payoutGross!.percentiles)) {
      expect(r.payoutFan.gross[k]![0]).toBe(r.metrics.payoutGross!.percentiles[k]);
      expect(r.payoutFan.net[k]![0]).toBe(r.metrics.payoutNet!.percentiles[k]);
    }
  });
});
