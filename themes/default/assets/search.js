/*
 * planpress site search: the search page's script.  It reads the index
 * planpress wrote beside the page (the folder in data-index: meta.json,
 * term files t/N.json, page files d/N.json; generator/render/search.h says
 * what they hold), loads only the term files of the words typed and the
 * page files of the results shown, and folds words as planpress did:
 * NFD, marks dropped, đ as d (as dd in codes such as I.2.đ), lower case.
 * Every page of a query's words is a result; a word in a title counts
 * most, then in a code or heading, then in the text.  Without this
 * script the page still lists every section and target.
 */
(() => {
  'use strict';
  const MARK = /\p{M}/u;
  const WORD = /[\p{L}\p{N}\p{M}]/u;
  const DIGIT = /\p{N}/u;
  const DSTROKE = new Set(['\u0110', '\u0111', '\u00d0', '\u00f0']);
  const WEIGHT = [0, 4, 16, 64];	/* text, code or heading, title */
  const EXACT = 1, PAIR = 2;	/* a whole word; two in a row in the title */
  const SHOW = 20;		/* results shown at a time */
  const TERM_MAX = 48;		/* bytes, as generator/render/search.h */
  const PREFIX_FILES = 8;	/* a last word loads at most these */
  const utf8 = new TextEncoder();

  function fold(s, code) {
    let out = '';
    for (const c of s.normalize('NFD')) {
      if (MARK.test(c)) continue;
      out += DSTROKE.has(c) ? (code ? 'dd' : 'd') : c.toLowerCase();
    }
    return out;
  }

  /* Runs of words joined by single dots: {start, end, parts, code}. */
  function runs(s) {
    const out = [];
    const at = (k) => String.fromCodePoint(s.codePointAt(k));
    let i = 0;
    while (i < s.length) {
      let c = at(i);
      if (!WORD.test(c)) { i += c.length; continue; }
      const start = i, parts = [];
      let end = i, from = i, digit = false;
      while (i < s.length) {
        c = at(i);
        if (WORD.test(c)) {
          digit = digit || DIGIT.test(c);
          i += c.length;
          end = i;
          continue;
        }
        if (c !== '.' || i + 1 >= s.length) break;
        const d = at(i + 1);
        if (!WORD.test(d) || MARK.test(d)) break;
        parts.push([from, i]);
        from = ++i;
      }
      parts.push([from, end]);
      out.push({ start, end, parts, code: parts.length > 1 && digit });
      i = end;
    }
    return out;
  }

  const fits = (t) => t.length > 0 && utf8.encode(t).length <= TERM_MAX;

  /* Every term of "s", as planpress indexes it: [term, code]. */
  function terms(s) {
    const out = [];
    for (const r of runs(s)) {
      for (const [a, b] of r.parts) {
        const t = fold(s.slice(a, b), false);
        if (fits(t)) out.push([t, false]);
      }
      const t = fold(s.slice(r.start, r.end), true);
      if (r.code && fits(t)) out.push([t, true]);
    }
    return out;
  }

  /*
   * The words of a query ({s, prefix}; a code is one word, the last may
   * be the start of a word) and its pairs of words in a row.
   */
  function query(q) {
    const words = [], pairs = [], seen = new Set();
    let prev = null, last = null;
    for (const r of runs(q)) {
      const ws = r.code ? [fold(q.slice(r.start, r.end), true)] :
        r.parts.map(([a, b]) => fold(q.slice(a, b), false));
      for (const w of ws.filter(fits)) {
        if (prev !== null && !r.code) pairs.push({ s: prev + ' ' + w, prefix: false });
        prev = r.code ? null : w;
        last = w;
        if (!seen.has(w)) words.push({ s: w, prefix: false });
        seen.add(w);
      }
    }
    const open = !/\s$/.test(q) && runs(q).length > 0;
    if (open && words.length) words.find((x) => x.s === last).prefix = true;
    if (open && pairs.length && prev !== null) pairs[pairs.length - 1].prefix = true;
    return { words, pairs };
  }

  window.planpressSearch = { fold, terms, query };

  const root = document.getElementById('search');
  if (!root) return;
  const $ = (id) => document.getElementById(id);
  const input = $('search-q'), status = $('search-status');
  const list = $('search-results'), more = $('search-more');
  const all = $('search-all');
  const base = new URL(root.dataset.index, document.baseURI);
  const files = new Map();
  /* The results of the last query, how many are shown, its words to mark. */
  let meta = null, keys = null, run = 0, found = [], shown = 0, marks = [];

  function load(name) {
    if (!files.has(name))
      files.set(name, fetch(new URL(name, base)).then((r) => {
        if (!r.ok) throw new Error(name);
        return r.json();
      }).catch((e) => {
        files.delete(name);	/* try again with the next query */
        throw e;
      }));
    return files.get(name);
  }

  const enc = (c) => /[a-z0-9]/.test(c) ? c :
    '_' + c.codePointAt(0).toString(16) + '_';
  const key = (cs, n) => cs.slice(0, n).map(enc).join('');

  /* The term files that may hold "t": its own, and longer keys' for a prefix. */
  function termFiles(t) {
    const cs = [...t.s], out = [];
    for (let n = Math.min(cs.length, meta.key_max); n > 0; n--)
      if (keys.has(key(cs, n))) { out.push(keys.get(key(cs, n))); break; }
    if (t.prefix && cs.length < meta.key_max) {
      const k = key(cs, cs.length);
      const longer = meta.keys.filter((x) => x.length > k.length && x.startsWith(k));
      if (longer.length <= PREFIX_FILES)
        for (const x of longer) out.push(keys.get(x));
    }
    return out;
  }

  /* Page number -> score of the term "t". */
  async function lookup(t) {
    const score = new Map();
    for (const n of termFiles(t)) {
      const file = await load('t/' + n + '.json');
      for (const w of t.prefix ? Object.keys(file) : [t.s]) {
        if (!Object.hasOwn(file, w) || !(w === t.s || (t.prefix && w.startsWith(t.s)))) continue;
        let doc = 0;
        for (const v of file[w]) {
          doc += v >> 2;
          const s = WEIGHT[v & 3] + (w === t.s ? EXACT : 0);
          if (!(score.get(doc) >= s)) score.set(doc, s);
        }
      }
    }
    return score;
  }

  async function search({ words, pairs }) {
    if (!words.length) return [];
    const scores = await Promise.all(words.map(lookup));
    const bonus = await Promise.all(pairs.map(lookup));
    const out = [];
    for (const [doc, s] of scores[0]) {
      let sum = s;
      for (const m of scores.slice(1)) {
        if (!m.has(doc)) { sum = -1; break; }
        sum += m.get(doc);
      }
      for (const m of bonus) if (sum >= 0 && m.has(doc)) sum += PAIR;
      if (sum >= 0) out.push([doc, sum]);
    }
    return out.sort((a, b) => b[1] - a[1] || a[0] - b[0]).map((x) => x[0]);
  }

  /* "text" into "el", each word of the query in <mark>. */
  function marked(el, text, ts) {
    const hit = (w, code) => ts.some((t) => (/\./.test(t.s) === code) &&
      (w === t.s || (t.prefix && w.startsWith(t.s))));
    const spans = [];
    for (const r of runs(text)) {
      if (r.code && hit(fold(text.slice(r.start, r.end), true), true))
        spans.push([r.start, r.end]);
      else
        for (const [a, b] of r.parts)
          if (hit(fold(text.slice(a, b), false), false)) spans.push([a, b]);
    }
    let at = 0;
    for (const [a, b] of spans) {
      el.append(text.slice(at, a));
      const m = document.createElement('mark');
      m.textContent = text.slice(a, b);
      el.append(m);
      at = b;
    }
    el.append(text.slice(at));
    return el;
  }

  function node(tag, cls) {
    const el = document.createElement(tag);
    el.className = cls;
    return el;
  }

  function item(row, ts) {
    const [url, title, section, code, snippet] = row;
    const li = node('li', 'search-result');
    const a = node('a', 'search-result__link');
    a.href = root.dataset.root + url;
    if (code) a.append(marked(node('span', 'code'), code, ts), ' ');
    marked(a, title, ts);
    li.append(node('h2', 'search-result__title'));
    li.firstChild.append(a);
    if (meta.sections[section]) {
      li.append(node('p', 'search-result__section'));
      li.lastChild.textContent = meta.sections[section];
    }
    if (snippet)
      li.append(marked(node('p', 'search-result__snippet'), snippet, ts));
    return li;
  }

  async function showMore(id) {
    const next = found.slice(shown, shown + SHOW);
    const rows = await Promise.all(next.map((d) =>
      load('d/' + Math.floor(d / meta.per) + '.json').then((f) => f[d % meta.per])));
    if (id !== run) return;
    for (const row of rows) list.append(item(row, marks));
    shown += next.length;
    more.hidden = shown >= found.length;
  }

  function say(text, n) {
    status.textContent = text.replace('{n}',
      new Intl.NumberFormat(document.documentElement.lang).format(n));
  }

  async function update() {
    const q = input.value, id = ++run;
    const u = new URL(location.href);
    if (q.trim()) u.searchParams.set('q', q);
    else u.searchParams.delete('q');
    history.replaceState(null, '', u);
    list.replaceChildren();
    list.hidden = more.hidden = true;
    if (all) all.hidden = false;
    if (!q.trim()) { status.textContent = ''; return; }
    say(root.dataset.loading, 0);
    try {
      if (!meta) {
        meta = await load('meta.json');
        keys = new Map(meta.keys.map((k, i) => [k, i]));
      }
      const parsed = query(q);
      const res = await search(parsed);
      if (id !== run) return;
      found = res;
      shown = 0;
      marks = parsed.words;	/* not the box's: it may have changed since */
      await showMore(id);
      if (id !== run) return;
      list.hidden = !found.length;
      if (all) all.hidden = found.length > 0;
      say(found.length ? root.dataset[found.length === 1 ? 'resultsOne' : 'resultsMany'] :
        root.dataset.none, found.length);
    } catch (e) {
      if (id === run) say(root.dataset.failed, 0);
    }
  }

  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  });
  input.form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    update();
  });
  more.addEventListener('click', () => {
    const first = list.children.length;
    showMore(run).then(() => {
      const a = list.children[first] && list.children[first].querySelector('a');
      if (a) a.focus();
    });
  });
  /* Arrow keys move between the box and the results. */
  root.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll('a')];
    const i = links.indexOf(document.activeElement);
    if (e.target === input && e.key === 'ArrowDown' && links.length) links[0].focus();
    else if (i >= 0) (e.key === 'ArrowDown' ? links[i + 1] || links[i] : links[i - 1] || input).focus();
    else return;
    e.preventDefault();
  });
  input.value = new URLSearchParams(location.search).get('q') || '';
  if (input.value) update();
})();
