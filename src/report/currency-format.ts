/**
 * Number formatting for a currency, in that currency's locale: nb-NO for NOK (digits grouped by
 * non-breaking spaces, decimal comma, "kr" after the amount), en-US for USD ("$" before it, comma
 * grouping). Money is rounded half-up to whole units with decimal.js first (so x.5 always rounds
 * up, as the table does), then grouped by Intl. Reports use this; the plain-text table keeps
 * format-number.ts (ASCII spaces, for terminals and tests that grep it).
 *
 * Example (a test checks these): currencyFormat('NOK').money(3112899.4) = "3 112 899 kr" and
 * currencyFormat('USD').money(3112899.4) = "$3,112,899" (the NOK spaces are U+00A0).
 */
import { Decimal } from 'decimal.js';

export interface CurrencyFormat {
  currency: string;
  /** The unit amounts are in: the currency, or "G" (amounts divided by the grunnbeløp). */
  unit: string;
  /** BCP 47 locale of the number style. */
  locale: string;
  /** An amount with its unit: "3 112 899 kr", or "23,45 G". */
  money(x: number): string;
  /** An amount in its unit, grouped, no sign: "3 112 899" (whole units), or "23,45" (G, two decimals). */
  value(x: number): string;
  /** A count, whole and grouped: "3 112 899". */
  amount(x: number): string;
  /** A share as a percentage: percent(0.3162) = "31,6 %" (nb-NO) or "31.6%" (en-US). */
  percent(x: number, decimals?: number): string;
  /**
   * Axis tick labels for evenly spaced values (d3 ticks): in millions when the largest reaches a
   * million ("1,5 mill. kr", "$1.5M"), otherwise whole amounts; one number of decimals for all.
   */
  ticks(values: readonly number[]): string[];
}

interface Style {
  locale: string;
  /** Put the currency sign around a formatted number (negative numbers carry their own sign). */
  withSign(number: string): string;
  millions(number: string): string;
}

const STYLES: Record<string, Style> = {
  NOK: { locale: 'nb-NO', withSign: (n) => `${n}\u00a0kr`, millions: (n) => `${n}\u00a0mill.\u00a0kr` },
  USD: { locale: 'en-US', withSign: (n) => (n.startsWith('-') ? `-$${n.slice(1)}` : `$${n}`), millions: (n) => (n.startsWith('-') ? `-$${n.slice(1)}M` : `$${n}M`) },
};

export function currencyFormat(currency: string): CurrencyFormat {
  const style = STYLES[currency];
  if (!style) throw new Error(`no number style for the currency ${currency}`);
  const whole = new Intl.NumberFormat(style.locale, { maximumFractionDigits: 0 });
  const amount = (x: number) => whole.format(roundHalfUp(x));
  return {
    currency,
    unit: currency,
    locale: style.locale,
    amount,
    value: amount,
    money: (x) => style.withSign(amount(x)),
    percent: (x, decimals = 1) =>
      new Intl.NumberFormat(style.locale, { style: 'percent', minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(x),
    ticks: (values) => {
      const largest = Math.max(0, ...values.map(Math.abs));
      if (largest < 1e6) return values.map((v) => (v === 0 ? '0' : style.withSign(amount(v))));
      const step = values.length > 1 ? Math.abs(values[1]! - values[0]!) / 1e6 : 1;
      const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
      const fmt = new Intl.NumberFormat(style.locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
      return values.map((v) => (v === 0 ? '0' : style.millions(fmt.format(v / 1e6))));
    },
  };
}

/** Decimals shown for amounts in G: 0.01 G is about 1 400 NOK (2026), finer than any report needs. */
export const G_DECIMALS = 2;

/**
 * Amounts in G, in the number style of the run's currency: "23,45 G" (nb-NO) or "23.45 G" (en-US);
 * two decimals, half-up. Counts stay whole. Axis ticks carry as many decimals as their step needs.
 * Example (a test checks it): gFormat('NOK').money(3.456) = "3,46 G" (U+00A0 before the G).
 */
export function gFormat(currency: string): CurrencyFormat {
  const base = currencyFormat(currency);
  const fixed = new Intl.NumberFormat(base.locale, { minimumFractionDigits: G_DECIMALS, maximumFractionDigits: G_DECIMALS });
  const value = (x: number) => fixed.format(roundHalfUp(x, G_DECIMALS));
  const withUnit = (n: string) => `${n}\u00a0G`;
  return {
    ...base,
    unit: 'G',
    value,
    money: (x) => withUnit(value(x)),
    ticks: (values) => {
      const step = values.length > 1 ? Math.abs(values[1]! - values[0]!) : 1;
      const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
      const fmt = new Intl.NumberFormat(base.locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
      return values.map((v) => (v === 0 ? '0' : withUnit(fmt.format(v))));
    },
  };
}

/** Half-up rounding on the decimal value of x (0.5 -> 1, -0.5 -> -1), to whole units by default. */
function roundHalfUp(x: number, decimals = 0): number {
  return new Decimal(x).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toNumber() + 0; // + 0 turns -0 into 0
}
