// The site search in a real browser: Debian's Chromium, driven by
// playwright-core, on a built default site served by a real HTTP server
// (python3 -m http.server) under a sub-path.
//   node tests/checks/search.mjs SITE TERMS SHOTDIR
//
// SITE is the built default site, TERMS the folding cases that the C
// unit test reads too (tests/unit/search-terms.txt), SHOTDIR where the
// screenshot of results at 375 px goes.  Prints "FAIL: ..." for each
// failed check, then "RESULT: passed failed 0 search".

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

const [site, termsFile, shotDir] = process.argv.slice(2);
const SUB = '/ke-hoach/';
let pass = 0;
let fail = 0;

function check(cond, what) {
  if (cond) pass++;
  else {
    fail++;
    console.log(`FAIL: ${what}`);
  }
}

function done() {
  console.log(`RESULT: ${pass} ${fail} 0 search`);
  process.exit(fail ? 1 : 0);
}

if (!site || !termsFile || !shotDir || !fs.existsSync(path.join(site, 'index.html'))) {
  check(false, 'usage: node tests/checks/search.mjs SITE TERMS SHOTDIR (SITE built)');
  done();
}

// The site under SUB of a folder that a real server serves.
const serveRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'planpress-search-'));
fs.symlinkSync(path.resolve(site), path.join(serveRoot, SUB.replaceAll('/', '')));
const server = spawn('python3', ['-u', '-m', 'http.server', '--bind', '127.0.0.1',
  '--directory', serveRoot, '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
const port = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = /port (\d+)/.exec(out);
    if (m) resolve(Number(m[1]));
  });
  server.on('exit', () => reject(new Error('python3 -m http.server stopped')));
  setTimeout(() => reject(new Error('python3 -m http.server did not start')), 10000);
});
const origin = `http://127.0.0.1:${port}`;
const home = origin + SUB;

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
const offsite = [];
const outside = [];
const errors = [];

async function context(browser, options = {}) {
  const ctx = await browser.newContext(options);
  await ctx.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.origin !== origin) {
      offsite.push(u.href);
      return route.abort();
    }
    if (!u.pathname.startsWith(SUB)) outside.push(u.href);
    return route.continue();
  });
  return ctx;
}

// The results of the search page at "url": [{href, title, section, marks}].
async function results(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => {
    const s = document.getElementById('search-status');
    return s && s.textContent && !/…$/.test(s.textContent);
  });
  return page.$$eval('#search-results > li', (lis) => lis.map((li) => ({
    href: li.querySelector('a').getAttribute('href'),
    title: li.querySelector('a').textContent,
    marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
  })));
}

let browser;
try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-gpu'],
  });
  const ctx = await context(browser, { viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => errors.push(e.message));

  // The header's search box leads to the search page with the query.
  await page.goto(home);
  const box = page.locator('.site-header__inner form[role=search] input[name=q]');
  check(await box.count() === 1 && await box.isVisible(), 'the home page has a search box in its header');
  await box.fill('chuyen doi so');
  await box.press('Enter');
  await page.waitForURL(/\?q=/);
  const searchUrl = page.url().split('?')[0];
  check(searchUrl.startsWith(home) && searchUrl !== home, `the search page is below ${SUB}: ${searchUrl}`);
  const q = (s) => `${searchUrl}?q=${encodeURIComponent(s)}`;

  // The JavaScript folds as planpress does (the C unit test reads the same cases).
  const cases = fs.readFileSync(termsFile, 'utf8').split('\n')
    .filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
  const got = await page.evaluate((cs) => cs.map(([input]) => window.planpressSearch.terms(
    input.replace(/\\u\{([0-9a-f]+)\}/g, (m, h) => String.fromCodePoint(parseInt(h, 16))))
    .map(([t, code]) => (code ? '#' : '') + t).join(' ')), cases);
  cases.forEach(([input, want], i) => check(got[i] === (want || ''),
    `terms of '${input}': got '${got[i]}', want '${want || ''}'`));

  // Three spellings, one list; titles with all three words first.
  const lists = [];
  for (const s of ['chuyen doi so', 'CHUYỂN ĐỔI SỐ', 'chuyển đổi số']) lists.push(await results(page, q(s)));
  const hrefs = lists.map((l) => l.map((r) => r.href).join(' '));
  check(lists[0].length > 0, "'chuyen doi so' finds pages");
  check(hrefs[1] === hrefs[0] && hrefs[2] === hrefs[0], 'the three spellings of chuyển đổi số give the same results');
  const inTitle = lists[0].map((r) => /chuyen doi so/.test(fold(r.title)));
  check(inTitle[0] && lists[0][0].title.toLowerCase().includes('chuyển đổi số'),
    `the first result has "chuyển đổi số" in its title: ${lists[0][0] && lists[0][0].title}`);
  check(inTitle.indexOf(false) < 0 || inTitle.lastIndexOf(true) < inTitle.indexOf(false),
    'results with the words in their title come first');
  check(lists[0].every((r) => r.marks.some((m) => ['chuyen', 'doi', 'so'].includes(fold(m)))),
    'every result highlights a word of the query');
  const count = await page.textContent('#search-status');
  check(new RegExp(`^${lists[0].length} `).test(count) || lists[0].length === 20,
    `the live count says how many: '${count}'`);
  check(await page.getAttribute('#search-status', 'aria-live') === 'polite', 'the count is announced');

  // Targets by code: đ as typed with Vietnamese letters or in Telex.
  for (const code of ['I.2.đ', 'I.2.dd', 'i.2.Đ']) {
    const r = await results(page, q(code));
    check(r.length >= 3 && r.slice(0, 3).every((x) => /chi-tieu\/I\.2\.dd\.\d\/$/.test(x.href)),
      `'${code}' finds the three parts of target I.2.đ first: ${r.slice(0, 3).map((x) => x.href)}`);
    check(r.length > 0 && r[0].marks.some((m) => m === 'I.2.đ'), `'${code}' highlights the code I.2.đ`);
  }
  const d = await results(page, q('I.2.d '));
  check(d.length > 0 && /chi-tieu\/I\.2\.d\/$/.test(d[0].href), `'I.2.d' finds target I.2.d first: ${d[0] && d[0].href}`);
  check(!d.some((x) => /I\.2\.dd/.test(x.href)), "'I.2.d ' (a whole word) does not find I.2.đ");
  const prefix = await results(page, q('I.2.d'));
  check(prefix.some((x) => /I\.2\.dd\.1\/$/.test(x.href)), "'I.2.d' as a last word still being typed also finds I.2.đ");

  // An agency by name, with or without marks; a word being typed.
  for (const name of ['Công an tỉnh', 'cong an tinh']) {
    const r = await results(page, q(name));
    check(r.length > 0 && /don-vi\/cat\/$/.test(r[0].href), `'${name}' finds the unit page first: ${r[0] && r[0].href}`);
  }
  const counted = async (s) => {
    await results(page, q(s));
    return Number((/\d+/.exec(await page.textContent('#search-status')) || ['0'])[0]);
  };
  const doi = await counted('chuyen doi ');
  check(doi > 0 && await counted('chuyen do') >= doi, "'chuyen do' (a word being typed) finds what 'chuyen doi ' finds");
  check(await counted('chuyen doi s') >= await counted('chuyen doi so'),
    "'chuyen doi s' finds what 'chuyen doi so' finds");
  const none = await results(page, q('xyzzyqx'));
  check(none.length === 0 && (await page.textContent('#search-status')).length > 0, 'a word on no page says so');
  check(await page.isVisible('#search-all'), 'without results the list of sections and targets shows');
  const proto = await results(page, q('constructor __proto__'));
  check(proto.length === 0 && errors.length === 0, 'words that are names of JavaScript properties find nothing');

  // An index that cannot be loaded is said, and the lists stay.
  const broken = await ctx.newPage();
  await broken.route('**/index/t/**', (route) => route.abort());
  await results(broken, q('chuyen'));
  const failed = await broken.getAttribute('#search', 'data-failed');
  check(await broken.textContent('#search-status') === failed && await broken.isVisible('#search-all'),
    'an index that cannot be loaded is said, and the list of sections shows');
  await broken.close();

  // Twenty results at a time; the button shows more and moves to them.
  const many = await results(page, q('so'));
  check(many.length === 20 && await page.isVisible('#search-more'), "'so' shows 20 results and a button for more");
  await page.click('#search-more');
  await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length > 20);
  check(await page.evaluate(() => document.activeElement === document.querySelectorAll('#search-results > li a')[20]),
    'the button for more moves to the first new result');

  // The keyboard: type, arrow down to the results, Enter follows the link.
  await page.goto(searchUrl);
  await page.focus('#search-q');
  await page.keyboard.type('Sở Thông tin');
  await page.waitForSelector('#search-results > li a');
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => document.activeElement.closest('#search-results') !== null);
  check(focused, 'ArrowDown from the box moves to the first result');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  check(await page.evaluate(() => document.activeElement.id) === 'search-q', 'ArrowUp from the first result goes back to the box');
  check(/q=S%E1%BB%9F/.test(page.url()) || /q=S%E1%BB%9F|q=Sở/.test(decodeURI(page.url())),
    `the address keeps the query: ${page.url()}`);
  await page.keyboard.press('ArrowDown');
  const target = await page.evaluate(() => document.activeElement.href);
  await page.keyboard.press('Enter');
  await page.waitForURL(target);
  check(page.url() === target, 'Enter on a result opens it');

  // The results at 375 px, for a person to look at.
  const phone = await ctx.newPage();
  await phone.setViewportSize({ width: 375, height: 800 });
  // On a phone the box is in the menu, shown when the menu opens.
  await phone.goto(home);
  const menuBox = phone.locator('.site-menu form[role=search] input[name=q]');
  check(!(await phone.locator('.site-header__inner form[role=search]').isVisible()) &&
    !(await menuBox.isVisible()), 'on a phone no search box shows before the menu opens');
  await phone.locator('.site-menu__button').click();
  check(await menuBox.isVisible(), 'on a phone the opened menu shows the search box');
  await menuBox.fill('chuyen doi so');
  await menuBox.press('Enter');
  await phone.waitForURL(/\?q=/);
  check(phone.url().startsWith(searchUrl), 'the menu search box leads to the search page');
  await results(phone, q('chuyển đổi số'));
  fs.mkdirSync(shotDir, { recursive: true });
  const shot = path.join(shotDir, 'search-375.png');
  const top = await phone.evaluate(() => document.querySelector('.search').getBoundingClientRect().top + scrollY);
  await phone.screenshot({ path: shot, fullPage: true, clip: { x: 0, y: top - 16, width: 375, height: 900 } });
  console.log(`search: screenshot ${shot}`);
  check(await phone.evaluate(() => document.documentElement.scrollWidth <= 375),
    'the search page does not scroll sideways at 375 px');

  // Without JavaScript the page lists every section and target.
  const nojs = await context(browser, { javaScriptEnabled: false });
  const p2 = await nojs.newPage();
  await p2.goto(q('chuyen doi so'));
  const listed = new Set(await p2.$$eval('#search-all a', (as) => as.map((a) => a.href)));
  const targets = fs.readdirSync(path.join(site, 'chi-tieu'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(site, 'chi-tieu', e.name, 'index.html'))
      && e.name !== 'phuong-phap').map((e) => `${home}chi-tieu/${e.name}/`);
  check(targets.length > 0 && targets.every((t) => listed.has(t)),
    `without JavaScript every target is listed (${targets.filter((t) => !listed.has(t)).slice(0, 3)})`);
  for (const s of ['muc-tieu/', 'nhiem-vu/', 'chi-tieu/', 'don-vi/', 'dataset/'])
    check(listed.has(home + s), `without JavaScript the section ${s} is listed`);
  check(await p2.isVisible('#search-all noscript') || (await p2.content()).includes('<noscript>'),
    'without JavaScript the page says why there are no results');
  // (the page always holds <noscript>: its text must show.)
  const why = p2.locator('#search-all noscript p');
  check(await why.count() === 1 && await why.isVisible() && (await why.textContent()).trim().length > 0,
    'without JavaScript the reason shows as text');
  await nojs.close();

  // Each edition in another language searches its own pages: from its
  // home page's search box, a query in its language finds pages titled
  // with it, and targets are found by their original wording too.
  const editions = fs.readdirSync(site, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /<html lang="([^"]+)"/.exec(
      fs.existsSync(path.join(site, e.name, 'index.html')) ?
        fs.readFileSync(path.join(site, e.name, 'index.html'), 'utf8') : '')?.[1] === e.name)
    .map((e) => e.name);
  for (const lang of editions) {
    await page.goto(`${home}${lang}/`);
    const ebox = page.locator('.site-header__inner form[role=search] input[name=q]');
    await ebox.fill('digital transformation');
    await ebox.press('Enter');
    await page.waitForURL(/\?q=/);
    const eurl = page.url().split('?')[0];
    check(eurl.startsWith(`${home}${lang}/`), `${lang}: the search box leads to the edition's search page: ${eurl}`);
    const en = await results(page, `${eurl}?q=${encodeURIComponent('digital transformation')}`);
    check(en.length > 0 && /digital transformation/i.test(en[0].title),
      `${lang}: 'digital transformation' finds pages titled with it: ${en[0] && en[0].title}`);
    check(en.every((r) => new URL(r.href, eurl).pathname.startsWith(`${SUB}${lang}/`) ||
      new URL(r.href, eurl).pathname.startsWith(`${SUB}dataset/`)),
      `${lang}: results lead to the edition's pages: ${en.map((r) => r.href).slice(0, 3)}`);
    const vi = await results(page, `${eurl}?q=${encodeURIComponent('chuyen doi so')}`);
    check(vi.some((r) => /\/chi-tieu\//.test(r.href)),
      `${lang}: targets are found by their original wording`);
  }
  await ctx.close();
} catch (e) {
  check(false, `search: ${e.stack || e.message}`);
} finally {
  if (browser) await browser.close();
  server.kill();
  fs.rmSync(serveRoot, { recursive: true, force: true });
}
check(offsite.length === 0, `no request leaves the host: ${offsite.slice(0, 3)}`);
check(outside.length === 0, `every request stays under ${SUB}: ${outside.slice(0, 3)}`);
check(errors.length === 0, `no JavaScript error: ${errors.slice(0, 3)}`);
done();
