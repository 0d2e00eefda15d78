// Shared by the end-to-end tests: a static server for dist/ on 127.0.0.1 (optionally under a
// sub-path, as GitHub Pages serves a project) and Debian's Chromium driven by playwright-core.
// Every request the page makes is recorded, so tests can prove nothing leaves the machine.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const DIST = process.env.WASIM_DIST || join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.woff2': 'font/woff2',
};

/** Serves DIST under `prefix` (e.g. "/wasim/") on a free port of 127.0.0.1. */
export async function serve(prefix = '/') {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404).end('not found'); return; }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(DIST, rel));
    if (!file.startsWith(DIST)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Launches headless Chromium as the toolchain notes say it must be launched here. */
export async function browser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--lang=ar'],
  });
}

/** A new page that records every request and every console error. */
export async function page(b, options = {}) {
  const context = await b.newContext({ acceptDownloads: true, locale: 'ar', viewport: { width: 1400, height: 900 }, ...options });
  const p = await context.newPage();
  p.requests = [];
  p.errors = [];
  p.on('request', (r) => p.requests.push(r.url()));
  p.on('pageerror', (e) => p.errors.push(String(e)));
  p.on('console', (m) => { if (m.type() === 'error') p.errors.push(m.text()); });
  return p;
}

export async function screenshot(p, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await p.screenshot({ path, fullPage: true });
  return path;
}

/** Puts `text` into the text box the way a paste does: one input event with all of it. */
export async function paste(p, text) {
  await p.locator('textarea').click();
  await p.keyboard.insertText(text);
}

/** Text of the download the click on `selector` starts. */
/** Selects the `nth` occurrence of `text` in the reading view, as a mouse drag would, across
 * highlights (a name may be partly highlighted). */
export async function select(p, text, nth = 0) {
  await p.evaluate(([text, nth]) => {
    document.activeElement?.blur();
    const reader = document.querySelector('.reader');
    const nodes = [];
    let all = '';
    const walker = document.createTreeWalker(reader, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push([n, all.length]);
      all += n.data;
    }
    let at = -1;
    for (let k = 0; k <= nth; k++) {
      at = all.indexOf(text, at + 1);
      if (at < 0) throw new Error(`"${text}" #${nth} not in the reading view`);
    }
    // The node holding an offset; an end on a boundary stays in the node before.
    const point = (off, end) => {
      const [n, s] = nodes.find(([n, s]) => off < s + n.data.length || (end && off === s + n.data.length));
      return [n, off - s];
    };
    const r = document.createRange();
    r.setStart(...point(at, false));
    r.setEnd(...point(at + text.length, true));
    getSelection().removeAllRanges();
    getSelection().addRange(r);
    reader.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, [text, nth]);
}

export async function download(p, selector) {
  const [d] = await Promise.all([p.waitForEvent('download'), p.click(selector)]);
  const path = await d.path();
  return { name: d.suggestedFilename(), text: await readFile(path, 'utf8') };
}

export function tempDir() {
  return mkdtempSync(join(tmpdir(), 'wasim-e2e-'));
}

/** About `words` words of the development set without its markup, four sentences to a
 * paragraph and numbered so that no two paragraphs are the same (the long-document tests). */
export function longText(words = 20000) {
  const dev = readFileSync(join(ROOT, 'crates', 'engine', 'tests', 'data', 'dev.txt'), 'utf8')
    .split('\n').filter((l) => l.trim())
    .map((l) => l.replace(/\[[A-Z]+ /g, '').replace(/\{[A-Z]\d+ /g, '').replace(/[\]}]/g, ''));
  const out = [];
  let n = 0;
  for (let i = 0; n < words; i++) {
    const p = `${i + 1}. ` + [0, 1, 2, 3].map((k) => dev[(i * 4 + k) % dev.length]).join(' ');
    out.push(p);
    n += p.split(/\s+/).length;
  }
  return out.join('\n');
}
