/** The deterministic ledger as a table (whole units) or JSON (amounts to the øre). */
import { Decimal } from 'decimal.js';
import type { Ledger } from '../ledger/project-ledger.js';
import { alignColumns, formatMoney, formatPercent } from './format-number.js';

export function ledgerTable(l: Ledger, currency: string): string {
  const saving = l.rows.filter((r) => r.phase !== 'payout');
  const payout = l.rows.filter((r) => r.phase === 'payout');
  const m = formatMoney;
  const ft = l.rows.some((r) => !r.folketrygd.isZero());
  const dis = l.disabilityAge !== undefined;
  const lines = [
    `Deterministic projection (expected returns, expected pay growth; amounts in nominal ${currency})`,
    '',
    alignColumns([
      ['year', 'age', 'salary', 'G', 'contribution', 'return %', 'return', 'fees', 'capital', ...(dis ? ['waived', 'disability income'] : [])],
      ...saving.map((r) => [
        String(r.year),
        String(r.age),
        m(r.salary),
        m(r.g),
        m(r.contribution),
        formatPercent(r.returnRate.toNumber(), 2),
        m(r.returnAmount),
        m(r.fees),
        m(r.capitalEnd),
        ...(dis ? [m(r.waivedContribution!), m(r.disabilityIncome!)] : []),
      ]),
    ]),
    '',
    'Payout years',
    alignColumns([
      ['year', 'age', 'capital start', 'payout', 'tax', 'net payout', 'return', 'fees', 'capital end', ...(ft ? ['folketrygd'] : [])],
      ...payout.map((r) => [
        String(r.year),
        String(r.age),
        m(r.capitalStart),
        m(r.payoutGross),
        m(r.tax),
        m(r.payoutNet),
        m(r.returnAmount),
        m(r.fees),
        m(r.capitalEnd),
        ...(ft ? [m(r.folketrygd)] : []),
      ]),
    ]),
    '',
    `Capital at payout start: ${m(l.capitalAtRetirement)} ${currency}. First yearly payout ${m(l.firstPayoutGross)} gross, ` +
      `${m(l.firstPayoutNet)} net; pay at payout start ${m(l.payAtPayoutStart)}; replacement ratio ` +
      `${formatPercent(l.replacementRatio.toNumber())} gross, ${formatPercent(l.payAtPayoutStart.isZero() ? 0 : l.firstPayoutNet.div(l.payAtPayoutStart).toNumber())} net.`,
  ];
  if (ft) {
    lines.push(
      `Folketrygd pension at payout start ${m(l.folketrygdAtPayoutStart)}; total replacement ratio ${formatPercent(l.totalReplacementRatio.toNumber())} gross.`,
    );
  }
  if (dis) {
    lines.push(
      `Disabled at ${l.disabilityAge}${l.meanDrawnDegree !== undefined ? ` at the drawn degree's mean, ${formatPercent(l.meanDrawnDegree)},` : ''} on a pay of ${m(l.payAtDisability!)}: uføretrygd and disability pension ${m(l.disabilityIncome!)} a year ` +
        `(${formatPercent(l.payAtDisability!.isZero() ? 0 : l.disabilityIncome!.div(l.payAtDisability!).toNumber())} of that pay); the premium waiver paid ${m(l.waivedContributions!)} ` +
        `in contributions, and the capital at payout start is ${m(l.capitalWithoutWaiver!)} without it: the waiver adds ${m(l.waiverGain!)} ${currency}.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Amounts rounded half-up to the øre; the return rate kept whole. */
export function ledgerJson(l: Ledger): string {
  const amount = (d: Decimal) => Number(d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
  const plain = (o: object) =>
    Object.fromEntries(
      Object.entries(o).map(([k, v]) => [k, v instanceof Decimal ? (k === 'returnRate' || k === 'replacementRatio' || k === 'totalReplacementRatio' ? v.toNumber() : amount(v)) : v]),
    );
  const { rows, ...summary } = l;
  return `${JSON.stringify({ summary: plain(summary), rows: rows.map(plain) }, null, 2)}\n`;
}
