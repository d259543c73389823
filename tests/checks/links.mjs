// Check every internal link of a built site, offline, with no dependencies.
//   node tests/checks/links.mjs SITE
//
// Every HTML file under SITE is read; every URL in an attribute that holds
// one (href, src, srcset, poster, data, action, formaction, cite, meta
// refresh) and every url()/@import in CSS (style elements and attributes,
// and the .css files of the site) that is relative is resolved against the
// file's own URL (or its <base href>), and must name a file of SITE or a
// directory of SITE with an index.html.  A #fragment must be an id (or an
// <a name>) of the target page.  Links with a scheme (http:, https:,
// mailto:, tel:, data:, javascript:...) and protocol-relative //host links
// are external and are not checked.  Root-relative links (/x/) are broken:
// the site must work under a sub-path and from file:// (DESIGN.md), and so
// are links that climb out of SITE with "..".  The exception is 404.html,
// which a server shows at any address: its links start from the domain
// root with the path of its own canonical URL (base_url's path, or "/"),
// and are checked from there.
//
// Prints "FILE: broken link 'HREF' (why, line N)" for each broken link, then
//   RESULT: <files without broken links> <files with broken links> 0 links
// where files are the HTML and CSS files of SITE.  Exits 1 if any is broken.

import fs from 'node:fs';
import path from 'node:path';

const HOST = 'http://site.invalid';
const ROOT = '/__site__/';

function usageFail(msg) {
  console.log(`links: ${msg}`);
  console.log('RESULT: 0 1 0 links');
  process.exit(1);
}

if (process.argv.length !== 3) usageFail('usage: node tests/checks/links.mjs SITE');
const site = process.argv[2];
let siteStat;
try {
  siteStat = fs.statSync(site);
} catch {
  usageFail(`no such directory: ${site}`);
}
if (!siteStat.isDirectory()) usageFail(`not a directory: ${site}`);

// ---------------------------------------------------------------- files

function walk(dir, rel, out) {
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    const r = rel ? `${rel}/${e.name}` : e.name;
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      // Follow links to files; do not descend into linked directories.
      try {
        isFile = fs.statSync(full).isFile();
      } catch {
        isFile = false;
      }
      isDir = false;
    }
    if (isDir) walk(full, r, out);
    else if (isFile && /\.(html|css)$/i.test(e.name)) out.push(r);
  }
  return out;
}

// ------------------------------------------------------------ HTML scan

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s) {
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);?/g, (m, e) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      try {
        return String.fromCodePoint(n);
      } catch {
        return m;
      }
    }
    const v = NAMED[e.toLowerCase()];
    return v === undefined ? m : v;
  });
}

// Elements whose content is raw text: skip to their end tag.
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes']);

// A small, tolerant tokenizer: enough for start tags and their attributes,
// skipping comments, doctypes, end tags and raw-text element content.
// Returns { tags: [{name, attrs: Map, line}], styles: [{text, line}] }.
function scanHtml(text) {
  const tags = [];
  const styles = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  const advanceTo = (j) => {
    for (let k = i; k < j && k < n; k++) if (text.charCodeAt(k) === 10) line++;
    i = Math.min(j, n);
  };
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    advanceTo(lt);
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      advanceTo(end < 0 ? n : end + 3);
      continue;
    }
    const c = text[i + 1] || '';
    if (c === '!' || c === '?' || c === '/') {
      const end = text.indexOf('>', i + 1);
      advanceTo(end < 0 ? n : end + 1);
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      advanceTo(i + 1);
      continue;
    }
    const tagLine = line;
    let j = i + 1;
    while (j < n && !/[\s/>]/.test(text[j])) j++;
    const name = text.slice(i + 1, j).toLowerCase();
    const attrs = new Map();
    // attributes
    for (;;) {
      while (j < n && /[\s/]/.test(text[j])) j++;
      if (j >= n || text[j] === '>') break;
      let k = j;
      while (k < n && !/[\s/>=]/.test(text[k])) k++;
      if (k === j) k++; // stray character such as a lone '=' or quote
      const an = text.slice(j, k).toLowerCase();
      j = k;
      while (j < n && /\s/.test(text[j])) j++;
      let val = '';
      if (text[j] === '=') {
        j++;
        while (j < n && /\s/.test(text[j])) j++;
        const q = text[j];
        if (q === '"' || q === "'") {
          const end = text.indexOf(q, j + 1);
          val = text.slice(j + 1, end < 0 ? n : end);
          j = end < 0 ? n : end + 1;
        } else {
          let e = j;
          while (e < n && !/[\s>]/.test(text[e])) e++;
          val = text.slice(j, e);
          j = e;
        }
      }
      if (!attrs.has(an)) attrs.set(an, decodeEntities(val));
    }
    advanceTo(j + 1);
    tags.push({ name, attrs, line: tagLine });
    if (RAW.has(name)) {
      const re = new RegExp(`</${name}[\\s/>]`, 'ig');
      re.lastIndex = i;
      const m = re.exec(text);
      const end = m ? m.index : n;
      if (name === 'style') styles.push({ text: text.slice(i, end), line });
      advanceTo(end);
    }
  }
  return { tags, styles };
}

// URLs referenced by CSS text.
function cssUrls(css) {
  const out = [];
  const src = css.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '));
  const re = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;
  let m;
  while ((m = re.exec(src))) {
    const u = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    const line = src.slice(0, m.index).split('\n').length;
    out.push({ url: u.replace(/\\(.)/g, '$1'), line });
  }
  return out;
}

// The URLs of a srcset, as the HTML standard splits it: a URL runs to the
// next white space (trailing commas end it); descriptors run to a comma.
function srcsetUrls(v) {
  const out = [];
  let i = 0;
  while (i < v.length) {
    while (i < v.length && /[\s,]/.test(v[i])) i++;
    if (i >= v.length) break;
    let j = i;
    while (j < v.length && !/\s/.test(v[j])) j++;
    let u = v.slice(i, j);
    i = j;
    if (/,$/.test(u)) {
      u = u.replace(/,+$/, '');
    } else {
      let depth = 0;
      while (i < v.length && (v[i] !== ',' || depth > 0)) {
        if (v[i] === '(') depth++;
        else if (v[i] === ')' && depth > 0) depth--;
        i++;
      }
    }
    if (u) out.push(u);
  }
  return out;
}

const URL_ATTRS = {
  href: null, // any element (a, area, link, svg <use>...)
  'xlink:href': null,
  src: null,
  poster: null,
  action: null,
  formaction: null,
  cite: null,
  longdesc: null,
  data: new Set(['object']),
};

// All URLs a page references, and its ids.
function pageInfo(text) {
  const { tags, styles } = scanHtml(text);
  const ids = new Set();
  const refs = [];
  let base = null;
  let canonical = null;
  for (const t of tags) {
    const id = t.attrs.get('id');
    if (t.name === 'link' && (t.attrs.get('rel') || '').toLowerCase() === 'canonical') canonical = t.attrs.get('href');
    if (id) ids.add(id);
    if (t.name === 'a' && t.attrs.get('name')) ids.add(t.attrs.get('name'));
    if (t.name === 'base' && base === null && t.attrs.has('href')) {
      base = t.attrs.get('href').trim();
      continue;
    }
    for (const [a, only] of Object.entries(URL_ATTRS)) {
      if (!t.attrs.has(a)) continue;
      if (only && !only.has(t.name)) continue;
      // Some attributes are plain text outside their elements.
      if (a === 'cite' && !['blockquote', 'q', 'del', 'ins'].includes(t.name)) continue;
      refs.push({ url: t.attrs.get(a).trim(), line: t.line });
    }
    if (t.attrs.has('srcset')) {
      for (const u of srcsetUrls(t.attrs.get('srcset'))) refs.push({ url: u, line: t.line });
    }
    if (t.name === 'meta' && (t.attrs.get('http-equiv') || '').toLowerCase() === 'refresh') {
      const m = /url\s*=\s*['"]?([^'"]*)/i.exec(t.attrs.get('content') || '');
      if (m) refs.push({ url: m[1].trim(), line: t.line });
    }
    if (t.attrs.has('style')) {
      for (const u of cssUrls(t.attrs.get('style'))) refs.push({ url: u.url, line: t.line });
    }
  }
  for (const s of styles) {
    for (const u of cssUrls(s.text)) refs.push({ url: u.url, line: s.line + u.line - 1 });
  }
  return { ids, refs, base, canonical };
}

// ------------------------------------------------------------- checking

const files = walk(site, '', []);
const htmlCount = files.filter((f) => /\.html$/i.test(f)).length;
if (htmlCount === 0) usageFail(`no HTML files under ${site}`);

// Where the links of 404.html start: the folder of its canonical URL.
let notFoundRoot = '/';
try {
  const c = pageInfo(fs.readFileSync(path.join(site, '404.html'), 'utf8')).canonical;
  if (c) notFoundRoot = new URL(c, 'http://host.invalid/').pathname.replace(/[^/]*$/, '');
} catch {
  /* no 404.html */
}

const idCache = new Map(); // rel path -> Set of ids
function idsOf(rel) {
  if (!idCache.has(rel)) {
    let ids = new Set();
    try {
      ids = pageInfo(fs.readFileSync(path.join(site, rel), 'utf8')).ids;
    } catch {
      /* unreadable: no ids */
    }
    idCache.set(rel, ids);
  }
  return idCache.get(rel);
}

function encodeRel(rel) {
  return rel.split('/').map(encodeURIComponent).join('/');
}

function statOf(rel) {
  try {
    return fs.statSync(path.join(site, rel));
  } catch {
    return null;
  }
}

// Returns null when the link is fine or not ours to check, else a reason.
function check(fromRel, ref, baseHref) {
  const raw = ref;
  if (raw === '') return null; // the page itself
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(raw)) return null; // has a scheme
  if (raw.startsWith('//') || raw.startsWith('\\\\')) return null; // another host
  // The not-found page is shown at any address, so its links start at the
  // domain root with the site's path: check those from the site root.
  const rootPage = fromRel === '404.html';
  if (raw.startsWith('\\') || (raw.startsWith('/') && !rootPage)) return 'root-relative link, breaks under a sub-path';
  let pageUrl = new URL(ROOT + encodeRel(fromRel), HOST);
  if (raw.startsWith('/')) {
    if (!raw.startsWith(notFoundRoot)) return `not under the site's path ${notFoundRoot}`;
    return check(fromRel, './' + raw.slice(notFoundRoot.length), baseHref);
  }
  if (baseHref !== null && baseHref !== '') {
    if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(baseHref) || baseHref.startsWith('//')) return null;
    if (baseHref.startsWith('/')) return 'root-relative <base href>, breaks under a sub-path';
    pageUrl = new URL(baseHref, pageUrl);
  }
  let u;
  try {
    u = new URL(raw, pageUrl);
  } catch {
    return 'not a valid URL';
  }
  if (u.origin !== HOST || !u.pathname.startsWith(ROOT)) return 'points outside the site';
  let rel;
  try {
    rel = u.pathname
      .slice(ROOT.length)
      .split('/')
      .map((s) => decodeURIComponent(s))
      .join('/');
  } catch {
    return 'bad percent-encoding';
  }
  if (rel.split('/').some((s) => s === '..' || s.includes('\0'))) return 'points outside the site';
  let target = rel;
  if (rel === '' || rel.endsWith('/')) {
    target = rel + 'index.html';
    const st = statOf(target);
    if (!st || !st.isFile()) return `no such file: ${target}`;
  } else {
    const st = statOf(rel);
    if (!st) return `no such file: ${rel}`;
    if (st.isDirectory()) {
      target = rel + '/index.html';
      const ist = statOf(target);
      if (!ist || !ist.isFile()) return `directory without index.html: ${rel}`;
    } else if (!st.isFile()) {
      return `not a file: ${rel}`;
    }
  }
  if (u.hash && u.hash !== '#' && /\.html?$/i.test(target)) {
    let frag;
    try {
      frag = decodeURIComponent(u.hash.slice(1));
    } catch {
      return 'bad percent-encoding in fragment';
    }
    const ids = idsOf(target);
    if (!ids.has(frag) && !ids.has(u.hash.slice(1)) && frag.toLowerCase() !== 'top') {
      return `no id "${frag}" in ${target}`;
    }
  }
  return null;
}

let good = 0;
let bad = 0;
for (const rel of files) {
  const shown = path.join(site, rel);
  let text;
  try {
    text = fs.readFileSync(path.join(site, rel), 'utf8');
  } catch (e) {
    console.log(`${shown}: cannot read: ${e.message}`);
    bad++;
    continue;
  }
  let refs;
  let base = null;
  if (/\.css$/i.test(rel)) {
    refs = cssUrls(text);
  } else {
    const info = pageInfo(text);
    idCache.set(rel, info.ids);
    refs = info.refs;
    base = info.base;
  }
  const seen = new Set();
  let broken = 0;
  for (const r of refs) {
    const why = check(rel, r.url, /\.css$/i.test(rel) ? null : base);
    if (why === null) continue;
    broken++;
    if (seen.has(r.url)) continue;
    seen.add(r.url);
    console.log(`${shown}: broken link '${r.url}' (${why}, line ${r.line})`);
  }
  if (broken) bad++;
  else good++;
}
console.log(`RESULT: ${good} ${bad} 0 links`);
process.exit(bad ? 1 : 0);
