// Full-page screenshots of a built site with Debian's Chromium.
//   node tests/screenshots.mjs SITE OUTDIR [PAGE...]
//
// Serves SITE on 127.0.0.1 (a free port) with a small static server, opens
// each PAGE (a URL path such as /muc-tieu/ or muc-tieu/mt-1/) at 375 and
// 1280 px width, and writes OUTDIR/NAME-WIDTH.png, where NAME is the path
// with its slashes turned into dashes ("home" for /).  Without PAGEs: /,
// the first page under /muc-tieu/ and the first page under /nhiem-vu/.
// Prints the path of each PNG.  Requests to any other host are blocked
// and reported, as are JavaScript errors and failed requests.
// CHROMIUM overrides the browser (default /usr/bin/chromium); WIDTHS the
// widths ("375 1280").

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [site, outDir, ...pageArgs] = process.argv.slice(2);
if (!site || !outDir) {
  console.error('usage: node tests/screenshots.mjs SITE OUTDIR [PAGE...]');
  process.exit(2);
}
if (!fs.existsSync(path.join(site, 'index.html')) && pageArgs.length === 0) {
  console.error(`screenshots: ${site}/index.html not found; build the site first`);
  process.exit(1);
}
const widths = (process.env.WIDTHS || '375 1280').split(/[\s,]+/).filter(Boolean).map(Number);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

// The first page below a section: its first sub-directory (by name) with
// an index.html, else the section's own index.
function firstUnder(section) {
  const dir = path.join(site, section);
  let names = [];
  try {
    names = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'index.html')))
      .map((e) => e.name)
      .sort();
  } catch {
    return null;
  }
  if (names.length) return `/${section}/${names[0]}/`;
  return fs.existsSync(path.join(dir, 'index.html')) ? `/${section}/` : null;
}

let pages = pageArgs.map((p) => (p.startsWith('/') ? p : `/${p}`));
if (pages.length === 0) {
  pages = ['/'];
  for (const s of ['muc-tieu', 'nhiem-vu']) {
    const p = firstUnder(s);
    if (p) pages.push(p);
    else console.error(`screenshots: no page under /${s}/ in ${site}; skipped`);
  }
}

// ------------------------------------------------------- static server

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.jsonld': 'application/ld+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.ttl': 'text/turtle',
  '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pdf': 'application/pdf',
};

const root = path.resolve(site);
const server = http.createServer((req, res) => {
  let rel;
  try {
    rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  let file = path.join(root, rel);
  if (file !== root && !file.startsWith(root + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  let st = null;
  try {
    st = fs.statSync(file);
    if (st.isDirectory()) {
      if (!rel.endsWith('/')) {
        res.writeHead(301, { Location: `${req.url.split('?')[0]}/` }).end();
        return;
      }
      file = path.join(file, 'index.html');
      st = fs.statSync(file);
    }
  } catch {
    st = null;
  }
  if (!st || !st.isFile()) {
    const notFound = path.join(root, '404.html');
    res.writeHead(404, { 'Content-Type': TYPES['.html'] });
    if (fs.existsSync(notFound)) fs.createReadStream(notFound).pipe(res);
    else res.end('not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
    'Content-Length': st.size,
  });
  if (req.method === 'HEAD') res.end();
  else fs.createReadStream(file).pipe(res);
});

await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// ------------------------------------------------------------- browser

function nameOf(p) {
  let n = p.split(/[?#]/)[0];
  try {
    n = decodeURIComponent(n);
  } catch {
    /* keep it encoded */
  }
  n = n
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/index\.html$/, '')
    .replace(/^\/+|\/+$/g, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '');
  return n || 'home';
}

fs.mkdirSync(outDir, { recursive: true });
let status = 0;
let browser;
try {
  browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
  const context = await browser.newContext({ deviceScaleFactor: 1 });
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(`${origin}/`) || u.startsWith('data:') || u.startsWith('blob:')) {
      route.continue();
    } else {
      console.error(`screenshots: blocked request to another host: ${u}`);
      route.abort();
    }
  });
  for (const p of pages) {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`screenshots: ${p}: JavaScript error: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) console.error(`screenshots: ${p}: ${r.status()} ${r.url()}`);
    });
    for (const w of widths) {
      try {
        await page.setViewportSize({ width: w, height: 800 });
        const resp = await page.goto(new URL(p, origin).href, { waitUntil: 'load' });
        if (!resp || resp.status() >= 400) {
          console.error(`screenshots: ${p}: HTTP ${resp ? resp.status() : 'no response'}`);
          status = 1;
        }
        await page.evaluate(() => document.fonts.ready).catch(() => {});
        const file = path.join(outDir, `${nameOf(p)}-${w}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
      } catch (e) {
        console.error(`screenshots: ${p} at ${w} px: ${e.message}`);
        status = 1;
      }
    }
    await page.close();
  }
} catch (e) {
  console.error(`screenshots: ${e.message}`);
  status = 1;
} finally {
  if (browser) await browser.close();
  server.close();
}
process.exit(status);
