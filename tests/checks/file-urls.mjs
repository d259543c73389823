// A site built with --file-urls, opened from disk in Debian's Chromium.
//   node tests/checks/file-urls.mjs SITE
//
// Starting at SITE/index.html (a file:// URL), every page the site links
// to is opened in the browser, one after the other, and on each:
//   - the page is a file of SITE, never a folder (Chromium would show a
//     directory listing, or nothing);
//   - the theme's style sheet applied: a custom property that only
//     assets/style.css defines has a value in the computed style;
//   - every link and resource of the page (a, link, img, script, source)
//     that stays on file:// names an existing file of SITE, not a folder;
//   - no request leaves file:// (another scheme is blocked and reported),
//     and no request fails.
// Every HTML file of SITE but 404.html must be reached this way.  Then a
// click on the main menu's links from the home page must land on a page.
// Prints one line per problem, then
//   RESULT: <pages without problems> <pages with problems> 0 file urls
// CHROMIUM overrides the browser (default /usr/bin/chromium).

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const NAME = 'file urls';
const site = process.argv[2];
if (!site || !fs.existsSync(path.join(site, 'index.html'))) {
  console.log(`file-urls: usage: node tests/checks/file-urls.mjs SITE (with SITE/index.html)`);
  console.log(`RESULT: 0 1 0 ${NAME}`);
  process.exit(1);
}
const root = fs.realpathSync(site);
const rootUrl = pathToFileURL(root + '/').href;

// The HTML files of the site, relative to it.
function htmlFiles(dir, rel, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) htmlFiles(path.join(dir, e.name), r, out);
    else if (e.isFile() && e.name.endsWith('.html')) out.push(r);
  }
  return out;
}

// What a file:// URL names: null when it is a file of the site, else why not.
function problem(url) {
  const u = new URL(url);
  u.hash = '';
  u.search = '';
  if (!u.href.startsWith(rootUrl)) return 'outside the site';
  let st;
  try {
    st = fs.statSync(fileURLToPath(u));
  } catch {
    return 'no such file';
  }
  if (st.isDirectory()) return 'a folder, not a page';
  return st.isFile() ? null : 'not a file';
}

function rel(url) {
  const u = new URL(url);
  u.hash = '';
  u.search = '';
  return decodeURIComponent(u.href.slice(rootUrl.length));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext();
const outside = new Set();
const failed = new Set();
await context.route(/^(?!file:|data:|about:|blob:)/, (route) => {
  outside.add(route.request().url());
  return route.abort();
});
const page = await context.newPage();
// (a request cut short by the next page, as an icon's can be, is no failure)
page.on('requestfailed', (r) => {
  if (r.url().startsWith('file:') && r.failure()?.errorText !== 'net::ERR_ABORTED') failed.add(`${rel(r.url())} (${r.failure()?.errorText})`);
});

const queue = ['index.html'];
const seen = new Set(queue);
const linkProblems = new Map(); // "from: href (why)" -> 1
let good = 0;
let bad = 0;

while (queue.length) {
  const r = queue.shift();
  const url = new URL(r.split('/').map(encodeURIComponent).join('/'), rootUrl).href;
  const errors = [];
  try {
    await page.goto(url, { waitUntil: 'load' });
  } catch (e) {
    errors.push(`does not open: ${e.message.split('\n')[0]}`);
  }
  const info = errors.length ? null : await page.evaluate(() => {
    const style = getComputedStyle(document.documentElement).getPropertyValue('--c-text').trim();
    const urls = [];
    for (const el of document.querySelectorAll('a[href], link[href], area[href]')) urls.push(el.href);
    for (const el of document.querySelectorAll('img[src], script[src], source[src], iframe[src]')) urls.push(el.src);
    // A form's action is where it goes on submit: a file too.
    for (const el of document.querySelectorAll('form[action]')) urls.push(el.action);
    const refresh = document.querySelector('meta[http-equiv="refresh" i]');
    if (refresh) {
      const m = /url\s*=\s*(.*)$/i.exec(refresh.content);
      if (m) urls.push(new URL(m[1].trim(), document.baseURI).href);
    }
    return { style, urls, title: document.title, main: !!document.querySelector('main') };
  });
  if (info) {
    if (!info.style) errors.push('the style sheet did not apply (no --c-text in the computed style)');
    if (!info.main || !info.title) errors.push('no <main> or <title>: not a page of the site');
    for (const u of info.urls) {
      if (!u.startsWith('file:')) continue; // another site, mailto:, tel:
      const why = problem(u);
      if (why) {
        errors.push(`link '${u.slice(rootUrl.length)}': ${why}`);
        continue;
      }
      const t = rel(u);
      if (t.endsWith('.html') && !seen.has(t)) {
        seen.add(t);
        queue.push(t);
      }
    }
  }
  if (errors.length) {
    bad++;
    for (const e of new Set(errors)) console.log(`${r}: ${e}`);
  } else good++;
}

const all = htmlFiles(root, '', []).filter((f) => f !== '404.html');
const missed = all.filter((f) => !seen.has(f));
if (missed.length) {
  bad++;
  console.log(`${missed.length} of ${all.length} pages reached by no link, such as ${missed.slice(0, 3).join(', ')}`);
}

// Real clicks: every item of the main menu, from the home page.
await page.goto(rootUrl + 'index.html');
const items = await page.locator('.site-nav__link').count();
if (items === 0) {
  bad++;
  console.log('index.html: no main menu to click');
}
for (let i = 0; i < items; i++) {
  await page.goto(rootUrl + 'index.html');
  const link = page.locator('.site-nav__link').nth(i);
  const name = (await link.textContent()).trim();
  await link.click();
  await page.waitForLoadState('load');
  const why = problem(page.url());
  const h1 = await page.locator('h1').count();
  if (why || h1 === 0) {
    bad++;
    console.log(`menu '${name}' leads to ${page.url()}: ${why || 'no heading'}`);
  } else good++;
}

for (const u of outside) console.log(`a request left file://: ${u}`);
for (const f of failed) console.log(`a request failed: ${f}`);
if (outside.size) bad++;
if (failed.size) bad++;
console.log(`file-urls: ${seen.size} pages opened from ${rootUrl}`);
await browser.close();
console.log(`RESULT: ${good} ${bad} 0 ${NAME}`);
process.exit(bad ? 1 : 0);
