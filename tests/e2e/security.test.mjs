// What Wasim promises (SECURITY.md), proved in the release bundle: pasted or imported HTML and
// script stay text; the Content-Security-Policy forbids anything else; nothing but the app's
// own files is requested during a whole session; storage failures are told and the work is
// kept; damaged stored data is set aside; two tabs do not overwrite each other silently;
// hostile text does not freeze the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, page, paste, download, screenshot, tempDir } from './harness.mjs';

let server, b;
before(async () => { server = await serve('/'); b = await browser(); });
after(async () => { await b?.close(); await server?.close(); });

const HOSTILE = 'قال <img src=x onerror="window.__pwned=1"> إن </textarea><script>window.__pwned=2</script> '
  + '<a href="javascript:window.__pwned=3">رابط</a> في القاهرة.';

test('HTML and script in pasted and imported text stay text', async () => {
  const p = await page(b);
  const dialogs = [];
  p.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await p.goto(server.url);
  await paste(p, HOSTILE);
  await p.waitForSelector('.reader mark[data-label="LOC"]');
  assert.equal(await p.evaluate(() => window.__pwned), undefined, 'no pasted script ran');
  assert.equal(await p.$$eval('.reader img, .reader script, .reader a', (e) => e.length), 0, 'no element was made of the text');
  assert.ok((await p.textContent('.reader')).includes('<img src=x onerror="window.__pwned=1">'), 'the markup is shown as text');
  // A document named with markup, imported with markup in its annotations.
  const dir = tempDir();
  const f = join(dir, '<img src=x onerror=alert(1)>.json');
  writeFileSync(f, JSON.stringify({ text: HOSTILE, entities: [{ start: 4, end: 8, label: 'ORG', source: '<script>window.__pwned=4</script>' }] }));
  await p.setInputFiles('.open-files input', [f]);
  await p.waitForSelector('.docs li:nth-child(2)');
  await p.click('.reader mark[data-label="ORG"]');
  assert.match(await p.textContent('.selection-bar .provenance'), /<script>window.__pwned=4<\/script>/);
  assert.ok((await p.textContent('.docs')).includes('<img src=x onerror=alert(1)>'));
  assert.equal(await p.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(dialogs, []);
  await screenshot(p, 'security-markup-as-text');
});

test('the policy forbids inline and remote scripts', async () => {
  const p = await page(b);
  await p.goto(server.url);
  const csp = await p.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'(;|$)/, 'no unsafe-inline, no other origin');
  assert.match(csp, /connect-src 'self'/);
  // An inline script the page did not ship is refused.
  const ran = await p.evaluate(() => new Promise((ok) => {
    window.__inline = false;
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.body.appendChild(s);
    setTimeout(() => ok(window.__inline), 50);
  }));
  assert.equal(ran, false);
  assert.ok(p.errors.some((e) => /Content Security Policy/i.test(e)), 'the refusal is reported');
});

test('a whole session requests nothing but the app\'s own files', async () => {
  const p = await page(b);
  await p.goto(server.url);
  await paste(p, 'وصل وزير الخارجية الفرنسي إلى بيروت أمس، وقال إن “الحل قريب”.');
  await p.waitForSelector('.reader mark[data-label="LOC"]');
  await p.evaluate(() => document.activeElement.blur());
  await p.click('.reader mark[data-label="LOC"]');
  await p.keyboard.press('2');
  await p.keyboard.press('Control+z');
  for (const f of ['json', 'brat', 'csv-claims']) {
    await p.selectOption('select.export-format', f);
    await download(p, 'button.export');
  }
  await p.waitForTimeout(700); // the save follows the last edit
  await p.reload();
  await p.waitForSelector('.reader mark');
  const outside = p.requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(outside, []);
  assert.ok(p.requests.length > 3, 'requests were recorded');
});

test('storage that fails is told, the work stays and can be exported', async () => {
  const p = await page(b);
  // A browser where IndexedDB is unavailable (private mode in some browsers).
  await p.addInitScript(() => { Object.defineProperty(window, 'indexedDB', { get: () => undefined }); });
  await p.goto(server.url);
  await paste(p, 'وصل الوزير إلى القاهرة.');
  await p.waitForSelector('.notice');
  assert.match(await p.textContent('.notice'), /تعذّر الحفظ/);
  await p.waitForSelector('.reader mark[data-label="LOC"]'); // the work is still there
  const { name, text } = await download(p, '.notice button:has-text("تصدير الكل")');
  assert.equal(name, 'وصل الوزير إلى القاهرة.json', 'named after its first words');
  assert.equal(JSON.parse(text).text, 'وصل الوزير إلى القاهرة.');
});

test('damaged stored data is set aside, not deleted', async () => {
  const p = await page(b);
  await p.goto(server.url);
  await p.waitForSelector('textarea');
  await p.evaluate(() => new Promise((ok, no) => {
    const r = indexedDB.open('wasim', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('kv');
    r.onsuccess = () => {
      const tx = r.result.transaction('kv', 'readwrite');
      tx.objectStore('kv').put('{"schema": 1, "docs": [ broken', 'workspace');
      tx.oncomplete = ok;
      tx.onerror = no;
    };
  }));
  await p.reload();
  await p.waitForSelector('.notice');
  assert.match(await p.textContent('.notice'), /نُقلت جانبًا/);
  const keys = await p.evaluate(() => new Promise((ok) => {
    const r = indexedDB.open('wasim', 1);
    r.onsuccess = () => { const q = r.result.transaction('kv').objectStore('kv').getAllKeys(); q.onsuccess = () => ok(q.result); };
  }));
  assert.ok(keys.some((k) => String(k).startsWith('set-aside-')), JSON.stringify(keys));
});

test('two tabs: a save in one is shown in the other, with a message', async () => {
  const context = await b.newContext();
  const a = await context.newPage();
  const c = await context.newPage();
  await a.goto(server.url);
  await c.goto(server.url);
  await paste(a, 'وصل الوفد إلى عمان.');
  await a.waitForSelector('.reader mark[data-label="LOC"]');
  await c.waitForFunction(() => document.querySelector('textarea').value === 'وصل الوفد إلى عمان.', null, { timeout: 5000 });
  assert.match(await c.textContent('.notice'), /لسان آخر/);
  await context.close();
});

test('hostile text: huge pastes are refused with a message, controls and odd characters pass', async () => {
  const p = await page(b);
  await p.goto(server.url);
  await p.waitForSelector('textarea');
  // 10 MB in one paste: refused before it reaches the text box.
  const t0 = Date.now();
  const pasted = await p.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'قال الوزير إن الاجتماع في القاهرة. '.repeat(170000));
    const ta = document.querySelector('textarea');
    const e = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    ta.dispatchEvent(e);
    return !e.defaultPrevented;
  });
  assert.equal(pasted, false, 'the paste was stopped');
  await p.waitForSelector('.notice');
  assert.match(await p.textContent('.notice'), /أكبر من الحد/);
  assert.equal(await p.inputValue('textarea'), '');
  assert.ok(Date.now() - t0 < 10000, 'the page answered');
  await p.click('button.new-doc');
  // Controls, bidi overrides, lone marks, every plane, a very long word.
  const odd = '\u0000\u0007قال\u202Eإن\u202C \u064E\u0651 𝔸😀𠀀\u{E0001} ' + 'ب'.repeat(20000) + ' في القاهرة\r\n\u2028سطر';
  await p.evaluate((t) => {
    const ta = document.querySelector('textarea');
    ta.value = t;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, odd);
  await p.waitForSelector('.reader mark[data-label="LOC"]');
  assert.deepEqual(p.errors, []);
});

test('an oversized file is refused with a message naming it', async () => {
  const dir = tempDir();
  const big = join(dir, 'كبير.txt');
  writeFileSync(big, 'قال الوزير إن الاجتماع في القاهرة. '.repeat(120000)); // about 7 MB
  const p = await page(b);
  await p.goto(server.url);
  await p.setInputFiles('.open-files input', [big]);
  await p.waitForSelector('.notice');
  assert.match(await p.textContent('.notice'), /كبير\.txt: \d+ MB/);
  assert.equal(await p.$$eval('.docs li', (ls) => ls.length), 1);
});
