// The built default site in a real browser, as a citizen on a phone sees
// it: Debian's Chromium driven by playwright-core, axe-core for WCAG.
//   node tests/checks/browser.mjs SITE BASE_URL
//
// SITE was built with --base-url BASE_URL (an address under a sub-path,
// such as https://example.gov.vn/ke-hoach/).  A small HTTP server serves
// SITE at that sub-path on 127.0.0.1, with 404.html for a missing file, as
// a real web server would; nothing is served outside the sub-path.
//
// One page of each type is opened: the home page, a section, a content
// page, one with charts (data views), an area page, a unit page, the units index, the targets index,
// a target page of each status the site has (no data included), the
// methodology, the about page, the API page, the data catalog, a dataset
// and the 404 page.  They are found by the class layout-NAME on <body>
// and, for targets, areas and units, by the site's own API.  At 320, 375
// and 1280 px wide, each page must have
//   - no axe-core violation of WCAG 2.1 A and AA (each is printed),
//   - no sideways scroll (WCAG 1.4.10 reflow): scrollWidth <= innerWidth,
//   - no request to another host (the site's own BASE_URL, which the 404
//     page links to by absolute address, is answered from SITE),
//   - every region that scrolls focusable, with a role and a name,
//   - an h1 larger than any h2,
//   - at most one sample-data notice,
//   - no target or unit id in its text where a name exists (all but the
//     API and data pages, which show the codes on purpose),
// and at 375 px (and 812 px high)
//   - the header with its menu at most 15% of the screen high,
//   - on the home page the status counts, on a target page its status and
//     latest figure, starting on the first screen,
//   - chart text at least 12 CSS px high, and no two texts of a chart
//     overlapping (also at 320 and 1280),
//   - HTML + CSS + JS under 50 KB gzip-compressed.
// In print, a target page fits on one page and shows its address, status,
// date and chart; the targets index prints as one table; menus and other
// interactive parts are hidden.  The menu opens from its button on a
// phone and is a bar of links on a wide screen; every status count of
// the home page leads to the targets index showing only the targets of
// that status, as many as it counts, and an area's link there jumps to
// that area's targets.
//
// Prints "FAIL: PAGE @ WIDTH: why" for each problem, a line per page with
// its compressed weight, then
//   RESULT: <checks passed> <checks failed> 0 browser
// and exits 1 when a check failed.  CHROMIUM overrides /usr/bin/chromium.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';

const NAME = 'browser';
const WIDTHS = [320, 375, 1280];
const PHONE = { width: 375, height: 812 };
const HEADER_SHARE = 0.15;
const MIN_CHART_PX = 12;
const MAX_WEIGHT = 50 * 1024;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let passed = 0;
let failed = 0;

function bail(msg) {
  console.log(`${NAME}: ${msg}`);
  console.log(`RESULT: 0 1 0 ${NAME}`);
  process.exit(1);
}

function check(ok, where, why) {
  if (ok) passed++;
  else {
    failed++;
    console.log(`FAIL: ${where}: ${why}`);
  }
  return ok;
}

const [site, baseArg] = process.argv.slice(2);
if (!site || !baseArg) bail('usage: node tests/checks/browser.mjs SITE BASE_URL');
if (!fs.existsSync(path.join(site, 'index.html'))) bail(`${site}/index.html not found`);
let base;
try {
  base = new URL(baseArg.endsWith('/') ? baseArg : `${baseArg}/`);
} catch {
  bail(`not a URL: ${baseArg}`);
}
const prefix = base.pathname;

const require = createRequire(import.meta.url);
let chromium;
let axeSource;
try {
  ({ chromium } = require('playwright-core'));
  axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
} catch (e) {
  bail(`playwright-core or axe-core missing (cd tests && npm ci): ${e.message}`);
}

// -------------------------------------------------------------- server

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
};

const root = path.resolve(site);

// What the server answers for a path below the sub-path: a file of SITE,
// else 404.html with status 404.
function resolve(rel) {
  let file = path.join(root, rel);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (fs.statSync(file).isFile())
      return { status: 200, file, type: TYPES[path.extname(file)] || 'application/octet-stream' };
  } catch {
    /* not found */
  }
  return { status: 404, file: path.join(root, '404.html'), type: TYPES['.html'] };
}

const server = http.createServer((req, res) => {
  let p;
  try {
    p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const r = p.startsWith(prefix) ? resolve(p.slice(prefix.length)) : null;
  if (!r) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(r.status, { 'Content-Type': r.type });
  fs.createReadStream(r.file).pipe(res);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;
const local = (rel) => `${origin}${prefix}${rel}`;

// --------------------------------------------------------------- pages

// The path below BASE_URL of an absolute address of the site.
function relOf(url) {
  return url.startsWith(base.href) ? url.slice(base.href.length) : null;
}

function readJson(rel) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8'));
  } catch (e) {
    bail(`${rel}: ${e.message}`);
  }
}

// The editions in other languages: folders LANG/ at the root whose home
// page is in that language.
const langOf = (file) => {
  try {
    return /<html lang="([^"]+)"/.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? null;
  } catch {
    return null;
  }
};
const editions = fs.readdirSync(root, { withFileTypes: true })
  .filter((e) => e.isDirectory() && langOf(path.join(root, e.name, 'index.html')) === e.name)
  .map((e) => e.name);

// Every page of SITE (not of its editions) by the layout named on its
// <body>, in path order.
function byLayout() {
  const out = new Map();
  const walk = (dir, rel) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory() && rel === '' && editions.includes(e.name)) continue;
      if (e.isDirectory()) walk(path.join(dir, e.name), `${rel}${e.name}/`);
      else if (e.name === 'index.html') {
        const html = fs.readFileSync(path.join(dir, e.name), 'utf8');
        const m = /<body class="[^"]*\blayout-([a-z0-9-]+)/.exec(html);
        if (!m) continue;
        if (!out.has(m[1])) out.set(m[1], []);
        out.get(m[1]).push(rel);
      }
    }
  };
  walk(root, '');
  return out;
}

const layouts = byLayout();
const api = readJson('api/indicators.json');
const areas = readJson('api/areas.json').areas || [];
const units = readJson('api/units.json').units || [];
const areaPaths = new Set(areas.map((a) => relOf(a.url)));

const pages = [];
function add(type, rel, extra = {}) {
  if (rel === null || rel === undefined) {
    check(false, type, 'no such page in the site');
    return;
  }
  pages.push({ type, rel, ...extra });
}
const first = (name, skip = () => false) => (layouts.get(name) || []).find((r) => !skip(r));

add('home', first('home'));
add('section', first('section'));
add('content page', first('page', (r) => areaPaths.has(r)));
const withCharts = (r) => fs.readFileSync(path.join(root, r, 'index.html'), 'utf8').includes('class="chart-svg"');
add('content page with charts', first('page', (r) => areaPaths.has(r) || !withCharts(r)));
add('area page', areas.length ? relOf(areas[0].url) : null);
add('unit page', units.length ? relOf(units[0].url) : null);
add('units index', first('units'));
add('targets index', first('indicators'), { report: true });
const statuses = new Map();
for (const ind of api.indicators || [])
  if (!statuses.has(ind.status)) statuses.set(ind.status, ind);
if (!statuses.has('no-data')) check(false, 'targets', 'no target without data to test');
for (const [status, ind] of [...statuses].sort())
  add(`target (${status})`, relOf(ind.url), { target: true });
const charted = (api.indicators || []).find((i) => i.kind === 'value' && i.value !== null);
if (charted && ![...statuses.values()].includes(charted))
  add(`target with a chart (${charted.status})`, relOf(charted.url), { target: true });
add('methodology', first('methodology'));
add('about page', first('about'));
add('api page', first('api'), { codes: true });
add('datasets index', first('datasets'), { codes: true });
add('dataset page', first('dataset'), { codes: true });
add('404 page', 'khong-co-trang-nay/', { status: 404 });
// The same kinds of page in each edition.
for (const lang of editions) {
  for (const p of pages.filter((q) => ['home', 'content page', 'area page', 'unit page', 'targets index'].includes(q.type) ||
      (q.target && q.type.startsWith('target ('))).slice())
    add(`${lang}: ${p.type}`, `${lang}/${p.rel}`, { edition: lang, target: p.target, report: p.report });
}

// The ids of targets and units, which only the API, the data and URLs
// show: as whole words ("I.1.dd", "stttt"), not inside a longer code.
const ids = [...(api.indicators || []).map((i) => i.id), ...units.map((u) => u.id)];
const idPattern = ids.length
  ? new RegExp(`(?:^|[^\\p{L}\\p{N}._-])(${ids.map((i) => i.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?=$|[^\\p{L}\\p{N}._-])`, 'u')
  : null;

// ------------------------------------------------------------- in page

// Runs in the page: every problem of the layout at this width.
function measure({ phone, minPx, idSource }) {
  const r = { problems: [], chartMin: Infinity };
  const notices = [...document.querySelectorAll('.notice--sample')].filter((n) => n.getBoundingClientRect().height > 0);
  if (notices.length > 1) r.problems.push(`${notices.length} sample-data notices`);
  if (idSource) {
    const text = document.body.innerText.replace(/\S+:\/\/\S*/g, ' ');	// addresses may hold codes
    const m = new RegExp(idSource, 'u').exec(text);
    if (m) r.problems.push(`shows the internal code "${m[1]}"`);
  }
  const doc = document.documentElement;
  const visible = (el) => {
    const s = getComputedStyle(el);
    const b = el.getBoundingClientRect();
    return s.display !== 'none' && s.visibility !== 'hidden' && b.width > 0 && b.height > 0;
  };
  const label = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    if (el.className && typeof el.className === 'string') s += `.${el.className.trim().split(/\s+/).join('.')}`;
    return s;
  };
  r.scrollWidth = doc.scrollWidth;
  r.innerWidth = innerWidth;
  if (doc.scrollWidth > innerWidth) {
    // The elements that stick out on the right, outermost first.
    const wide = [...document.body.querySelectorAll('*')].filter(
      (el) => el.getBoundingClientRect().right > innerWidth + 0.5 && visible(el)
    );
    const outer = wide.filter((el) => !wide.includes(el.parentElement));
    r.wide = outer.slice(0, 4).map((el) => `${label(el)} (right ${Math.round(el.getBoundingClientRect().right)})`);
  }
  for (const el of document.body.querySelectorAll('*')) {
    const s = getComputedStyle(el);
    const sx = /auto|scroll/.test(s.overflowX) && el.scrollWidth > el.clientWidth + 1;
    const sy = /auto|scroll/.test(s.overflowY) && el.scrollHeight > el.clientHeight + 1;
    if ((!sx && !sy) || !visible(el)) continue;
    let name = el.getAttribute('aria-label') || '';
    for (const id of (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean))
      name += document.getElementById(id)?.textContent || '';
    const miss = [];
    if (el.tabIndex < 0) miss.push('not focusable');
    if (!el.getAttribute('role')) miss.push('no role');
    if (!name.trim()) miss.push('no name');
    if (miss.length) r.problems.push(`scrolling ${label(el)}: ${miss.join(', ')}`);
  }
  const size = (el) => parseFloat(getComputedStyle(el).fontSize);
  const h1 = [...document.querySelectorAll('h1')].filter(visible);
  if (h1.length !== 1) r.problems.push(`${h1.length} visible h1`);
  for (const h2 of [...document.querySelectorAll('h2')].filter(visible))
    if (h1.length && size(h2) >= size(h1[0]))
      r.problems.push(`h2 "${h2.textContent.trim().slice(0, 40)}" (${size(h2)}px) not smaller than h1 (${size(h1[0])}px)`);
  for (const svg of document.querySelectorAll('main svg')) {
    if (!visible(svg)) continue;
    const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim() && visible(t));
    const boxes = texts.map((t) => t.getBoundingClientRect());
    texts.forEach((t, i) => {
      const m = t.getScreenCTM();
      const px = size(t) * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
      r.chartMin = Math.min(r.chartMin, px);
      if (phone && px < minPx - 0.01)
        r.problems.push(`chart text "${t.textContent.trim().slice(0, 30)}" is ${px.toFixed(1)}px`);
      for (let j = 0; j < i; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const ix = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const iy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (ix > 1 && iy > 1)
          r.problems.push(`chart texts overlap: "${texts[j].textContent.trim().slice(0, 30)}" and "${t.textContent.trim().slice(0, 30)}"`);
      }
      if (/…$/.test(t.textContent.trim())) r.problems.push(`chart text cut short: "${t.textContent.trim()}"`);
    });
  }
  if (phone) {
    const header = document.querySelector('header');
    r.header = header ? header.getBoundingClientRect().height : 0;
    const top = (sel) => {
      const el = document.querySelector(sel);
      return el && visible(el) ? el.getBoundingClientRect().top + scrollY : null;
    };
    r.tops = {
      counts: top('.status-counts'),
      status: top('.indicator-facts__row--status'),
      latest: top('.indicator-facts__row--latest'),
    };
  }
  return r;
}

// ------------------------------------------------------------- browser

const browser = await chromium
  .launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  .catch((e) => bail(`cannot start Chromium: ${e.message}`));
// No smooth scrolling, so a jump link lands at once.
const context = await browser.newContext({ deviceScaleFactor: 1, reducedMotion: 'reduce' });
let foreign = [];
await context.route('**/*', async (route) => {
  const u = route.request().url();
  if (u.startsWith(`${origin}/`) || u.startsWith('data:')) return route.continue();
  const rel = relOf(u.split('#')[0]);
  if (rel !== null) {
    const r = resolve(decodeURIComponent(new URL(u).pathname.slice(prefix.length)));
    return route.fulfill({ status: r.status, contentType: r.type, body: fs.readFileSync(r.file) });
  }
  foreign.push(u);
  return route.abort();
});

const weights = [];

async function visit(pg, p, width) {
  const where = `${p.type} /${p.rel} @ ${width}`;
  const phone = width === PHONE.width;
  foreign = [];
  const sizes = new Map();
  const onResponse = async (resp) => {
    const type = resp.headers()['content-type'] || '';
    if (!/text\/html|text\/css|javascript/.test(type)) return;
    try {
      sizes.set(resp.url(), zlib.gzipSync(await resp.body()).length);
    } catch {
      /* a redirect has no body */
    }
  };
  pg.on('response', onResponse);
  await pg.setViewportSize(phone ? PHONE : { width, height: 900 });
  const resp = await pg.goto(local(p.rel), { waitUntil: 'load' });
  pg.off('response', onResponse);
  check(resp && resp.status() === (p.status || 200), where, `HTTP ${resp ? resp.status() : 'none'}`);
  check(foreign.length === 0, where, `requests to another host: ${foreign.join(' ')}`);

  const m = await pg.evaluate(measure, { phone, minPx: MIN_CHART_PX, idSource: !p.codes && idPattern ? idPattern.source : null });
  check(m.scrollWidth <= m.innerWidth, where, `scrolls sideways: ${m.scrollWidth} > ${m.innerWidth} px: ${(m.wide || []).join(', ')}`);
  check(m.problems.length === 0, where, m.problems.join('; '));
  if (phone) {
    const limit = PHONE.height * HEADER_SHARE;
    check(m.header > 0 && m.header <= limit, where, `header and menu ${m.header.toFixed(0)} px high (at most ${limit.toFixed(0)})`);
    const firstScreen = (key, what) => {
      const t = m.tops[key];
      check(t !== null && t < PHONE.height, where, t === null ? `no ${what}` : `${what} starts at ${t.toFixed(0)} px, below the first screen`);
    };
    if (p.type === 'home') firstScreen('counts', 'status counts');
    if (p.target) {
      firstScreen('status', 'status');
      firstScreen('latest', 'latest figure');
    }
    let total = 0;
    for (const n of sizes.values()) total += n;
    const tops = Object.entries(m.tops).filter(([, v]) => v !== null).map(([k, v]) => `${k} at ${Math.round(v)} px`);
    weights.push(`${p.type} /${p.rel}: ${(total / 1024).toFixed(1)} KB compressed; at 375: header ${Math.round(m.header)} px${tops.length ? `, ${tops.join(', ')}` : ''}${m.chartMin < Infinity ? `, chart text from ${m.chartMin.toFixed(1)} px` : ''}`);
    check(total > 0 && total < MAX_WEIGHT, where, `HTML + CSS + JS ${(total / 1024).toFixed(1)} KB compressed (limit ${MAX_WEIGHT / 1024})`);
  }

  await pg.addScriptTag({ content: axeSource });
  const axe = await pg.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS
  );
  const lines = axe.violations.map(
    (v) => `axe ${v.id} (${v.impact}): ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}${v.nodes.length > 3 ? ` (+${v.nodes.length - 3})` : ''}`
  );
  check(lines.length === 0, where, lines.join('\n  '));
}

// Runs in the page in print media: what a printout shows.
function printed() {
  const shown = (sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const b = el.getBoundingClientRect();
    return getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden' && b.width > 0 && b.height > 0;
  };
  const leftovers = [...document.querySelectorAll('nav, details, .share, .skip-link, form, button, input')].filter((el) => {
    const b = el.getBoundingClientRect();
    return getComputedStyle(el).display !== 'none' && b.width > 0 && b.height > 0 && !el.closest('.print-keep');
  });
  return {
    text: document.body.innerText,
    status: shown('.indicator-facts__row--status'),
    chart: shown('main svg'),
    report: shown('.targets-report'),
    leftovers: leftovers.map((el) => el.tagName.toLowerCase() + (el.className ? `.${String(el.className).split(' ')[0]}` : '')),
  };
}

async function print(pg, p) {
  const where = `${p.type} /${p.rel} in print`;
  await pg.setViewportSize({ width: 800, height: 1100 });
  await pg.goto(local(p.rel), { waitUntil: 'load' });
  await pg.emulateMedia({ media: 'print' });
  const r = await pg.evaluate(printed);
  check(r.leftovers.length === 0, where, `interactive parts shown: ${r.leftovers.join(', ')}`);
  if (p.target) {
    const pdf = (await pg.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    const count = (pdf.match(/\/Type\s*\/Page\b(?!s)/g) || []).length;
    check(count === 1, where, `prints on ${count} pages`);
    check(r.text.includes(base.href + p.rel), where, `its address ${base.href + p.rel} is not printed`);
    check(r.status, where, 'its status is not printed');
    check(/\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d\d-\d\d/.test(r.text), where, 'no date printed');
    const ind = [...statuses.values()].find((i) => relOf(i.url) === p.rel);
    if (ind && ind.kind === 'value' && ind.value !== null) check(r.chart, where, 'its chart is not printed');
  }
  if (p.report) check(r.report, where, 'no table report printed');
  await pg.emulateMedia({ media: 'screen' });
}

// The menu: a button on a phone that opens it, a bar on a wide screen.
async function menu(pg) {
  const where = 'menu';
  await pg.setViewportSize(PHONE);
  await pg.goto(local(''), { waitUntil: 'load' });
  const links = pg.locator('header nav.site-nav a');
  const n = await links.count();
  check(n > 0, where, 'no links in the header menu');
  check(!(await links.first().isVisible()), `${where} @ 375`, 'the menu is open before it is asked for');
  await pg.locator('header summary').click();
  check(await links.first().isVisible(), `${where} @ 375`, 'the menu button does not open the menu');
  await pg.setViewportSize({ width: 1280, height: 900 });
  await pg.goto(local(''), { waitUntil: 'load' });
  check(await links.first().isVisible() && !(await pg.locator('header summary').isVisible()),
    `${where} @ 1280`, 'the menu is not a bar of links');
}

// Each status count of the home page, followed: the index shows the
// targets of that status only, as many as the count says; an area's link
// on the index shows that area only.
async function filters(pg) {
  await pg.setViewportSize(PHONE);
  await pg.goto(local(''), { waitUntil: 'load' });
  const counts = await pg.$$eval('.status-counts a', (as) =>
    as.map((a) => ({ href: a.href, n: Number(a.querySelector('.status-counts__n').textContent) })));
  check(counts.length > 0, 'home', 'no status count links to the targets');
  const shown = () =>
    pg.$$eval('.targets__list > .target', (ts) =>
      ts.filter((t) => t.getBoundingClientRect().height > 0).map((t) => t.className));
  for (const c of counts) {
    const status = /#trang-thai-(.+)$/.exec(c.href);
    const where = `home count link ${c.href.replace(origin, '')}`;
    if (!check(status !== null, where, 'does not name a status')) continue;
    await pg.goto(c.href, { waitUntil: 'load' });
    const cls = await shown();
    check(cls.length === c.n, where, `${cls.length} targets shown, the count says ${c.n}`);
    check(cls.every((k) => k.split(' ').includes(`target--${status[1]}`)), where, 'shows targets of another status');
    check(await pg.locator(`#trang-thai-${status[1]}`).isVisible(), where, 'no note says what is shown');
  }
  // Every area's link jumps to its group of targets, from the top.
  await pg.goto(local(pages.find((p) => p.report).rel), { waitUntil: 'load' });
  const areas = await pg.$$eval('.filters__areas a', (as) => as.map((a) => a.getAttribute('href')));
  check(areas.length > 0, 'targets index', 'no area links');
  for (const href of areas) {
    await pg.evaluate(() => window.scrollTo(0, 0));
    await pg.click(`.filters__areas a[href="${href}"]`);
    await pg.waitForTimeout(100);
    const top = await pg.evaluate((id) => document.getElementById(id)?.getBoundingClientRect().top ?? null, decodeURIComponent(href.slice(1)));
    check(top !== null && top >= -1 && top < PHONE.height / 2, `targets index area link ${href}`, `its group is at ${top} px`);
  }
}

// The switcher between the site and each edition: the same page in the
// other language and back, paired by hreflang, the translation marked
// unofficial when the site says so and its text in its own language.
async function switcher(pg) {
  check(editions.length > 0, 'languages', 'the site has no edition in another language');
  for (const lang of editions) {
    for (const p of pages.filter((q) => q.edition === lang)) {
      const orig = p.rel.slice(lang.length + 1);
      const where = `switcher /${orig} -> ${lang}`;
      await pg.goto(local(orig), { waitUntil: 'load' });
      const h1 = await pg.locator('h1').first().innerText();
      const mainLang = await pg.getAttribute('html', 'lang');
      const alt = await pg.locator(`link[rel=alternate][hreflang="${lang}"]`).getAttribute('href').catch(() => null);
      await pg.click(`nav.lang-switch a[hreflang="${lang}"]`);
      await pg.waitForLoadState('load');
      check(pg.url() === local(p.rel), where, `the switcher leads to ${pg.url().replace(origin, '')}`);
      check(await pg.getAttribute('html', 'lang') === lang, where, 'the page is not in that language');
      const untranslated = await pg.locator('h1[lang]').count() > 0;
      if (!untranslated) {
        check(alt === base.href + p.rel, where, `hreflang="${lang}" is ${alt}`);
        check(await pg.locator('h1').first().innerText() !== h1, where, 'its title is the original\'s');
        check(await pg.locator(`link[rel=alternate][hreflang="${mainLang}"]`).getAttribute('href') === base.href + orig,
          where, `no hreflang="${mainLang}" back to the original`);
        check(await pg.locator('.translation-notice a').count() === 1, where, 'no notice that the translation is unofficial');
      }
      await pg.click(`nav.lang-switch a[hreflang="${mainLang}"]`);
      await pg.waitForLoadState('load');
      check(pg.url() === local(orig), where, `the way back leads to ${pg.url().replace(origin, '')}`);
    }
  }
}

try {
  const pg = await context.newPage();
  for (const f of [menu, filters, switcher]) {
    try {
      await f(pg);
    } catch (e) {
      check(false, f.name, e.message);
    }
  }
  pg.on('pageerror', (e) => check(false, pg.url(), `JavaScript error: ${e.message}`));
  for (const p of pages) {
    for (const w of WIDTHS) {
      try {
        await visit(pg, p, w);
      } catch (e) {
        check(false, `${p.type} /${p.rel} @ ${w}`, e.message);
      }
    }
    if (p.target || p.report) {
      try {
        await print(pg, p);
      } catch (e) {
        check(false, `${p.type} /${p.rel} in print`, e.message);
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
for (const w of weights) console.log(`page ${w}`);
console.log(`RESULT: ${passed} ${failed} 0 ${NAME}`);
process.exit(failed ? 1 : 0);
