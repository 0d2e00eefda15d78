// The browser half of `scripts/bench`: the release bundle served on 127.0.0.1 in headless
// Chromium. Prints one JSON object: page load, engine throughput in the analysis worker (which
// holds the learned model; the page's own wasm has the rules only), the editor on a long
// document (paste to highlights, one label change, typing), and memory.
import { readFileSync } from 'node:fs';
import { serve, browser, page } from '../tests/e2e/harness.mjs';

const corpus = readFileSync(process.argv[2], 'utf8');
const longDoc = readFileSync(process.argv[3], 'utf8');
const server = await serve('/');
const b = await browser();
const out = {};
try {
  const p = await page(b);
  await p.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
  const t0 = Date.now();
  await p.goto(server.url);
  await p.waitForSelector('textarea');
  // Usable: the text box, and the worker listening with its model.
  await p.waitForSelector('.panel.model[data-model="shipped"]', { timeout: 60000 });
  out.load_ms = Date.now() - t0;
  out.load_in_page_ms = await p.evaluate(() => performance.now());

  // Engine throughput in a worker of the app's own (the model in it), timed in the worker by
  // the protocol's `ms`: best of three. And the rules alone on the page, as the fallback runs.
  const worker = await p.evaluate((text) => new Promise((ok, no) => {
    const t0 = performance.now();
    const w = new Worker('./wasim-worker_loader.js');
    const runs = [];
    let ready;
    w.onerror = (e) => no(new Error(String(e.message)));
    w.onmessage = (e) => {
      const m = JSON.parse(e.data);
      if (m.type === 'ready') ready = performance.now() - t0;
      if (m.type === 'analyzed') runs.push(m.ms);
      if (runs.length === 3) { w.terminate(); ok({ ready, ms: Math.min(...runs), model: true }); return; }
      if (m.type === 'ready' || m.type === 'analyzed') w.postMessage(JSON.stringify({ type: 'analyze', id: runs.length + 1, base: null, text }));
    };
  }), corpus);
  out.engine_mb = Buffer.byteLength(corpus) / 1e6;
  out.engine_ms = worker.ms;
  out.worker_ready_ms = worker.ready;
  out.rules_in_page_ms = await p.evaluate((text) => Math.min(...[0, 1, 2].map(() => window.wasmBindings.annotateMs(text))), corpus);

  // The editor on a long document: from the paste to the highlights, then one label change.
  await p.reload();
  await p.waitForSelector('textarea');
  out.long_doc_words = longDoc.split(/\s+/).filter(Boolean).length;
  // To the first highlights (the first screens: the reader draws the rest a slice a task after,
  // busy until then), and to all of them.
  [out.paste_to_highlights_ms, out.paste_to_all_highlights_ms] = await p.evaluate((text) => new Promise((ok) => {
    const ta = document.querySelector('textarea');
    const t0 = performance.now();
    let first;
    const reader = document.querySelector('.reader');
    const obs = new MutationObserver(() => {
      const n = document.querySelectorAll('.reader mark[data-label]').length;
      if (first === undefined && n > 100) first = performance.now() - t0;
      if (first !== undefined && !reader.hasAttribute('aria-busy')) {
        obs.disconnect();
        ok([first, performance.now() - t0]);
      }
    });
    obs.observe(reader, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
    ta.value = text;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }), longDoc);
  out.marks = await p.$$eval('.reader mark[data-label]', (m) => m.length);
  await p.evaluate(() => document.activeElement.blur());
  const target = '.reader mark[data-label="LOC"] >> nth=200';
  await p.click(target);
  // The label change is a correction: the longest task while it is drawn, then while the worker
  // learns from it and the document comes back re-tagged (and is saved).
  await p.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
      .observe({ type: 'longtask', buffered: false });
  });
  const status = await p.textContent('.status');
  out.label_change_ms = await p.evaluate(() => new Promise((ok) => {
    const marks = document.querySelectorAll('.reader mark[data-label="LOC"]');
    const m = document.activeElement;
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      const now = document.activeElement;
      if (document.querySelectorAll('.reader mark[data-label="LOC"]').length === marks.length - 1) {
        obs.disconnect();
        ok(performance.now() - t0);
      }
    });
    obs.observe(document.querySelector('.reader'), { attributes: true, childList: true, subtree: true });
    document.dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true }));
  }));
  out.longest_task_while_correcting_ms = await p.evaluate(() => new Promise((ok) => setTimeout(() => ok(window.__longest), 100)));
  await p.waitForFunction(() => document.querySelector('.panel.model')?.dataset.corrections !== '0'
    && document.querySelector('.panel.model')?.dataset.pending === 'false', null, { timeout: 60000 });
  out.learn_update_ms = Number(await p.getAttribute('.panel.model .learn-ms', 'data-ms'));
  await p.waitForFunction((before) => document.querySelector('.status').textContent !== before, status, { timeout: 60000 });
  out.retag_ms = Number((await p.textContent('.status')).match(/(\d+) (ms|مللي)/)?.[1]);
  await p.waitForTimeout(1500);
  out.longest_task_while_learning_ms = await p.evaluate(() => window.__longest);
  // Typing in the long document: the longest main-thread task while it is analyzed again.
  out.longest_task_while_typing_ms = await p.evaluate(() => new Promise((ok) => {
    let longest = 0;
    const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) longest = Math.max(longest, e.duration); });
    obs.observe({ type: 'longtask', buffered: false });
    const ta = document.querySelector('textarea');
    ta.focus();
    ta.value += ' وصل الوفد إلى بيروت.';
    ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
    setTimeout(() => { obs.disconnect(); ok(longest); }, 2500);
  }));
  out.js_heap_mb = await p.evaluate(() => performance.memory ? performance.memory.usedJSHeapSize / 1e6 : null);
  out.wasm_memory_mb = await p.evaluate(() => window.__wasm?.memory ? window.__wasm.memory.buffer.byteLength / 1e6 : null);
  out.errors = p.errors;
} finally {
  await b.close();
  await server.close();
}
console.log(JSON.stringify(out));
