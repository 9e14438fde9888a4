// The pensim workbench page: plain JavaScript, no build step, nothing loaded from the network.
// It keeps the scenario as an object, edits it through the form (each input names its field path),
// and talks to the local server: runs, comparisons and solves stream their progress as
// server-sent events on the POST that started them; aborting the fetch (Cancel, or closing the
// tab) closes the connection, and the server aborts the run.
'use strict';

const token = new URLSearchParams(location.search).get('token') || '';
const $ = (id) => document.getElementById(id);
const state = { scenario: null, resultId: null, running: null, kind: null };

function api(url, init = {}) {
  const headers = Object.assign({}, init.headers || {});
  if (token) headers.Authorization = 'Bearer ' + token;
  return fetch(url, Object.assign({}, init, { headers, credentials: 'same-origin' }));
}

function getPath(obj, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
}
function setPath(obj, path, value) {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    if (o[k] == null || typeof o[k] !== 'object') o[k] = {};
    o = o[k];
  }
  if (value === undefined) delete o[keys[keys.length - 1]];
  else o[keys[keys.length - 1]] = value;
}

/** The equity fund among the fixed weights: "equity", else the first whose name says equity ("us-equity"). */
function equityKey(w) {
  if (!w) return undefined;
  if ('equity' in w) return 'equity';
  return Object.keys(w).find((k) => /equity/i.test(k));
}

/** The equity share sets the other fixed weights so that all sum to 1 (their proportions kept). */
function setEquity(s, share) {
  const w = s.profile && s.profile.weights;
  const key = equityKey(w);
  if (!key) return;
  const others = Object.keys(w).filter((k) => k !== key);
  const rest = others.reduce((n, k) => n + w[k], 0);
  w[key] = share;
  for (const k of others) w[k] = rest > 0 ? (w[k] / rest) * (1 - share) : (1 - share) / others.length;
}

/** A KSOP's diversification policy from its kind, with the schema's defaults for the rest. */
function diversificationOf(kind) {
  if (kind === 'sell-after-service') return { kind, years: 3 };
  if (kind === 'cap') return { kind, share: 0.2 };
  return { kind };
}

/** A withdrawal policy of another kind, keeping the rate where the new kind has one. */
function withdrawalOf(kind, old) {
  if (kind === 'constant-real' || kind === 'percent-of-balance') return { kind, rate: (old && old.rate) || 0.04 };
  if (kind === 'amortized') return { kind, assumedReturn: 0.03 };
  return { kind };
}

function setField(s, path, value) {
  if (path === 'profile.weights.equity') setEquity(s, value);
  else if (path === 'plan.diversification.kind') s.plan.diversification = diversificationOf(value);
  else if (path === 'payout.withdrawal.kind') s.payout.withdrawal = withdrawalOf(value, s.payout.withdrawal);
  else setPath(s, path, value);
}

function getField(s, path) {
  if (path === 'profile.weights.equity') {
    const w = s.profile && s.profile.weights;
    const key = equityKey(w);
    return key ? w[key] : undefined;
  }
  return getPath(s, path);
}

/** 'us' for the US plan kinds (us-…), else 'norway': the form, charts, compare and solve show that kind's fields. */
const kindOf = (s) => (s && s.plan && typeof s.plan.kind === 'string' && s.plan.kind.startsWith('us-') ? 'us' : 'norway');

/** The plan fields of each US plan kind that the form shows. */
const US_PLAN_FIELDS = {
  'us-401k': ['plan.deferralRate', 'plan.match.0.rate', 'plan.match.0.to'],
  'us-ksop': ['plan.deferralRate', 'plan.match.0.rate', 'plan.match.0.to', 'plan.deferralStockShare', 'plan.diversification.kind', 'plan.diversification.share'],
  'us-simple-ira': ['plan.deferralRate', 'plan.employer'],
  'us-sep-ira': ['plan.rate'],
};
const US_PLAN_NAMES = { 'us-401k': '401(k)', 'us-ksop': 'KSOP: the match in company stock', 'us-simple-ira': 'SIMPLE IRA', 'us-sep-ira': 'SEP IRA' };

/** Whether a US form field applies to this scenario. */
function usFieldApplies(s, path) {
  if (path.startsWith('plan.')) {
    if (!(US_PLAN_FIELDS[s.plan.kind] || []).includes(path)) return false;
    if (path.startsWith('plan.match.')) return Array.isArray(s.plan.match) && s.plan.match.length > 0;
    if (path === 'plan.diversification.share') return !!s.plan.diversification && s.plan.diversification.kind === 'cap';
    return true;
  }
  if (path.startsWith('employerStock.')) return !!s.employerStock;
  if (path.startsWith('payout.')) {
    if (!s.payout) return false;
    if (path === 'payout.withdrawal.rate') return !!s.payout.withdrawal && (s.payout.withdrawal.kind === 'constant-real' || s.payout.withdrawal.kind === 'percent-of-balance');
    if (path.startsWith('payout.socialSecurity.')) return !!s.payout.socialSecurity;
    return true;
  }
  return true;
}

/** Elements marked data-kind show only for that kind of plan. */
function showKind(kind) {
  for (const el of document.querySelectorAll('[data-kind]')) el.hidden = el.dataset.kind !== kind;
  for (const sel of [$('vary'), $('solve-field')]) {
    if (sel.selectedOptions[0] && sel.selectedOptions[0].hidden) sel.value = [...sel.options].find((o) => !o.hidden).value;
  }
}

const scenarioFields = () => [...document.querySelectorAll('#form [data-path]')].filter((el) => el.id !== 'paths' && el.id !== 'seed');

function fillForm() {
  const s = state.scenario;
  const kind = kindOf(s);
  if (state.kind !== kind) {
    state.kind = kind;
    showKind(kind);
    $('solve-target').value = kind === 'us' ? 'capitalAtRetirement.p10>=500000' : 'replacementRatio.p10>=0.15';
    $('vary').value = kind === 'us' ? 'plan.deferralStockShare' : 'profile.weights.equity';
    $('vary-values').value = kind === 'us' ? '0, 20, 50' : '20, 50, 80';
    $('solve-field').value = kind === 'us' ? 'plan.deferralRate' : 'plan.contribution.rate';
  }
  for (const u of document.querySelectorAll('.unit')) u.textContent = kind === 'us' ? 'USD' : 'NOK';
  $('us-plan-kind').textContent = kind === 'us' ? US_PLAN_NAMES[s.plan.kind] || s.plan.kind : '';
  $('scenario-name').textContent = s.name || '';
  for (const el of scenarioFields()) {
    const path = el.dataset.path;
    let v = getField(s, path);
    const label = el.closest('label');
    if (el.closest('[data-kind]') && el.closest('[data-kind]').dataset.kind !== kind) {
      label.hidden = true;
      continue;
    }
    if (kind === 'us' && el.closest('fieldset[data-kind="us"]')) {
      label.hidden = !usFieldApplies(s, path);
    } else {
      const applies = v !== undefined || ['payout.startAge', 'simulation.targetReplacementRatio', 'person.initialCapital', 'person.sex', 'tax.otherPensionIncome', 'simulation.targetWealth'].includes(path);
      label.hidden = !applies && !(path.startsWith('folketrygd.') && s.folketrygd) && !(path.startsWith('disability.') && s.disability);
      if (path === 'disability.incidence.scale') label.hidden = !(s.disability && (!s.disability.incidence || s.disability.incidence.kind === 'nav-2012'));
    }
    if (path === 'profile.weights.equity') {
      label.hidden = equityKey(s.profile.weights) === undefined;
      $('glide-note').hidden = !s.profile.glidePath;
    }
    if (kind === 'norway' && (path === 'tax.otherPensionIncome' || path === 'tax.rate')) label.hidden = getPath(s, 'tax.kind') !== (path === 'tax.rate' ? 'flat' : 'norway');
    if (v === undefined || v === null) v = '';
    if (el.dataset.scale && v !== '') v = +(v * Number(el.dataset.scale)).toFixed(6);
    el.value = String(v);
  }
  if (kind === 'norway') {
    $('with-folketrygd').checked = !!s.folketrygd;
    for (const el of document.querySelectorAll('[data-path^="folketrygd."]')) el.closest('label').hidden = !s.folketrygd;
    $('with-disability').checked = !!s.disability;
    for (const el of document.querySelectorAll('[data-path^="disability."]')) if (!s.disability) el.closest('label').hidden = true;
    fillDegree(s);
  }
  $('seed').value = String(getPath(s, 'simulation.seed') ?? 1);
  clearErrors();
}

function readField(el) {
  if (el.tagName === 'SELECT') return el.value === '' ? undefined : el.value;
  if (el.value.trim() === '') return undefined;
  const n = Number(el.value);
  return el.dataset.scale ? n / Number(el.dataset.scale) : n;
}

/**
 * The disability degree: a number (the same on every path) or drawn (docs/model.md §2.9): a drawn
 * degree hides the number; the scenario's own table is kept while the choice stays on it.
 */
function fillDegree(s) {
  const d = s.disability;
  const kind = !d || typeof d.degree !== 'object' ? 'fixed' : d.degree.kind;
  if (d && typeof d.degree === 'object' && d.degree.kind === 'drawn') state.degreeTable = d.degree;
  $('degree-kind').value = kind === 'drawn' ? 'table' : kind;
  $('degree-kind').querySelector('option[value="table"]').disabled = !state.degreeTable;
  $('degree-kind').closest('label').hidden = !d;
  $('group-fans').checked = !!(d && d.groupFans);
  $('group-fans').closest('label').hidden = !d;
  const number = document.querySelector('[data-path="disability.degree"]');
  number.closest('label').hidden = !d || kind !== 'fixed';
  if (kind !== 'fixed') number.value = '';
}

function onFieldChange(ev) {
  const el = ev.target;
  if (!el.dataset || !el.dataset.path || !state.scenario || el.id === 'paths' || el.id === 'seed') return;
  const path = el.dataset.path;
  const v = readField(el);
  if (path === 'tax.kind') {
    state.scenario.tax = v === 'flat' ? { kind: 'flat', rate: 0.22 } : { kind: 'norway', year: 2026, otherPensionIncome: 0 };
    fillForm();
    return;
  }
  setField(state.scenario, path, v);
  markEdited();
  if (path === 'plan.diversification.kind' || path === 'payout.withdrawal.kind') fillForm();
}

/** An edited scenario says so in its name, which the charts and reports print. */
function markEdited() {
  const s = state.scenario;
  if (s.name && !s.name.endsWith(' (edited)')) s.name = (s.name.length > 190 ? s.name.slice(0, 190) : s.name) + ' (edited)';
  $('scenario-name').textContent = s.name || '';
}

function clearErrors(scope) {
  const root = scope || document;
  for (const e of root.querySelectorAll('.err')) e.remove();
  for (const e of root.querySelectorAll('[aria-invalid]')) e.removeAttribute('aria-invalid');
  for (const id of ['general-errors', 'compare-errors', 'solve-errors']) if (!scope) $(id).textContent = '';
}

/** Each problem beside the field it concerns (the schema's path), the rest in the box above the form. */
function showProblems(problems, box) {
  const general = [];
  const fields = [...document.querySelectorAll('#form [data-path]')];
  for (const p of problems) {
    const path = (p.path || '').replace(/\[\d+\]/g, '');
    const field =
      fields.find((f) => f.dataset.path === path && !f.closest('label').hidden) ||
      fields.find((f) => path && (f.dataset.path.startsWith(path + '.') || path.startsWith(f.dataset.path + '.')) && !f.closest('label').hidden) ||
      (path.startsWith('profile.weights') ? fields.find((f) => f.dataset.path === 'profile.weights.equity' && !f.closest('label').hidden) : undefined);
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      const span = document.createElement('span');
      span.className = 'err';
      span.dataset.errFor = field.dataset.path;
      span.textContent = p.message;
      field.closest('label').appendChild(span);
    } else general.push((p.path ? p.path + ': ' : '') + p.message);
  }
  (box || $('general-errors')).textContent = general.join('\n');
}

async function loadBundled(name) {
  const r = await api('/api/scenarios/' + encodeURIComponent(name));
  const body = await r.json();
  if (!r.ok) return showProblems([{ path: '', message: body.error }]);
  state.scenario = body.scenario;
  state.degreeTable = null;
  fillForm();
}

async function upload(file) {
  const text = await file.text();
  const format = /\.ya?ml$/i.test(file.name) ? 'yaml' : 'json';
  const r = await api('/api/scenario/parse', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text, format }) });
  const body = await r.json();
  if (!r.ok) return showProblems(body.problems || [{ path: '', message: body.error }]);
  state.scenario = body.scenario;
  state.degreeTable = null;
  fillForm();
  if (body.problems.length) showProblems(body.problems);
}

function runOptions() {
  const o = {};
  const paths = Number($('paths').value);
  const seed = $('seed').value.trim();
  if ($('paths').value.trim() !== '') o.paths = paths;
  if (seed !== '') o.seed = Number(seed);
  return o;
}

/**
 * POST and read the event stream: onProgress(done, total) for each progress event; resolves with
 * the result event's data; rejects with {problems} or {message}.
 */
async function streamPost(url, body, signal, onProgress) {
  const r = await api(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal });
  if (r.status === 429) throw { message: 'The server is busy: try again in ' + r.headers.get('Retry-After') + ' s.' };
  if (!r.ok) {
    const e = await r.json();
    throw { problems: e.problems, message: e.error };
  }
  const reader = r.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = (/^event: (.*)$/m.exec(block) || [])[1];
      const data = JSON.parse((/^data: (.*)$/m.exec(block) || [])[1] || 'null');
      if (event === 'progress') onProgress(data.done, data.total);
      else if (event === 'result') return data;
      else if (event === 'error') throw { problems: data.problems, message: data.error };
    }
  }
  throw { message: 'The connection closed before the result.' };
}

/** The scenario's problems (schema, rules, legal band, limits) from the server, shown beside their fields. */
async function validate(scenario, errorBox) {
  const o = runOptions();
  const r = await api('/api/validate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(Object.assign({ scenario }, o.paths <= 200000 ? o : { seed: o.seed })) });
  const body = await r.json();
  const problems = r.ok ? body.problems : body.problems || [{ path: '', message: body.error }];
  if (problems.length) showProblems(problems, errorBox);
  return problems.length === 0;
}

/** One job at a time from this page: the buttons, the progress bar and Cancel. */
async function job(label, url, body, errorBox) {
  if (state.running) state.running.abort();
  clearErrors();
  if (!(await validate(state.scenario, errorBox))) {
    $('status').textContent = label + ': see the problems shown';
    return null;
  }
  const controller = new AbortController();
  state.running = controller;
  clearErrors();
  $('cancel').disabled = false;
  for (const id of ['run', 'compare-run', 'solve-run']) $(id).disabled = true;
  $('progress').value = 0;
  $('status').textContent = label + '…';
  try {
    const out = await streamPost(url, body, controller.signal, (done, total) => {
      $('progress').value = total ? done / total : 0;
      $('status').textContent = label + ': ' + done + ' of ' + total;
    });
    $('progress').value = 1;
    $('status').textContent = label + ': done';
    return out;
  } catch (e) {
    if (controller.signal.aborted) {
      $('status').textContent = label + ': cancelled';
      $('progress').value = 0;
      return null;
    }
    $('status').textContent = label + ': failed';
    if (e && e.problems) showProblems(e.problems, errorBox);
    else (errorBox || $('general-errors')).textContent = (e && e.message) || String(e);
    return null;
  } finally {
    if (state.running === controller) state.running = null;
    $('cancel').disabled = true;
    for (const id of ['run', 'compare-run', 'solve-run']) $(id).disabled = false;
  }
}

function showView(v) {
  state.resultId = v.id;
  $('results').hidden = false;
  $('summary').textContent = v.summary;
  $('basis').textContent = v.basis + ' ' + v.paths + ' paths, seed ' + v.seed + '.';
  for (const [id, svg] of [['chart-capital', v.charts.capital], ['chart-payout', v.charts.payout], ['chart-distribution', v.charts.distribution], ['chart-stock', v.charts.stock || '']]) {
    $(id).innerHTML = svg;
    $(id).hidden = !svg;
  }
  $('table').replaceChildren(tableOf(v.columns, v.rows));
  $('shortfall').textContent = v.shortfall || '';
  const amounts = document.querySelector('input[name=amounts]:checked').value;
  const base = '/api/results/' + v.id + '/';
  $('dl-html').href = base + 'report.html?amounts=' + amounts;
  $('dl-pdf').href = base + 'report.pdf?amounts=' + amounts;
  $('dl-yaml').href = base + 'scenario.yaml';
  $('dl-json').href = base + 'result.json?amounts=' + amounts;
  $('dl-csv').href = base + 'result.csv?amounts=' + amounts;
}

function tableOf(columns, rows, firstHead) {
  const frag = document.createDocumentFragment();
  const head = document.createElement('tr');
  head.appendChild(Object.assign(document.createElement('th'), { textContent: firstHead || '' }));
  for (const c of columns) head.appendChild(Object.assign(document.createElement('th'), { textContent: c.name }));
  frag.appendChild(head);
  for (const row of rows) {
    const tr = document.createElement('tr');
    const th = Object.assign(document.createElement('th'), { textContent: row.label, scope: 'row' });
    tr.appendChild(th);
    for (const c of row.cells) {
      const td = Object.assign(document.createElement('td'), { textContent: c.text });
      td.dataset.metric = row.metric;
      td.dataset.stat = c.stat;
      td.dataset.value = String(c.value);
      tr.appendChild(td);
    }
    frag.appendChild(tr);
  }
  return frag;
}

async function run() {
  if (!state.scenario) return;
  const v = await job('Run', '/api/run', Object.assign({ scenario: state.scenario }, runOptions()));
  if (v) {
    for (const r of document.querySelectorAll('input[name=amounts]')) r.checked = r.value === 'real';
    showView(v);
  }
}

async function changeAmounts() {
  if (!state.resultId) return;
  const amounts = document.querySelector('input[name=amounts]:checked').value;
  const r = await api('/api/results/' + state.resultId + '?amounts=' + amounts);
  const body = await r.json();
  if (!r.ok) return showProblems(body.problems || [{ path: '', message: body.error }]);
  showView(body);
}

/** A variant's value of the varied field: a number in percent, or a policy's name. */
function variantValue(path, x) {
  return path === 'plan.diversification.kind' ? x : Number(x) / 100;
}

async function compare() {
  if (!state.scenario) return;
  const path = $('vary').value;
  const values = $('vary-values').value.split(',').map((x) => x.trim()).filter(Boolean);
  if (values.length < 2 || values.length > 4) return ($('compare-errors').textContent = 'Give 2 to 4 values, separated by commas.');
  const name = $('vary').selectedOptions[0].textContent.replace(/ \(.*\)$/, '');
  const variants = values.map((x) => {
    const s = JSON.parse(JSON.stringify(state.scenario));
    setField(s, path, variantValue(path, x));
    return { label: name + ' ' + x + (path === 'plan.diversification.kind' ? '' : ' %'), scenario: s };
  });
  const o = runOptions();
  if (o.paths > 50000) o.paths = 50000;
  const out = await job('Compare', '/api/compare', Object.assign({ variants }, o), $('compare-errors'));
  if (!out) return;
  $('compare-chart').innerHTML = out.chart;
  const shown = out.kind === 'us' ? ['capitalAtRetirement', 'afterTaxBest', 'employerStockShare', 'firstYearSpending'] : ['replacementRatio', 'payoutGross', 'totalReplacementRatio'];
  const rows = [];
  for (const v of out.variants) for (const row of v.rows) if (shown.includes(row.metric)) rows.push(Object.assign({}, row, { label: v.label + ': ' + row.label }));
  const paired = out.comparison.paired.map((p) => ({
    metric: 'paired',
    label: 'P(' + p.a + ' < ' + p.b + ') on the same paths',
    cells: [{ stat: 'pALessThanB', value: p.probabilityALessThanB, text: (100 * p.probabilityALessThanB).toFixed(1) + ' %' }],
  }));
  // US: what a dollar of company stock is worth to a risk-averse holder (CRRA γ) at the variant's
  // mean share of stock (docs/model.md §6.5), and once, as it is the same stock on every variant's
  // paths, the chance that it loses more than half.
  const stock = [];
  if (out.kind === 'us') {
    out.comparison.scenarios.forEach((c, i) => {
      const e = c.employerStock;
      if (!e) return;
      const v = e.ceValuePerDollarAtMeanShare ?? e.ceValuePerDollar;
      const at = e.ceValuePerDollarAtMeanShare === null ? 'all wealth in the stock' : 'its mean share of ' + (100 * e.meanShareAtRetirement).toFixed(1) + ' %';
      stock.push({ metric: 'ceValuePerDollar', label: out.variants[i].label + ': certainty-equivalent value of $1 of company stock at ' + at + ' (γ = ' + out.comparison.gamma + ')', cells: [{ stat: 'ce', value: v, text: '$' + v.toFixed(3) }] });
    });
    const first = out.comparison.scenarios.find((c) => c.employerStock);
    if (first) stock.push({ metric: 'stockLosesHalf', label: 'P(company stock loses more than half by retirement), the same stock in every variant', cells: [{ stat: 'p', value: first.employerStock.probabilityStockLosesHalf, text: (100 * first.employerStock.probabilityStockLosesHalf).toFixed(1) + ' %' }] });
  }
  $('compare-table').replaceChildren(tableOf(out.variants[0].columns, rows.concat(paired, stock), "today's money"));
}

async function solveIt() {
  if (!state.scenario) return;
  const o = runOptions();
  const body = { scenario: state.scenario, field: $('solve-field').value, target: $('solve-target').value, seed: o.seed, paths: Math.min(o.paths || 4096, 20000) };
  const out = await job('Solve', '/api/solve', body, $('solve-errors'));
  if (!out) return;
  const el = $('solve-answer');
  el.hidden = false;
  el.dataset.reachable = String(out.reachable);
  el.dataset.value = out.value === null ? '' : String(out.value);
  const pct = (x) => (out.field === 'person.retirementAge' || out.field === 'payout.startAge' ? String(x) : +(x * 100).toFixed(2) + ' %');
  el.textContent = out.reachable
    ? $('solve-field').selectedOptions[0].textContent + ' ' + pct(out.value) + ' reaches ' + out.target + ' (' + out.metric.toFixed(4) + ')' + (out.stepWorse ? '; ' + pct(out.stepWorse.value) + ' does not (' + out.stepWorse.metric.toFixed(4) + ').' : '.') + ' ' + out.evaluations.length + ' runs on the same random numbers.'
    : 'Not reachable: ' + out.reason;
}

async function init() {
  if (token && history.replaceState) history.replaceState(null, '', location.pathname);
  document.getElementById('form').addEventListener('change', onFieldChange);
  $('with-folketrygd').addEventListener('change', (ev) => {
    if (!state.scenario) return;
    if (ev.target.checked) state.scenario.folketrygd = state.scenario.folketrygd || { delingstall: 19.16 };
    else delete state.scenario.folketrygd;
    markEdited();
    fillForm();
  });
  $('degree-kind').addEventListener('change', (ev) => {
    const d = state.scenario && state.scenario.disability;
    if (!d) return;
    const v = ev.target.value;
    d.degree = v === 'fixed' ? 1 : v === 'nav-2022' ? { kind: 'nav-2022' } : state.degreeTable;
    markEdited();
    fillForm();
  });
  $('group-fans').addEventListener('change', (ev) => {
    const d = state.scenario && state.scenario.disability;
    if (!d) return;
    if (ev.target.checked) d.groupFans = true;
    else delete d.groupFans;
    markEdited();
  });
  $('with-disability').addEventListener('change', (ev) => {
    if (!state.scenario) return;
    if (ev.target.checked) state.scenario.disability = state.scenario.disability || { incidence: { kind: 'nav-2012', scale: 1 }, degree: 1 };
    else delete state.scenario.disability;
    markEdited();
    fillForm();
  });
  $('load').addEventListener('click', () => loadBundled($('bundled').value));
  $('upload').addEventListener('change', (ev) => ev.target.files[0] && upload(ev.target.files[0]));
  $('run').addEventListener('click', run);
  $('cancel').addEventListener('click', () => state.running && state.running.abort());
  $('compare-run').addEventListener('click', compare);
  $('solve-run').addEventListener('click', solveIt);
  for (const r of document.querySelectorAll('input[name=amounts]')) r.addEventListener('change', changeAmounts);
  const r = await api('/api/scenarios');
  const list = await r.json();
  for (const s of list) $('bundled').appendChild(Object.assign(document.createElement('option'), { value: s.name, textContent: s.title }));
  if (list.some((s) => s.name === 'default')) $('bundled').value = 'default';
  // US scenarios are marked in the list, so an advisor sees which plan family each is.
  for (const opt of $('bundled').options) {
    const s = list.find((x) => x.name === opt.value);
    if (s && s.kind === 'us') opt.textContent = 'US · ' + s.title;
  }
  await loadBundled($('bundled').value);
  document.body.dataset.ready = 'true';
}

init();
