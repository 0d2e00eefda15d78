// The first slice as a user meets it: open the release bundle, paste Arabic text, see
// highlights, download the JSON export. Sentences composed for Wasim's tests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, page, paste, download, screenshot } from './harness.mjs';

// "The Egyptian foreign minister Sameh Shoukry said on Sunday that relations with France are
// strong." / "The health ministry in Beirut announced that cases rose in Cairo."
const TEXT = 'قال وزير الخارجية المصري سامح شكري، أمس الأحد، إن “العلاقات مع فرنسا قوية”.\n'
  + 'وأعلنت وزارة الصحة اللبنانية في بيروت أن عدد الإصابات ارتفع بالقاهرة منذ 14 مارس/آذار 2023.';

let server, b;
before(async () => { server = await serve('/'); b = await browser(); });
after(async () => { await b?.close(); await server?.close(); });

test('paste, highlights, claims, export', async () => {
  const p = await page(b);
  await p.goto(server.url);
  await p.waitForSelector('textarea');
  assert.equal(await p.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await p.getAttribute('html', 'lang'), 'ar');
  await paste(p, TEXT);
  await p.waitForSelector('mark[data-label]');
  const marks = await p.$$eval('.reader mark[data-label]', (ms) => ms.map((m) => [m.dataset.label, m.textContent]));
  const has = (label, text) => marks.some(([l, t]) => l === label && t === text);
  assert.ok(has('LOC', 'فرنسا'), `فرنسا as LOC in ${JSON.stringify(marks)}`);
  assert.ok(has('LOC', 'القاهرة'), 'the clitic ب stays outside: القاهرة, not بالقاهرة');
  assert.ok(has('LOC', 'بيروت'));
  assert.ok(has('PER', 'سامح شكري'));
  assert.ok(has('ORG', 'وزارة الصحة اللبنانية'));
  assert.ok(has('DATE', 'أمس الأحد'));
  assert.ok(has('DATE', '14 مارس/آذار 2023'));
  // The reading view shows the text itself: no letter lost, none added.
  assert.equal((await p.textContent('.reader')).replace(/\s+/g, ''), TEXT.replace(/\s+/g, ''));
  const claims = await p.$$eval('[data-claim]', (cs) => cs.map((c) => c.textContent));
  assert.ok(claims.includes('العلاقات مع فرنسا قوية'), `quoted claim content in ${JSON.stringify(claims)}`);
  await screenshot(p, 'slice-highlights');

  const { name, text } = await download(p, 'button.export');
  assert.equal(name, 'قال وزير الخارجية المصري.json', 'a document without a name is exported under its first words');
  const json = JSON.parse(text);
  // The DOM contract: each highlighted entity in the text is one mark[data-label], and nothing
  // else on the page is (the legend, groups and panels use other elements).
  assert.equal(await p.$$eval('mark[data-label]', (ms) => ms.length), json.entities.length);
  assert.equal(await p.$$eval('.reader mark[data-label]', (ms) => ms.length), json.entities.length);
  assert.deepEqual(await p.$$eval('mark[data-label]', (ms) => ms.map((m) => m.textContent)), json.entities.map((e) => e.text));
  assert.equal(json.format, 'wasim/1');
  assert.equal(json.offsets, 'codepoint');
  assert.equal(json.text, TEXT);
  const chars = [...TEXT];
  for (const e of json.entities) {
    assert.equal(chars.slice(e.start, e.end).join(''), e.text, `code point offsets of ${e.text}`);
    assert.ok(e.source && e.status === 'auto' && e.id);
  }
  assert.ok(json.entities.some((e) => e.label === 'LOC' && e.text === 'القاهرة'));
  assert.ok(json.claims.some((c) => c.quoted && c.content.text === 'العلاقات مع فرنسا قوية' && c.speaker && c.cue.text === 'قال'));
  // The analysis runs in a Web Worker, off the page's main thread.
  assert.equal(p.workers().length, 1);
  assert.equal(await p.workers()[0].evaluate(() => typeof wasm_bindgen), 'function');
  assert.deepEqual(p.errors, []);
  const outside = p.requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(outside, [], 'the page requests nothing but its own files');
});

test('the bundle works from a sub-path, as on GitHub Pages', async () => {
  const sub = await serve('/wasim/');
  try {
    const p = await page(b);
    await p.goto(sub.url);
    await paste(p, 'زار الرئيس الفرنسي القاهرة.');
    await p.waitForSelector('mark[data-label="LOC"]');
    assert.deepEqual(p.errors, []);
  } finally {
    await sub.close();
  }
});
