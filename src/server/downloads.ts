/**
 * The downloads of a kept run, by a fixed name (never a path): the HTML and PDF client reports and
 * the results as JSON and CSV in the amounts asked for (today's money by default), and the
 * scenario as run (defaults filled in) as YAML.
 */
import { stringify as toYaml } from 'yaml';
import { amountBasis } from '../report/amount-basis-of.js';
import type { Amounts } from '../report/amounts-choices.js';
import { htmlReport } from '../report/html-report.js';
import { pdfReport } from '../report/pdf-report.js';
import { resultCsv } from '../report/result-csv.js';
import { resultInBasis } from '../report/result-in-basis.js';
import { resultJson } from '../report/result-json.js';
import type { StoredRun } from './result-store.js';
import { usViewOf, viewOf } from './result-view.js';
import { clientHtml } from '../report/html-report.js';
import { clientPdf } from '../report/pdf-report.js';
import { usAmountBasis, usInflation } from '../report/us-amount-basis.js';
import { usReport } from '../report/us-client-report.js';
import { usResultCsv } from '../report/us-result-csv.js';
import { spendingInBasis, usResultInBasis } from '../report/us-result-in-basis.js';
import { usResultJson } from '../report/us-result-json.js';

type Download = (run: StoredRun, amounts: Amounts) => Promise<[string, string | Buffer]> | [string, string | Buffer];

export const DOWNLOADS: Readonly<Record<string, Download>> = {
  'report.html': (run, a) =>
    ['text/html; charset=utf-8', run.kind === 'us' ? clientHtml(usReport({ scenario: run.scenario, view: usViewOf(run, a), runDate: run.runDate })) : htmlReport({ scenario: run.scenario, view: viewOf(run, a), runDate: run.runDate })],
  'report.pdf': async (run, a) =>
    ['application/pdf', run.kind === 'us' ? await clientPdf(usReport({ scenario: run.scenario, view: usViewOf(run, a), runDate: run.runDate })) : await pdfReport({ scenario: run.scenario, view: viewOf(run, a), runDate: run.runDate })],
  'result.json': (run, a) => {
    if (run.kind === 'us') {
      const basis = usAmountBasis(run.scenario, a, 'amounts');
      return ['application/json; charset=utf-8', usResultJson(usResultInBasis(run.result, basis), basis)];
    }
    const basis = amountBasis(run.scenario, run.result, a);
    return ['application/json; charset=utf-8', resultJson(resultInBasis(run.result, basis), basis)];
  },
  'result.csv': (run, a) => {
    if (run.kind === 'us') {
      const basis = usAmountBasis(run.scenario, a, 'amounts');
      return ['text/csv; charset=utf-8', usResultCsv(usResultInBasis(run.result, basis), basis, spendingInBasis(run.result, basis, usInflation(run.scenario)))];
    }
    const basis = amountBasis(run.scenario, run.result, a);
    return ['text/csv; charset=utf-8', resultCsv(resultInBasis(run.result, basis), basis)];
  },
  'scenario.yaml': (run) => ['application/yaml; charset=utf-8', toYaml(run.scenario)],
};
