// The not-found page of a served site, in Debian's Chromium.
//   node tests/checks/hosting-404.mjs URL...
//
// Each URL is a missing address under the site (at any depth).  For each:
// the response is 404; the page's style sheet applied (a custom property
// that only the theme's style sheet defines has a value); every link and
// resource of the page on the same host (a, link, img, script) answers
// 200, and its link home leads to the site's home page; no request goes
// to another host (they are blocked and reported) and none fails.
// Prints one line per problem, then
//   RESULT: <addresses without problems> <addresses with problems> 0 404 page
// CHROMIUM overrides the browser (default /usr/bin/chromium).

import { chromium } from 'playwright-core';

const NAME = '404 page';
const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.log('hosting-404: usage: node tests/checks/hosting-404.mjs URL...');
  console.log(`RESULT: 0 1 0 ${NAME}`);
  process.exit(1);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const origin = new URL(urls[0]).origin;
const context = await browser.newContext();
const outside = new Set();
await context.route((u) => u.origin !== origin, (route) => {
  outside.add(route.request().url());
  return route.abort();
});
const page = await context.newPage();
const failed = new Set();
page.on('requestfailed', (r) => failed.add(`${r.url()} (${r.failure()?.errorText})`));

let good = 0;
let bad = 0;
for (const url of urls) {
  const errors = [];
  const res = await page.goto(url, { waitUntil: 'load' });
  if (!res || res.status() !== 404) errors.push(`status ${res ? res.status() : 'none'}, not 404`);
  const info = await page.evaluate(() => ({
    style: getComputedStyle(document.documentElement).getPropertyValue('--c-text').trim(),
    sheets: [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.href),
    urls: [
      ...[...document.querySelectorAll('a[href], link[href]')].map((e) => e.href),
      ...[...document.querySelectorAll('img[src], script[src]')].map((e) => e.src),
    ],
    home: document.querySelector('.site-header__title')?.href,
  }));
  if (!info.style) errors.push(`the style sheet ${info.sheets.join(', ')} did not apply`);
  let checked = 0;
  for (const u of new Set(info.urls.map((x) => x.replace(/#.*/, '')))) {
    if (new URL(u).origin !== origin || u === url) continue; // "#main"
    const r = await page.request.get(u);
    checked++;
    if (r.status() !== 200) errors.push(`link ${u}: status ${r.status()}`);
  }
  if (checked === 0) errors.push('no link to the site itself');
  if (!info.home) errors.push('no link home (.site-header__title)');
  else if (new URL(info.home).origin !== origin) errors.push(`the link home ${info.home} leaves the server`);
  else {
    const r = await page.request.get(info.home);
    const body = await r.text();
    if (r.status() !== 200 || !/<main/.test(body)) errors.push(`the link home ${info.home} is no page`);
  }
  if (errors.length) {
    bad++;
    for (const e of errors) console.log(`${url}: ${e}`);
  } else {
    good++;
    console.log(`${url}: 404 with its style sheet and ${checked} working links`);
  }
}
for (const u of outside) console.log(`a request went to another host: ${u}`);
for (const f of failed) console.log(`a request failed: ${f}`);
if (outside.size || failed.size) bad++;
await browser.close();
console.log(`RESULT: ${good} ${bad} 0 ${NAME}`);
process.exit(bad ? 1 : 0);
