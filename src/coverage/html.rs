//! The coverage report as one self-contained HTML page: no network, inline CSS and script.
//! The data is the report's JSON, embedded; the script renders a table per chapter, each rule
//! linked to the rendered spec, sortable by any column (click its heading) and filtered by a
//! text box and a choice of all / applied / never applied rules.
//!
//! The URL fragment sets the same state, for links and for tests driving a headless
//! browser: `#sort=COLUMN[:desc]&filter=TEXT&only=applied|never` (COLUMN is `id`, `kind`,
//! `section`, `applied` or `refused`). Once rendered, `<body data-ready="1">`.

use super::report::Coverage;

/// The page.
pub fn page(coverage: &Coverage) -> String {
    let data = coverage.to_json().to_string().replace("</", "<\\/");
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n\
         <title>lockstep: rule coverage</title>\n<style>{STYLE}</style></head>\n\
         <body><h1>Rule coverage</h1><p id=\"sources\"></p>\n\
         <p><label>Filter <input id=\"filter\" type=\"search\" placeholder=\"rule, kind or section\"></label>\n\
         <select id=\"only\"><option value=\"\">all rules</option><option value=\"applied\">applied</option>\
         <option value=\"never\">never applied</option></select></p>\n\
         <main id=\"chapters\"></main>\n\
         <script type=\"application/json\" id=\"data\">{data}</script>\n<script>{SCRIPT}</script>\n\
         </body></html>\n"
    )
}

const STYLE: &str = "body{font:14px system-ui,sans-serif;margin:2em;color:#222}\
table{border-collapse:collapse;margin-bottom:2em;min-width:60%}\
th,td{border-bottom:1px solid #ddd;padding:2px 8px;text-align:left}\
th{cursor:pointer;background:#f4f4f4;user-select:none}th[aria-sort]:after{content:' \\2195'}\
td.n{text-align:right;font-variant-numeric:tabular-nums}tr.never td{background:#fff0f0}\
.bar{display:inline-block;height:8px;background:#4a8;margin-left:8px}";

const SCRIPT: &str = r#"
const data = JSON.parse(document.getElementById('data').textContent);
const cols = ['id', 'kind', 'section', 'applied', 'refused'];
const state = {sort: null, desc: false, filter: '', only: ''};
const s = data.sources;
document.getElementById('sources').textContent =
  `${s.scripts} scripts (${s.passed} commands passed, ${s.failed} failed, ${s.skipped} skipped), ` +
  `${s.corpus_files} corpus files (${s.corpus_modules} modules, ${s.invocations} invocations)`;
function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}
const main = document.getElementById('chapters');
for (const c of data.chapters) {
  const sec = el('section', {id: 'chapter-' + c.chapter});
  const h = el('h2', {}, `Chapter ${c.chapter}: ${c.title} · `);
  h.append(el('span', {class: 'summary', 'data-exercised': c.exercised, 'data-rules': c.rules},
    `${c.exercised} of ${c.rules} rules (${c.percent}%)`));
  h.append(el('span', {class: 'bar', style: `width:${2 * c.percent}px`}));
  sec.append(h);
  const table = el('table', {'data-chapter': c.chapter});
  const tr = el('tr');
  for (const col of cols) {
    const th = el('th', {'data-col': col, 'aria-sort': 'none'}, col);
    th.onclick = () => { sortBy(col, state.sort === col ? !state.desc : col === 'applied' || col === 'refused'); };
    tr.append(th);
  }
  const thead = el('thead'); thead.append(tr); table.append(thead);
  const body = el('tbody');
  for (const r of data.rules.filter(r => r.chapter === c.chapter)) {
    const row = el('tr', {'data-id': r.id, 'data-applied': r.applied, 'data-refused': r.refused,
      class: r.applied + r.refused > 0 ? 'hit' : 'never'});
    const a = el('td'); a.append(r.url ? el('a', {href: r.url}, r.id) : document.createTextNode(r.id));
    row.append(a, el('td', {}, r.kind), el('td', {}, r.section || ''),
      el('td', {class: 'n'}, String(r.applied)), el('td', {class: 'n'}, String(r.refused)));
    body.append(row);
  }
  table.append(body);
  sec.append(table);
  main.append(sec);
}
function key(row, col) {
  const i = cols.indexOf(col);
  return col === 'applied' || col === 'refused' ? Number(row.dataset[col]) : row.cells[i].textContent;
}
function sortBy(col, desc) {
  state.sort = col; state.desc = desc;
  for (const table of document.querySelectorAll('table')) {
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
    rows.sort((a, b) => {
      const x = key(a, col), y = key(b, col);
      const d = x < y ? -1 : x > y ? 1 : 0;
      return desc ? -d : d;
    });
    body.append(...rows);
    for (const th of table.tHead.rows[0].cells)
      th.setAttribute('aria-sort', th.dataset.col === col ? (desc ? 'descending' : 'ascending') : 'none');
  }
}
function apply() {
  const f = state.filter.toLowerCase();
  for (const row of document.querySelectorAll('tbody tr')) {
    const text = Array.from(row.cells).slice(0, 3).map(c => c.textContent.toLowerCase()).join(' ');
    const hit = row.classList.contains('hit');
    row.hidden = !text.includes(f) || (state.only === 'applied' && !hit) || (state.only === 'never' && hit);
  }
}
const filter = document.getElementById('filter'), only = document.getElementById('only');
filter.oninput = () => { state.filter = filter.value; apply(); };
only.onchange = () => { state.only = only.value; apply(); };
const frag = new URLSearchParams(location.hash.slice(1));
if (frag.get('sort')) { const [col, dir] = frag.get('sort').split(':'); sortBy(col, dir === 'desc'); }
state.filter = filter.value = frag.get('filter') || '';
state.only = only.value = frag.get('only') || '';
apply();
document.body.dataset.ready = '1';
"#;
