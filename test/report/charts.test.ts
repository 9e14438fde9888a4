import { describe, expect, it } from 'vitest';
import { capitalFanSvg, CAPITAL_FAN_HEIGHT, CAPITAL_FAN_WIDTH } from '../../src/report/capital-fan-svg.js';
import { fanLayout } from '../../src/report/fan-bands.js';
import { htmlReport } from '../../src/report/html-report.js';
import { payoutFanSvg } from '../../src/report/payout-fan-svg.js';
import { pensionDistributionSvg, spread } from '../../src/report/pension-distribution-svg.js';
import { reportView } from '../../src/report/report-view.js';
import { el } from '../../src/report/svg-markup.js';
import { checkScenario } from '../../src/scenario/parse-scenario.js';
import { fixtureResult } from './fixture-result.js';

const attrs = (svg: string, name: string) => [...svg.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('fanLayout: which percentiles make bands, the median and lone lines', () => {
  it('the default seven: three nested bands, outermost first, and the median', () => {
    expect(fanLayout([5, 10, 25, 50, 75, 90, 95])).toEqual({
      bands: [
        { lower: 'p5', upper: 'p95', coverage: 90 },
        { lower: 'p10', upper: 'p90', coverage: 80 },
        { lower: 'p25', upper: 'p75', coverage: 50 },
      ],
      median: 'p50',
      lines: [],
    });
  });

  it('PRIIPs 5/10/50/90: the band 10–90, the median, and p5 as a line of its own', () => {
    expect(fanLayout([5, 10, 50, 90])).toEqual({ bands: [{ lower: 'p10', upper: 'p90', coverage: 80 }], median: 'p50', lines: ['p5'] });
  });

  it('no median chosen, unsorted input, fractional percentiles', () => {
    expect(fanLayout([97.5, 2.5, 30])).toEqual({ bands: [{ lower: 'p2.5', upper: 'p97.5', coverage: 95 }], median: null, lines: ['p30'] });
  });
});

describe('the capital fan SVG', () => {
  const svg = capitalFanSvg(reportView(fixtureResult(), { kind: 'nominal' }));

  it('has a band per percentile pair, the median line, the retirement marker, at its stated size', () => {
    expect(attrs(svg, 'data-band')).toEqual(['p5-p95', 'p10-p90', 'p25-p75']);
    expect(attrs(svg, 'data-line')).toEqual(['p50']);
    expect(svg).toContain('data-marker="retirement"');
    expect(svg).toContain('>retirement 67<');
    expect(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CAPITAL_FAN_WIDTH} ${CAPITAL_FAN_HEIGHT}"`)).toBe(true);
  });

  it('labels the y axis in kroner with nice ticks, calls out the median at the payout start, escapes the name', () => {
    // The fixture's highest capital is p95 at 67: 1.6 × 3 000 000 = 4.8 million, so d3 ticks 0..5 million.
    expect(svg).toContain('>5\u00a0mill.\u00a0kr<');
    expect(svg).toContain('>median at 67: 3\u00a0000\u00a0000\u00a0kr<');
    expect(svg).toContain('Fixture &lt;A &amp; B&gt;');
    expect(svg).not.toContain('<A & B>');
  });

  it('a band path runs along its lower series and back along its upper one (41 ages each way)', () => {
    const d = svg.match(/<path d="([^"]+)"[^>]*data-band="p5-p95"/)![1]!;
    expect(d.match(/[ML]/g)!.length).toBe(2 * 41);
  });

  it('says when the amounts are real or in G, briefly (the subtitle fits the chart)', () => {
    const real = capitalFanSvg(reportView(fixtureResult(), { kind: 'real', inflation: 0.02, baseYear: 2026 }));
    expect(real).toContain('real NOK, 2026 money');
    expect(svg).toContain('nominal NOK');
    const ages = fixtureResult().fan.ages;
    const inG = capitalFanSvg(reportView(fixtureResult(), { kind: 'g', gGrowth: 0.03, lastPublished: { year: 2026, value: 136_549 }, g: { ages, values: ages.map(() => 100_000) } }));
    expect(inG).toContain('in G of each year');
    expect(inG).toContain('capital at the start of each age (G)');
    // The median capital at 67 is 3 000 000 NOK; over a G of 100 000 that is 30 G.
    expect(inG).toContain('median at 67: 30,00\u00a0G');
  });

  it('without a heading the chart is 48 px shorter and has no title text', () => {
    const bare = capitalFanSvg(reportView(fixtureResult(), { kind: 'nominal' }), { heading: false });
    expect(bare).toContain(`viewBox="0 0 ${CAPITAL_FAN_WIDTH} ${CAPITAL_FAN_HEIGHT - 48}"`);
    expect(bare).not.toContain('>Pension capital by age<');
  });
});

describe('the payout fan and the pension distribution', () => {
  it('the payout fan has the bands twice (before and after tax) and a median per panel', () => {
    const svg = payoutFanSvg(reportView(fixtureResult([5, 10, 50, 90]), { kind: 'nominal' }, { p5: 'stress' }));
    expect(attrs(svg, 'data-band')).toEqual(['p10-p90', 'p10-p90']);
    expect(attrs(svg, 'data-line')).toEqual(['p5', 'p50', 'p5', 'p50']);
    expect(svg).toContain('p5 stress');
  });

  it('the distribution marks every chosen percentile of the first payout, before and after tax, with its value', () => {
    const svg = pensionDistributionSvg(reportView(fixtureResult(), { kind: 'nominal' }));
    const values = attrs(svg, 'data-value').map(Number);
    expect(values.slice(0, 7)).toEqual([0.6, 0.7, 0.85, 1, 1.2, 1.4, 1.6].map((f) => 240_000 * f)); // net, drawn first
    expect(values.slice(7)).toEqual([0.6, 0.7, 0.85, 1, 1.2, 1.4, 1.6].map((f) => 380_000 * f));
    expect(svg).toContain('>p10: 266\u00a0000\u00a0kr<');
    expect(svg).toContain('the lowest 5 % of outcomes (below p5) and the highest 5 % (above p95)');
  });

  it('spread keeps labels apart and inside the plot, close to where they belong', () => {
    const ys = spread([100, 95, 300, 101], 13, 90, 305);
    const sorted = [...ys].sort((a, b) => a - b);
    sorted.slice(1).forEach((y, i) => expect(y - sorted[i]!).toBeGreaterThanOrEqual(13));
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(90);
    expect(Math.max(...ys)).toBeLessThanOrEqual(305);
    expect(ys[2]).toBe(300);
  });
});

describe('svg markup', () => {
  it('escapes text and attributes and rounds coordinates to 0.01', () => {
    expect(el('text', { x: 1.006, 'data-k': 'a<b' }, 'A &amp; B')).toBe('<text x="1.01" data-k="a&lt;b">A &amp; B</text>');
    expect(el('line', { x1: -0.001, y1: undefined })).toBe('<line x1="0"/>');
  });
});

describe('the HTML report (string level; tests/report/html-chromium.test.ts opens it in a browser)', () => {
  const scenario = checkScenario({
    name: 'Fixture <A & B>',
    person: { birthYear: 1989, startYear: 2026, retirementAge: 67, salary: 500_000 },
    plan: { kind: 'no-otp-dc', contribution: { method: 'tiered', rate: 0.07, upperRate: 0.251 } },
    profile: {
      assets: [
        { name: 'equity', expectedReturn: 0.066, volatility: 0.16 },
        { name: 'bond', expectedReturn: 0.038, volatility: 0.06 },
      ],
      correlation: [
        [1, 0.1],
        [0.1, 1],
      ],
      glidePath: [
        { age: 55, weights: { equity: 1, bond: 0 } },
        { age: 67, weights: { equity: 0.4, bond: 0.6 } },
      ],
    },
    payout: { years: 10, method: { kind: 'level-annuity', technicalRate: 0.03 } },
    tax: { kind: 'flat', rate: 0.3 },
  });
  const html = htmlReport({ scenario, view: reportView(fixtureResult(), { kind: 'nominal' }), runDate: '2026-05-04' });

  it('is one file with no script and nothing to fetch', () => {
    expect(html).not.toMatch(/<script|<link|src=|url\(|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    expect(html).toContain("default-src 'none'");
  });

  it('holds the summary, the three charts, the tables, the shortfall and the assumptions with the run date', () => {
    expect(html).toContain('In 9 of 10 outcomes the yearly pension from 67 is at least 266\u00a0000\u00a0kr before tax; the median is 380\u00a0000\u00a0kr, 31,6\u00a0% of pay at 67.');
    for (const chart of ['capital-fan', 'payout-fan', 'pension-distribution']) expect(html).toContain(`data-chart="${chart}"`);
    expect(html).toContain('data-metric="capitalAtRetirement" data-stat="p95" data-value="4800000">4\u00a0800\u00a0000<');
    expect(html).toContain('data-shortfall="0.1234"');
    expect(html).toContain('12,3\u00a0%');
    expect(html).toContain('7\u00a0% of pay up to 7.1 G, 25,1\u00a0% of pay between 7.1 G and 12 G');
    expect(html).toContain('age 55: equity 100\u00a0%, bond 0\u00a0%; age 67: equity 40\u00a0%, bond 60\u00a0%');
    expect(html).toContain('equity–bond 0,10');
    expect(html).toContain('<dt>Run date</dt><dd>2026-05-04</dd>');
    expect(html).toContain(`<dd>sha256:${'ab'.repeat(32)}</dd>`);
  });
});
