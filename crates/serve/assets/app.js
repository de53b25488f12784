// rasd desk UI. Plain JS, no library. Every piece of data reaches the page through
// textContent or attribute setters (never innerHTML), so article text such as
// "<script>" shows as text.
'use strict';

const $main = document.getElementById('main');

function el(tag, attrs, ...kids) {
  const e = document.createElementNS(tag.startsWith('svg:') ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1999/xhtml',
    tag.replace(/^svg:/, ''));
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.setAttribute('class', v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, String(v));
  }
  for (const k of kids.flat()) {
    if (k === null || k === undefined || k === false) continue;
    e.appendChild(typeof k === 'object' ? k : document.createTextNode(String(k)));
  }
  return e;
}

async function api(path) {
  const r = await fetch(path);
  const body = await r.json().catch(() => ({ error: 'bad JSON from server' }));
  if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
  return body;
}

function show(...nodes) {
  $main.replaceChildren(...nodes.flat());
}

function fail(e) {
  show(el('p', { class: 'error' }, 'خطأ / error: ', e.message));
}

function route() {
  const h = location.hash.replace(/^#\/?/, '');
  const [path, qs] = h.split('?');
  return { parts: path.split('/').filter(Boolean), q: new URLSearchParams(qs || '') };
}

function go(path, q) {
  const s = q && [...q].filter(([, v]) => v !== '').length ? '?' + new URLSearchParams([...q].filter(([, v]) => v !== '')) : '';
  location.hash = '#/' + path + s;
}

const fmtToll = t => t ? (t.value === null ? t.approx : (t.approx && t.approx !== 'exact' ? t.value + ' (' + t.approx + ')' : String(t.value))) : '';
const names = ps => (ps || []).map(p => p.name).join('، ');
const when = ev => ev.time ? ev.time.value : (ev.published ? (ev.published.slice(0, 10) + ' (نشر)') : '');
const speakerOf = ev => ev.claim && ev.claim.speaker ? ev.claim.speaker.text : '';

function stanceTag(ev) {
  return ev.denied ? el('span', { class: 'tag denied' }, 'نفي / denied') : null;
}

function pager(page, onPage) {
  const from = page.total ? page.offset + 1 : 0;
  const to = page.offset + page.items.length;
  return el('div', { class: 'pager' },
    el('button', { class: 'secondary', disabled: page.offset === 0 ? 'disabled' : null, onclick: () => onPage(Math.max(0, page.offset - page.limit)) }, 'السابق'),
    el('span', { class: 'ltr' }, `${from}–${to} / ${page.total}`),
    el('button', { class: 'secondary', disabled: to >= page.total ? 'disabled' : null, onclick: () => onPage(page.offset + page.limit) }, 'التالي'));
}

// ---- events table -------------------------------------------------------
async function viewEvents(q) {
  const fields = [['type', 'النوع type'], ['actor', 'فاعل actor'], ['place', 'المكان place'], ['from', 'من from'], ['to', 'إلى to'], ['text', 'نص text']];
  const inputs = {};
  const form = el('form', { class: 'filters', id: 'event-filters', onsubmit: ev => {
    ev.preventDefault();
    const nq = new URLSearchParams();
    for (const [k] of fields) nq.set(k, inputs[k].value.trim());
    go('events', nq);
  } }, fields.map(([k, label]) => el('label', {}, label,
    inputs[k] = el('input', { name: k, value: q.get(k) || '', type: (k === 'from' || k === 'to') ? 'date' : 'text' }))),
  el('button', { type: 'submit' }, 'تصفية filter'));
  show(el('h1', {}, 'الأحداث / events'), form, el('p', { class: 'muted' }, '…'));
  const params = new URLSearchParams();
  for (const [k] of fields) if (q.get(k)) params.set(k, q.get(k));
  params.set('offset', q.get('offset') || '0');
  params.set('limit', '50');
  const page = await api('/api/events?' + params);
  const rows = page.items.map(ev => el('tr', { class: 'row', 'data-event': ev.id, onclick: () => go('event/' + ev.id) },
    el('td', { class: 'ltr' }, when(ev)),
    el('td', {}, el('span', { class: 'tag' }, ev.type), stanceTag(ev)),
    el('td', {}, names(ev.actors)),
    el('td', {}, names(ev.targets)),
    el('td', {}, ev.place ? ev.place.name : ''),
    el('td', {}, fmtToll(ev.fatalities)),
    el('td', {}, ev.outlet || ''),
    el('td', {}, speakerOf(ev)),
    el('td', {}, ev.incident ? el('a', { href: '#/incident/' + ev.incident, onclick: e => e.stopPropagation() }, '#' + ev.incident) : '')));
  const table = el('table', { id: 'events-table' },
    el('thead', {}, el('tr', {}, ['التاريخ date', 'النوع type', 'الفاعل actors', 'المستهدف targets', 'المكان place', 'قتلى killed', 'المصدر outlet', 'القائل speaker', 'واقعة incident'].map(t => el('th', {}, t)))),
    el('tbody', {}, rows));
  const onPage = off => { const nq = new URLSearchParams(q); nq.set('offset', off); go('events', nq); };
  show(el('h1', {}, 'الأحداث / events'), form, pager(page, onPage), table, pager(page, onPage));
}

// ---- article reading view --------------------------------------------------
function annotations(doc, focus) {
  const out = [];
  const add = (s, e, cls, why) => { if (Number.isInteger(s) && Number.isInteger(e) && e > s) out.push({ s, e, cls, why }); };
  for (const x of doc.entities || []) add(x.start, x.end, 'ent ent-' + x.type, `${x.type} ${x.ref || ''} — ${x.why || ''}`);
  for (const x of doc.times || []) add(x.start, x.end, 'time', `time ${x.value || '?'} (${x.grain}) — ${x.why || ''}`);
  for (const x of doc.quantities || []) add(x.start, x.end, 'qty', `quantity ${x.value ?? '?'} ${x.approx} — ${x.why || ''}`);
  for (const x of doc.claims || []) add(x.start, x.end, 'claim', `claim ${x.id} ${x.stance} «${x.cue}» — ${x.why || ''}`);
  for (const x of doc.events || []) {
    const t = x.trigger || {};
    add(t.start, t.end, 'trigger' + (focus && x.id === focus ? ' focus-trigger' : ''), `event ${x.id} ${x.type}${x.negated ? ' (negated)' : ''} — ${x.why || ''}`);
    if (focus && x.id === focus) {
      const s = (doc.sentences || [])[x.sentence];
      if (s) add(s[0], s[1], 'evidence', `evidence of ${x.id}`);
    }
  }
  return out;
}

function renderBody(doc, focus) {
  const chars = Array.from(doc.body || '');
  const anns = annotations(doc, focus);
  const cuts = new Set([0, chars.length]);
  for (const a of anns) { cuts.add(Math.min(a.s, chars.length)); cuts.add(Math.min(a.e, chars.length)); }
  const points = [...cuts].sort((a, b) => a - b);
  const box = el('div', { class: 'body', id: 'article-body', dir: 'rtl' });
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i], points[i + 1]];
    const text = chars.slice(s, e).join('');
    const cover = anns.filter(a => a.s <= s && a.e >= e);
    if (!cover.length) { box.appendChild(document.createTextNode(text)); continue; }
    box.appendChild(el('span', { class: cover.map(a => a.cls).join(' '), title: cover.map(a => a.why).join('\n') }, text));
  }
  return box;
}

async function viewArticle(id, focus) {
  const doc = await api('/api/articles/' + id);
  const ids = doc.event_ids || {};
  const evList = (doc.events || []).map(x => {
    const c = (doc.claims || []).find(c => c.id === x.claim);
    return el('div', { class: 'ev-item' + (x.id === focus ? ' focused' : ''), onclick: () => ids[x.id] && go('event/' + ids[x.id].id) },
      el('div', {}, el('span', { class: 'tag' }, x.type), x.negated ? el('span', { class: 'tag denied' }, 'negated') : null,
        ' ', (x.actors || []).map(k => (doc.refs[k] || {}).name || k).join('، '), ' → ', (x.targets || []).map(k => (doc.refs[k] || {}).name || k).join('، ')),
      el('div', { class: 'muted' }, x.place ? ((doc.refs[x.place] || {}).name || x.place) : '', ' ', x.time ? x.time.value : '', ' ', x.fatalities ? 'قتلى ' + fmtToll(x.fatalities) : ''),
      c ? el('div', { class: 'muted' }, 'يقول / says: ', c.speaker ? c.speaker.text : '?', c.via ? ' عبر ' + c.via.text : '', ' (', c.stance, ')') : null,
      ids[x.id] && ids[x.id].incident ? el('a', { href: '#/incident/' + ids[x.id].incident, onclick: e => e.stopPropagation() }, 'الواقعة #' + ids[x.id].incident) : null,
      el('div', { class: 'why' }, x.why || ''));
  });
  const legend = el('div', { class: 'legend' }, el('span', { class: 'ent ent-PER' }, 'شخص'), el('span', { class: 'ent ent-GROUP' }, 'جماعة'),
    el('span', { class: 'ent ent-GPE' }, 'مكان'), el('span', { class: 'time' }, 'زمن'), el('span', { class: 'qty' }, 'عدد'),
    el('span', { class: 'claim' }, 'تصريح'), el('span', { class: 'trigger' }, 'حدث'), el('span', { class: 'evidence' }, 'الدليل evidence'));
  show(el('h1', { id: 'article-title' }, doc.title || doc.id),
    el('p', { class: 'muted' }, doc.outlet || '—', ' · ', el('span', { class: 'ltr' }, doc.published || ''), ' · ',
      doc.url ? el('a', { href: doc.url, rel: 'noreferrer noopener', target: '_blank' }, 'المصدر source') : 'بلا رابط', ' · ', el('span', { class: 'ltr' }, doc.id)),
    el('div', { class: 'reader' },
      el('div', { class: 'card' }, legend, renderBody(doc, focus)),
      el('div', { class: 'card' }, el('h2', {}, 'الأحداث events (' + (doc.events || []).length + ')'), evList)));
  const ev = document.querySelector('.evidence');
  if (ev) ev.scrollIntoView({ block: 'center' });
}

async function viewEvent(id) {
  const ev = await api('/api/events/' + id);
  await viewArticle(ev.article, ev.vid);
}

// ---- incidents --------------------------------------------------------------
async function viewIncidents(q) {
  const params = new URLSearchParams({ offset: q.get('offset') || '0', limit: '50' });
  if (q.get('min_outlets')) params.set('min_outlets', q.get('min_outlets'));
  if (q.get('disputed')) params.set('disputed', 'true');
  const page = await api('/api/incidents?' + params);
  const rows = page.items.map(i => el('tr', { class: 'row', 'data-incident': i.id, onclick: () => go('incident/' + i.id) },
    el('td', {}, '#' + i.id), el('td', {}, el('span', { class: 'tag' }, i.type)), el('td', {}, i.place ? i.place.name : ''),
    el('td', { class: 'ltr' }, i.day_from || '', i.day_to && i.day_to !== i.day_from ? ' → ' + i.day_to : ''),
    el('td', {}, String(i.accounts.length)), el('td', {}, i.outlets.join('، ')),
    el('td', {}, i.fatalities ? (i.fatalities.min === i.fatalities.max ? String(i.fatalities.min) : i.fatalities.min + '–' + i.fatalities.max) : ''),
    el('td', {}, i.disagreements.map(d => el('span', { class: 'tag disagree' }, d.kind)))));
  const toggle = (k, v, label) => el('button', { class: q.get(k) ? '' : 'secondary', onclick: () => { const nq = new URLSearchParams(q); if (q.get(k)) nq.delete(k); else nq.set(k, v); nq.delete('offset'); go('incidents', nq); } }, label);
  const onPage = off => { const nq = new URLSearchParams(q); nq.set('offset', off); go('incidents', nq); };
  show(el('h1', {}, 'الوقائع / incidents'),
    el('div', { class: 'filters' }, toggle('min_outlets', '2', 'من مصدرين فأكثر / 2+ outlets'), toggle('disputed', '1', 'روايات متعارضة / disputed')),
    pager(page, onPage),
    el('table', { id: 'incidents-table' }, el('thead', {}, el('tr', {}, ['#', 'النوع type', 'المكان place', 'التاريخ date', 'روايات accounts', 'المصادر outlets', 'قتلى killed', 'خلاف disagreements'].map(t => el('th', {}, t)))),
      el('tbody', {}, rows)));
}

async function viewIncident(id) {
  const inc = await api('/api/incidents/' + id);
  const disputed = {};
  for (const d of inc.disagreements) for (const p of d.positions) for (const a of p.accounts) (disputed[a] = disputed[a] || new Set()).add(d.kind);
  const mark = (ev, kind) => disputed[ev.id] && disputed[ev.id].has(kind) ? 'disagree' : null;
  const kindsAr = { toll: 'عدد القتلى toll', injuries: 'الجرحى injuries', perpetrator: 'الفاعل perpetrator', cause: 'السبب cause', denial: 'نفي أم تأكيد denial' };
  const evById = Object.fromEntries(inc.events.map(e => [e.id, e]));
  const nameOf = {};
  for (const e of inc.events) for (const p of [...e.actors, ...e.targets]) nameOf[p.key] = p.name;
  const disList = inc.disagreements.length ? el('ul', { class: 'disagreements', id: 'disagreements' }, inc.disagreements.map(d => el('li', {},
    el('span', { class: 'tag disagree' }, kindsAr[d.kind] || d.kind), ' ',
    d.positions.map((p, i) => el('span', {}, i ? ' ⟷ ' : '', el('b', {}, d.kind === 'perpetrator' ? p.value.split(' + ').map(k => nameOf[k] || k).join(' + ') : p.value), ' (',
      p.accounts.map(a => evById[a] ? (evById[a].outlet || evById[a].article_id) : '#' + a).join('، '), ')')),
    el('span', { class: 'why' }, ' ', d.why)))) : el('p', { class: 'muted' }, 'لا خلاف بين الروايات / the accounts agree');
  const cols = Math.min(Math.max(inc.events.length, 1), 4);
  const accounts = el('div', { class: 'accounts', id: 'accounts', style: null }, inc.events.map(ev => el('div', { class: 'card account', 'data-account': ev.id },
    el('h3', {}, ev.outlet || ev.article_id, ' ', el('span', { class: 'muted ltr' }, (ev.published || '').slice(0, 10))),
    el('dl', {},
      el('dt', {}, 'النوع'), el('dd', { class: mark(ev, 'cause') }, ev.type),
      el('dt', {}, 'الفاعل'), el('dd', { class: mark(ev, 'perpetrator') }, names(ev.actors) || '—'),
      el('dt', {}, 'المستهدف'), el('dd', {}, names(ev.targets) || '—'),
      el('dt', {}, 'المكان'), el('dd', {}, ev.place ? ev.place.name : '—'),
      el('dt', {}, 'الزمن'), el('dd', { class: 'ltr' }, when(ev) || '—'),
      el('dt', {}, 'قتلى'), el('dd', { class: mark(ev, 'toll') }, fmtToll(ev.fatalities) || '—'),
      el('dt', {}, 'جرحى'), el('dd', { class: mark(ev, 'injuries') }, fmtToll(ev.injuries) || '—'),
      el('dt', {}, 'القائل'), el('dd', { class: mark(ev, 'denial') }, speakerOf(ev) || '—', ev.claim && ev.claim.via ? ' عبر ' + ev.claim.via.text : '', ' ', ev.denied ? el('span', { class: 'tag denied' }, 'ينفي denies') : el('span', { class: 'tag' }, 'يؤكد asserts'))),
    el('blockquote', {}, ev.evidence ? ev.evidence.text : ''),
    el('a', { href: '#/event/' + ev.id }, 'اقرأ المقال / read the article'),
    el('div', { class: 'why' }, ev.why))));
  accounts.style.gridTemplateColumns = `repeat(${cols}, minmax(0, 1fr))`;
  show(el('h1', { id: 'incident-title' }, 'الواقعة #' + inc.id + ' — ', inc.type, inc.place ? ' — ' + inc.place.name : ''),
    el('p', { class: 'muted' }, el('span', { class: 'ltr' }, inc.day_from || '', inc.day_to && inc.day_to !== inc.day_from ? ' → ' + inc.day_to : ''),
      ' · ', inc.events.length + ' روايات accounts · ', inc.outlets.length + ' مصادر outlets: ', inc.outlets.join('، ')),
    el('div', { class: 'card' }, el('h2', {}, 'الخلافات / disagreements'), disList),
    accounts);
}

// ---- articles ------------------------------------------------------------------
async function viewArticles(q) {
  const page = await api('/api/articles?' + new URLSearchParams({ offset: q.get('offset') || '0', limit: '50' }));
  const onPage = off => go('articles', new URLSearchParams({ offset: off }));
  show(el('h1', {}, 'المقالات / articles'), pager(page, onPage), el('table', {},
    el('thead', {}, el('tr', {}, ['العنوان title', 'المصدر outlet', 'التاريخ date', 'أحداث events'].map(t => el('th', {}, t)))),
    el('tbody', {}, page.items.map(a => el('tr', { class: 'row', onclick: () => go('article/' + a.id) },
      el('td', {}, a.title || a.doc_id), el('td', {}, a.outlet || ''), el('td', { class: 'ltr' }, (a.published || '').slice(0, 10)), el('td', {}, String(a.events)))))));
}

// ---- search --------------------------------------------------------------------
async function viewSearch(q) {
  const text = q.get('q') || '';
  document.getElementById('search-q').value = text;
  if (!text) return show(el('p', {}, 'اكتب كلمات للبحث'));
  const r = await api('/api/search?' + new URLSearchParams({ q: text, limit: '50' }));
  show(el('h1', {}, 'بحث: ', text, el('span', { class: 'muted' }, ' (' + r.total + ')')),
    r.items.map(h => {
      const chars = Array.from(h.snippet);
      const snip = el('p', { class: 'snippet' });
      let at = 0;
      for (const [s, e] of h.highlights) {
        if (s < at) continue;
        snip.appendChild(document.createTextNode(chars.slice(at, s).join('')));
        snip.appendChild(el('mark', {}, chars.slice(s, e).join('')));
        at = e;
      }
      snip.appendChild(document.createTextNode(chars.slice(at).join('')));
      return el('div', { class: 'card' }, el('a', { href: '#/article/' + h.id }, h.title || h.doc_id),
        el('div', { class: 'muted' }, h.outlet || '', ' ', el('span', { class: 'ltr' }, (h.published || '').slice(0, 10))), snip);
    }));
}

// ---- timeline --------------------------------------------------------------------
const palette = ['#c0392b', '#2471a3', '#229954', '#ca6f1e', '#7d3c98', '#17a589', '#b7950b', '#566573', '#a04000', '#1f618d'];

async function viewTimeline() {
  const t = await api('/api/timeline');
  if (!t.items.length) return show(el('h1', {}, 'الخط الزمني / timeline'), el('p', {}, 'لا أحداث مؤرخة'));
  const dayNum = d => Date.parse(d + 'T00:00:00Z') / 864e5;
  // The span holding the middle 96% of events, so one event dated decades back does
  // not squash the rest; the events outside are counted under the chart.
  const all = t.items.flatMap(i => Array(i.events).fill(dayNum(i.day))).sort((a, b) => a - b);
  const q = f => all[Math.min(all.length - 1, Math.floor(f * all.length))];
  const [d0, d1] = [q(0.02), q(0.98) + 1];
  const inside = t.items.filter(i => dayNum(i.day) >= d0 && dayNum(i.day) < d1);
  const outside = all.length - inside.reduce((a, i) => a + i.events, 0);
  const fams = [...new Set(inside.map(i => i.family))];
  const byDay = {};
  for (const i of inside) (byDay[i.day] = byDay[i.day] || []).push(i);
  const maxN = Math.max(...Object.values(byDay).map(v => v.reduce((a, b) => a + b.events, 0)));
  const W = 1100, H = 280, pad = 40;
  const x = d => pad + (d - d0) / (d1 - d0) * (W - 2 * pad);
  const bw = Math.max(2, (W - 2 * pad) / (d1 - d0) - 1);
  const svg = el('svg:svg', { viewBox: `0 0 ${W} ${H + 40}`, width: '100%', id: 'timeline', direction: 'ltr' });
  for (const [day, list] of Object.entries(byDay)) {
    let y = H;
    for (const i of list) {
      const h = i.events / maxN * (H - 20);
      y -= h;
      svg.appendChild(el('svg:rect', { x: x(dayNum(day)), y, width: bw, height: h, fill: palette[fams.indexOf(i.family) % palette.length],
        onclick: () => go('events', new URLSearchParams({ from: day, to: day, type: i.family })) },
        el('svg:title', {}, `${day} ${i.family}: ${i.events} events${i.fatalities_max ? ', up to ' + i.fatalities_max + ' killed' : ''}`)));
    }
  }
  svg.appendChild(el('svg:line', { x1: pad, x2: W - pad, y1: H, y2: H, stroke: '#888' }));
  const ticks = 6;
  for (let k = 0; k <= ticks; k++) {
    const d = d0 + (d1 - d0) * k / ticks;
    const label = new Date(d * 864e5).toISOString().slice(0, 10);
    svg.appendChild(el('svg:text', { x: x(d), y: H + 18, 'text-anchor': 'middle', 'font-size': 11 }, label));
  }
  const legend = el('div', { class: 'legend', dir: 'ltr' }, fams.map((f, i) => el('span', {}, el('svg:svg', { width: 10, height: 10 }, el('svg:rect', { width: 10, height: 10, fill: palette[i % palette.length] })), ' ', f)));
  show(el('h1', {}, 'الخط الزمني / timeline'), el('div', { class: 'chart-wrap' }, svg), legend,
    outside ? el('p', { class: 'muted' }, `${outside} events dated outside the shown span (${new Date(d0 * 864e5).toISOString().slice(0, 10)} – ${new Date((d1 - 1) * 864e5).toISOString().slice(0, 10)})`) : null);
}

// ---- map -------------------------------------------------------------------------
let worldCache = null;
async function viewMap() {
  const [world, places] = await Promise.all([worldCache || (await fetch('/assets/world.json')).json(), api('/api/places?limit=500')]);
  worldCache = world;
  const pts = places.items.filter(p => p.events > 0);
  const shown = pts.length ? pts : places.items;
  let [lo0, lo1, la0, la1] = [-180, 180, -60, 80];
  if (shown.length) {
    lo0 = Math.min(...shown.map(p => p.lon)) - 4; lo1 = Math.max(...shown.map(p => p.lon)) + 4;
    la0 = Math.min(...shown.map(p => p.lat)) - 3; la1 = Math.max(...shown.map(p => p.lat)) + 3;
  }
  const W = 1000, H = 600;
  const k = Math.min(W / (lo1 - lo0), H / (la1 - la0));
  const cx = (lo0 + lo1) / 2, cy = (la0 + la1) / 2;
  const px = lon => W / 2 + (lon - cx) * k, py = lat => H / 2 - (lat - cy) * k;
  const svg = el('svg:svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', id: 'map', direction: 'ltr' });
  for (const c of world.countries) {
    // A ring crossing the antimeridian (Russia, Fiji, Antarctica) restarts its path
    // there instead of drawing a line across the whole map.
    const d = c.rings.map(r => r.map(([lo, la], i) => (i === 0 || Math.abs(lo - r[i - 1][0]) > 180 ? 'M' : 'L') +
      px(lo).toFixed(1) + ',' + py(la).toFixed(1)).join('')).join('');
    svg.appendChild(el('svg:path', { d, class: 'country' }, el('svg:title', {}, c.name)));
  }
  const maxE = Math.max(1, ...shown.map(p => p.events));
  for (const p of shown) {
    svg.appendChild(el('svg:circle', { cx: px(p.lon), cy: py(p.lat), r: 4 + 14 * Math.sqrt(p.events / maxE), class: 'dot',
      onclick: () => go('events', new URLSearchParams({ place: p.key })) }, el('svg:title', {}, `${p.name}${p.name_en ? ' / ' + p.name_en : ''}: ${p.events} events`)));
  }
  show(el('h1', {}, 'الخريطة / map'), el('div', { class: 'map-wrap' }, svg),
    el('p', { class: 'muted' }, 'الدوائر: أماكن الأحداث (اضغط للأحداث) — circles: event places; boundaries: Natural Earth 1:110m'));
}

// ---- actor graph -----------------------------------------------------------------
const relColor = { attacks: '#c0392b', backs: '#229954', accuses: '#ca6f1e', meets: '#2471a3', opposes: '#7d3c98', protests: '#b7950b', acts: '#566573' };

async function viewGraph() {
  const g = await api('/api/graph');
  const W = 1000, H = 640;
  // The 50 most connected parties: a legible graph rather than a hairball.
  const nodes = [...g.nodes].sort((a, b) => b.degree - a.degree).slice(0, 50);
  const idx = Object.fromEntries(nodes.map((n, i) => [n.key, i]));
  const edges = g.edges.filter(e => e.source in idx && e.target in idx);
  const P = nodes.map((n, i) => ({ x: W / 2 + 200 * Math.cos(2 * Math.PI * i / nodes.length), y: H / 2 + 200 * Math.sin(2 * Math.PI * i / nodes.length) }));
  // Fruchterman–Reingold: repulsion k²/d between all nodes, attraction d²/k along
  // edges, moves capped by a cooling temperature.
  const k = 0.7 * Math.sqrt(W * H / Math.max(1, nodes.length));
  let temp = W / 8;
  for (let it = 0; it < 300; it++) {
    const D = P.map(() => ({ x: 0, y: 0 }));
    for (let a = 0; a < P.length; a++) for (let b = a + 1; b < P.length; b++) {
      const dx = P[a].x - P[b].x, dy = P[a].y - P[b].y, d = Math.max(1, Math.hypot(dx, dy)), f = k * k / d;
      D[a].x += dx / d * f; D[a].y += dy / d * f; D[b].x -= dx / d * f; D[b].y -= dy / d * f;
    }
    for (const e of edges) {
      const ia = idx[e.source], ib = idx[e.target], dx = P[ia].x - P[ib].x, dy = P[ia].y - P[ib].y;
      const d = Math.max(1, Math.hypot(dx, dy)), f = d * d / k;
      D[ia].x -= dx / d * f; D[ia].y -= dy / d * f; D[ib].x += dx / d * f; D[ib].y += dy / d * f;
    }
    P.forEach((p, i) => {
      const len = Math.max(1e-6, Math.hypot(D[i].x, D[i].y)), step = Math.min(len, temp);
      p.x = Math.min(W - 60, Math.max(30, p.x + D[i].x / len * step));
      p.y = Math.min(H - 20, Math.max(20, p.y + D[i].y / len * step));
    });
    temp = Math.max(1, temp * 0.985);
  }
  const svg = el('svg:svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', id: 'graph', direction: 'ltr' });
  const defs = el('svg:defs', {});
  for (const [rel, c] of Object.entries(relColor)) defs.appendChild(el('svg:marker', { id: 'arrow-' + rel, viewBox: '0 0 10 10', refX: 16, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto' }, el('svg:path', { d: 'M0,0L10,5L0,10Z', fill: c })));
  svg.appendChild(defs);
  for (const e of edges) {
    const a = P[idx[e.source]], b = P[idx[e.target]];
    svg.appendChild(el('svg:line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: 'edge', stroke: relColor[e.relation] || '#999', 'stroke-width': 1 + Math.log2(e.count), 'marker-end': `url(#arrow-${e.relation in relColor ? e.relation : 'acts'})` },
      el('svg:title', {}, `${e.source} → ${e.target}: ${e.relation} (${Object.entries(e.types).map(([k, v]) => k + ' ' + v).join(', ')})`)));
  }
  nodes.forEach((n, i) => svg.appendChild(el('svg:g', { class: 'node', transform: `translate(${P[i].x},${P[i].y})`, onclick: () => go('events', new URLSearchParams({ actor: n.key })) },
    el('svg:circle', { r: 4 + Math.min(14, Math.sqrt(n.degree) * 1.5) }), el('svg:text', { x: 8, y: 4 }, n.name), el('svg:title', {}, `${n.name} (${n.key}): ${n.degree}`))));
  const legend = el('div', { class: 'legend', dir: 'ltr' }, Object.entries(relColor).map(([r, c]) => el('span', {}, el('svg:svg', { width: 18, height: 8 }, el('svg:line', { x1: 0, y1: 4, x2: 18, y2: 4, stroke: c, 'stroke-width': 3 })), ' ', r)));
  show(el('h1', {}, 'الفاعلون / actor graph'), legend, el('div', { class: 'graph-wrap' }, svg),
    el('p', { class: 'muted' }, edges.length ? 'من يهاجم من، ومن يدعم، ومن يتهم، ومن يلتقي — who attacks, backs, accuses, meets whom' : 'لا علاقات بعد / no actor–target pairs yet'));
}

// ---- dispatch --------------------------------------------------------------------
async function render() {
  const { parts, q } = route();
  const top = parts[0] || 'events';
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.nav === top);
  try {
    if (top === 'events') await viewEvents(q);
    else if (top === 'event' && parts[1]) await viewEvent(parts[1]);
    else if (top === 'article' && parts[1]) await viewArticle(parts[1], q.get('ev'));
    else if (top === 'articles') await viewArticles(q);
    else if (top === 'incidents') await viewIncidents(q);
    else if (top === 'incident' && parts[1]) await viewIncident(parts[1]);
    else if (top === 'timeline') await viewTimeline();
    else if (top === 'map') await viewMap();
    else if (top === 'graph') await viewGraph();
    else if (top === 'search') await viewSearch(q);
    else show(el('p', {}, 'صفحة غير موجودة / no such page'));
  } catch (e) { fail(e); }
  document.body.dataset.ready = location.hash;
}

document.getElementById('search-form').addEventListener('submit', ev => {
  ev.preventDefault();
  go('search', new URLSearchParams({ q: document.getElementById('search-q').value }));
});
window.addEventListener('hashchange', render);
api('/api/stats').then(s => {
  document.getElementById('stats').textContent = `${s.articles} articles · ${s.events} events · ${s.incidents} incidents (${s.multi_outlet_incidents} multi-outlet)`;
}).catch(() => {});
render();
