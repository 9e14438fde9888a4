/** The deterministic ledger of a US plan (ledger/project-us-ledger.ts) as a table (whole dollars) or JSON (to the cent). */
import { Decimal } from 'decimal.js';
import type { UsLedger } from '../ledger/project-us-ledger.js';
import { alignColumns, formatMoney } from './format-number.js';

export function usLedgerTable(l: UsLedger): string {
  const m = formatMoney;
  const lines = [
    `Deterministic projection of the ${l.plan} plan (expected returns, expected pay growth, staying with the employer; nominal USD)`,
    '',
    alignColumns([
      ['year', 'age', 'pay', 'deferral', 'employer', 'return', 'fees', 'funds', 'company stock'],
      ...l.saving.map((r) => [String(r.year), String(r.age), m(r.pay), m(r.deferral), m(r.employer), m(r.returnAmount), m(r.fees), m(r.fundsEnd), m(r.stockEnd)]),
    ]),
    '',
    `Account at retirement: ${m(l.accountAtRetirement)}.`,
  ];
  if (l.payout.length > 0) {
    lines.push(
      '',
      `Payout years (route ${l.route}; the policy sets the spending before tax; RMD = IRA at the year start / the Uniform Lifetime Table divisor)`,
      alignColumns([
        ['year', 'age', 'IRA start', 'taxable start', 'NUA shares', 'policy', 'RMD', 'divisor', 'IRA paid', 'other paid', 'Social Security', 'tax', 'spending', 'account end'],
        ...l.payout.map((r) => [
          String(r.year), String(r.age), m(r.iraStart), m(r.taxableStart), m(r.sharesStart), m(r.policy), m(r.rmd), r.rmdDivisor > 0 ? r.rmdDivisor.toFixed(1) : '',
          m(r.iraWithdrawal), m(r.otherWithdrawal), m(r.socialSecurity), m(r.tax), m(r.spending), m(r.accountEnd),
        ]),
      ]),
      '',
      `Bequest after the heirs' tax at the horizon: ${m(l.bequest!)}.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Amounts rounded half-up to the cent. */
export function usLedgerJson(l: UsLedger): string {
  const amount = (d: Decimal) => Number(d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
  const plain = (o: object) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v instanceof Decimal ? amount(v) : v]));
  return `${JSON.stringify({ ...plain(l), saving: l.saving.map(plain), payout: l.payout.map(plain) }, null, 2)}\n`;
}
