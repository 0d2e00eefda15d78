// Learning from a person's corrections (issue 14's "Done when"), in the release bundle as a
// person uses it: a made-up name the shipped model does not know is tagged by hand in two
// sentences and then found in a new document; a word the model takes for a place is deleted
// twice and then no longer tagged in a new document. Each survives a reload, is forgotten on
// reset, and travels to a fresh browser profile through an exported `.wasim-taught` file. The
// sentences were checked against the shipped model first (`wasim annotate`): it tags the whole
// name in none of the name's sentences (فيسامر alone after a title) and المشتري ("the buyer") as
// a place in all of the buyer's.
// Also: low-confidence highlights and the key that walks them, and a correction and re-tag of a
// 50,000-word document that keeps the page responsive (the times are printed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, page, paste, screenshot, select, tempDir, longText, ROOT } from './harness.mjs';

// A made-up name (زرقلون فيسامر). "The police said that Z. F. left the city." / "Z. F. visited
// the factory yesterday." / "The foreign minister met Z. F. in Cairo." / "Z. F. denied all the
// accusations against him."
const NAME = 'زرقلون فيسامر';
const NAME_BEFORE = 'وقالت الشرطة إن زرقلون فيسامر غادر المدينة.\nووصل الوفد إلى بيروت أمس.';
const NAME_TEACH = 'زار زرقلون فيسامر المصنع أمس.\nالتقى وزير الخارجية زرقلون فيسامر في القاهرة.';
const NAME_AFTER = 'ونفى زرقلون فيسامر كل الاتهامات الموجهة إليه.';
// المشتري, "the buyer" (also Jupiter, a place to the corpora). "The buyer said the price is very
// high." / "The buyer bought a new car at the showroom yesterday." / "The buyer paid the full
// price to the seller." / "The buyer signed the contract with the company this morning."
const BUYER = 'المشتري';
const BUYER_BEFORE = 'وقال المشتري إن السعر مرتفع جدا.';
const BUYER_TEACH = 'اشترى المشتري سيارة جديدة من المعرض أمس.\nدفع المشتري الثمن كاملا للبائع.';
const BUYER_AFTER = 'ووقع المشتري العقد مع الشركة صباح اليوم.';

let server, b;
before(async () => { server = await serve('/'); b = await browser(); });
after(async () => { await b?.close(); await server?.close(); });

const marks = (p) => p.$$eval('.reader mark[data-label]', (ms) => ms.map((m) => ({
  label: m.dataset.label, text: m.textContent, source: m.dataset.source, status: m.dataset.status, cls: m.className,
})));
const model = (p) => p.$eval('.panel.model', (m) => ({
  state: m.dataset.model, corrections: Number(m.dataset.corrections), pending: m.dataset.pending === 'true',
  ms: m.querySelector('.learn-ms')?.dataset.ms,
}));

/** Waits until `ok` holds of what `read` reads (the page answers a moment after an action). */
async function until(p, read, ok, what, ms = 15000) {
  const t0 = Date.now();
  let last;
  while (Date.now() - t0 < ms) {
    last = await read(p);
    if (ok(last)) return last;
    await p.waitForTimeout(30);
  }
  assert.fail(`${what}: ${JSON.stringify(last)}`);
}

/** Whether the current document's highlights are the analysis of its text. */
const analyzed = (p) => p.waitForFunction(() => {
  const s = document.querySelector('.status')?.textContent || '';
  return s && !/تحليل|Analyzing/.test(s);
}, null, { timeout: 20000 });

/** A new document with `text`, analyzed. */
async function newDoc(p, text) {
  await p.click('.doc-actions .new-doc');
  await paste(p, text);
  await analyzed(p);
  await p.waitForTimeout(100);
}

/** Opens the app in `p` and waits for the worker and its model. */
async function open(p, state = 'shipped') {
  await p.goto(server.url);
  // The page draws its panels a moment after it loads (more on a busy machine).
  await p.waitForSelector('.panel.model', { timeout: 30000 });
  await until(p, model, (m) => m.state === state, `the model ${state}`, 30000);
}

const hasPer = (ms) => ms.some((m) => m.label === 'PER' && m.text === NAME);
const hasBuyer = (ms) => ms.some((m) => m.text === BUYER);

/** Teaches with `act` on the current document and waits for the worker's answer. */
async function teach(p, act, corrections) {
  await act();
  return until(p, model, (m) => m.corrections >= corrections && !m.pending, `${corrections} corrections learned`);
}

/** Exports what the model learned: the path of the downloaded file. */
async function exportTaught(p) {
  const [d] = await Promise.all([p.waitForEvent('download'), p.click('.panel.model .export-taught')]);
  assert.match(d.suggestedFilename(), /\.wasim-taught$/);
  const path = join(tempDir(), d.suggestedFilename());
  await d.saveAs(path);
  return path;
}

test('a made-up name tagged twice is found in new documents, kept, reset, shared', { timeout: 180000 }, async () => {
  const p = await page(b, { viewport: { width: 1400, height: 1000 } });
  await open(p);
  // Not known: a new document with the name tags nothing there. Its place is accepted by hand.
  await paste(p, NAME_BEFORE);
  await analyzed(p);
  const first = await marks(p);
  assert.ok(!first.some((m) => m.text.includes('زرقلون')), JSON.stringify(first));
  await p.click('.reader mark[data-label="LOC"]');
  await p.keyboard.press('Enter');
  await until(p, marks, (ms) => ms.some((m) => m.text === 'بيروت' && m.status === 'accepted'), 'Beirut accepted');

  // Tagged by hand in two sentences of another document: the first teaches at once; the second
  // teaches too unless the first already taught it (a correction the model follows is not
  // counted).
  await newDoc(p, NAME_TEACH);
  let m = await teach(p, async () => { await select(p, NAME, 0); await p.keyboard.press('1'); }, 1);
  assert.equal(m.state, 'taught');
  await select(p, NAME, 1);
  await p.keyboard.press('1');
  await until(p, marks, (ms) => ms.filter((x) => x.label === 'PER' && x.text === NAME && x.status === 'edited').length === 2, 'both names PER, as the person marked them');
  m = await until(p, model, (x) => x.corrections >= 1 && !x.pending, 'the second lesson answered');
  console.log(`update ${m.ms} ms (measured in the worker); ${m.corrections} corrections counted`);
  assert.match(await p.textContent('.panel.model .model-status'), m.corrections === 1 ? /تصحيح واحد/ : /تصحيحين/);
  await screenshot(p, 'learn-taught-ar');

  // A new document, a new sentence: the name is a person, marked as taught.
  await newDoc(p, NAME_AFTER);
  const after = await until(p, marks, hasPer, 'the name found in a new document');
  const name = after.find((x) => x.text === NAME);
  assert.equal(name.source, 'model:taught');
  assert.match(name.cls, /\btaught\b/);
  await p.click(`.reader mark[data-source="model:taught"]`);
  const provenance = await p.textContent('.selection-bar .provenance');
  assert.match(provenance, /علّمتَه/, provenance);
  assert.ok(await p.isVisible('.legend-keys .key-taught'), 'the legend explains ✦');
  await screenshot(p, 'learn-new-document-ar');

  // The first document, analyzed before: re-tagging every open document finds the name there
  // too, and keeps what the person accepted.
  await p.click('.docs li[data-doc="0"] .doc-name');
  assert.ok(!hasPer(await marks(p)), 'not re-tagged by itself');
  await p.click('.panel.model .retag-all');
  const retagged = await until(p, marks, hasPer, 'the first document re-tagged');
  assert.ok(retagged.some((x) => x.text === 'بيروت' && x.status === 'accepted'), JSON.stringify(retagged));

  // Reload: what was taught is stored with the documents, and new documents still use it.
  await p.waitForTimeout(800);
  await p.reload();
  await until(p, model, (x) => x.state === 'taught' && x.corrections === m.corrections, 'taught after reload', 30000);
  await newDoc(p, NAME_AFTER);
  await until(p, marks, hasPer, 'the name found after reload');
  const file = await exportTaught(p);
  console.log(`taught file: ${statSync(file).size} bytes`);

  // Reset: forgotten (and the reset can be undone).
  await p.click('.panel.model .reset-model');
  await until(p, model, (x) => x.state === 'shipped', 'reset');
  await newDoc(p, NAME_AFTER);
  assert.ok(!hasPer(await marks(p)), 'forgotten after reset');

  // A fresh browser profile (another machine): import the file, the name is known there.
  const q = await page(b);
  await open(q);
  await newDoc(q, NAME_AFTER);
  assert.ok(!hasPer(await marks(q)), 'unknown in a fresh profile');
  await q.setInputFiles('.panel.model .import-taught input', file);
  await until(q, model, (x) => x.state === 'taught' && x.corrections === m.corrections, 'imported');
  assert.match(await q.textContent('.notice'), /استُورد/);
  await newDoc(q, NAME_AFTER);
  await until(q, marks, hasPer, 'the name found after the import');
  assert.deepEqual([...p.errors, ...q.errors], []);
  await q.context().close();
  await p.context().close();
});

test('a false positive deleted twice stops appearing, kept, reset, shared; a wrong file is refused', { timeout: 180000 }, async () => {
  const p = await page(b);
  await open(p);
  await paste(p, BUYER_BEFORE);
  await analyzed(p);
  assert.ok(hasBuyer(await marks(p)), 'the shipped model takes the buyer for a place');
  await newDoc(p, BUYER_TEACH);
  assert.equal((await marks(p)).filter((x) => x.text === BUYER).length, 2);
  const del = async () => {
    await p.click(`.reader mark[data-label]:text-is("${BUYER}")`);
    await p.keyboard.press('Delete');
  };
  // Deleted once: the re-tag of this document already drops the other one.
  await teach(p, del, 1);
  await until(p, marks, (ms) => !hasBuyer(ms), 'the document re-tagged without the buyer');
  // Deleted again in the first document, analyzed before.
  await p.click('.docs li[data-doc="0"] .doc-name');
  assert.ok(hasBuyer(await marks(p)), 'the first document is as it was analyzed');
  await teach(p, del, 2);
  await newDoc(p, BUYER_AFTER);
  assert.ok(!hasBuyer(await marks(p)), `gone from a new document: ${JSON.stringify(await marks(p))}`);

  await p.waitForTimeout(800);
  await p.reload();
  await until(p, model, (x) => x.state === 'taught', 'taught after reload', 30000);
  await newDoc(p, BUYER_AFTER);
  assert.ok(!hasBuyer(await marks(p)), 'still gone after reload');
  const file = await exportTaught(p);

  // A reset can be undone: what was taught is back, and so is its effect.
  await p.click('.panel.model .reset-model');
  await until(p, model, (x) => x.state === 'shipped', 'reset');
  await p.click('.notice .undo-model');
  await until(p, model, (x) => x.state === 'taught', 'reset undone');
  await newDoc(p, BUYER_AFTER);
  assert.ok(!hasBuyer(await marks(p)), 'still gone once the reset is undone');
  await p.click('.panel.model .reset-model');
  await until(p, model, (x) => x.state === 'shipped', 'reset');
  await newDoc(p, BUYER_AFTER);
  assert.ok(hasBuyer(await marks(p)), 'back after reset');

  // A fresh profile: a file that is not a taught model is refused and nothing changes; the
  // exported one is taken.
  const q = await page(b, { locale: 'en' });
  await open(q);
  await q.click('button.lang');
  const wrong = join(tempDir(), 'notes.wasim-taught');
  writeFileSync(wrong, '{"format": "wasim/1"}');
  await q.setInputFiles('.panel.model .import-taught input', wrong);
  await q.waitForSelector('.notice');
  assert.match(await q.textContent('.notice'), /not imported, and nothing changed: it is not a file Wasim exports/);
  assert.equal((await model(q)).state, 'shipped');
  await q.setInputFiles('.panel.model .import-taught input', file);
  await until(q, model, (x) => x.state === 'taught', 'imported');
  await newDoc(q, BUYER_AFTER);
  assert.ok(!hasBuyer(await marks(q)), 'gone after the import');
  await screenshot(q, 'learn-imported-en');
  assert.deepEqual([...p.errors, ...q.errors], []);
  await q.context().close();
  await p.context().close();
});

/** A real news article of the claims development set (NewsFANE, see its README), without the
 * markup. */
function article(name) {
  return readFileSync(join(ROOT, 'crates', 'engine', 'tests', 'data', 'claims', 'dev', name), 'utf8')
    .replace(/\{W\d+ [^}]*\}/g, '').replace(/\[[A-Z]+ /g, '').replace(/\{[A-Z]\d+ /g, '').replace(/[\]}]/g, '');
}

test('unsure highlights look different, the legend says so, and u walks them least sure first', async () => {
  const p = await page(b, { viewport: { width: 1400, height: 1000 } });
  await open(p);
  // Two real articles: the model is unsure of a few of its names there.
  await paste(p, `${article('newsfane-0331.txt')}\n${article('newsfane-0317.txt')}`);
  await analyzed(p);
  const unsure = await p.$$eval('.reader mark.unsure', (ms) => ms.map((m) => [m.dataset.source, m.title]));
  assert.ok(unsure.length > 0, 'some proposals are unsure');
  assert.ok(unsure.every(([source]) => source.startsWith('model')), `only the model's, whose confidence is calibrated: ${JSON.stringify(unsure)}`);
  const style = await p.$eval('.reader mark.unsure', (m) => getComputedStyle(m).borderTopStyle);
  assert.equal(style, 'dashed');
  assert.equal(await p.getAttribute('.legend-keys .key-unsure', 'data-unsure'), String(unsure.length));
  // u: the model's proposals, the least confident first, then up; Enter accepts and goes on.
  await p.evaluate(() => document.activeElement.blur());
  const seen = [];
  const focused = async () => {
    await p.waitForSelector('.selection-bar .provenance');
    return [Number(await p.getAttribute('.selection-bar .provenance', 'data-confidence')),
      await p.getAttribute('.selection-bar .provenance', 'data-source')];
  };
  await p.keyboard.press('u');
  seen.push(await focused());
  assert.ok(seen[0][0] < 0.6 && seen[0][1].startsWith('model'), JSON.stringify(seen));
  await screenshot(p, 'learn-unsure-ar');
  for (let i = 0; i < 3; i++) {
    await p.keyboard.press(i === 1 ? 'Enter' : 'u');
    await p.waitForTimeout(50);
    seen.push(await focused());
  }
  const confidences = seen.map((x) => x[0]);
  assert.deepEqual([...confidences].sort((a, c) => a - c), confidences, `in order of confidence: ${JSON.stringify(seen)}`);
  assert.ok(seen.every((x) => x[1].startsWith('model')), JSON.stringify(seen));
  assert.match(await p.textContent('.selection-bar .provenance'), /%/);
  // The shortcut is in the help.
  await p.keyboard.press('?');
  assert.match(await p.textContent('.dialog'), /u \/ Shift\+u/);
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test('without the analysis worker the page tags with the rules alone and says so', async () => {
  const p = await page(b);
  // A browser that cannot start the worker: its script does not load.
  await p.context().route('**/wasim-worker_loader.js', (r) => r.fulfill({ status: 404, body: 'not found' }));
  await open(p, 'rules-page');
  assert.match(await p.textContent('.panel.model .model-status'), /القواعد وحدها/);
  assert.ok(await p.isDisabled('.panel.model .retag-all'));
  await paste(p, 'زار وزير الخارجية سامح شكري القاهرة أمس.');
  await analyzed(p);
  const ms = await marks(p);
  assert.ok(ms.length > 0, 'the rules tag');
  assert.ok(ms.every((m) => !m.source.startsWith('model')), JSON.stringify(ms));
  await p.click('.reader mark[data-label="LOC"]');
  await p.keyboard.press('Delete');
  await until(p, marks, (m) => !m.some((x) => x.label === 'LOC'), 'the place deleted');
  await p.waitForTimeout(300);
  assert.deepEqual(await model(p), { state: 'rules-page', corrections: 0, pending: false, ms: undefined }, 'nothing taught');
  await p.context().close();
});

test('a re-tag that lands while a mouse button is down waits for the release: a drag is never redrawn under the person', { timeout: 180000 }, async () => {
  const p = await page(b);
  await open(p);
  await p.evaluate((t) => {
    const ta = document.querySelector('textarea');
    ta.value = t;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, `${NAME_TEACH}\n${longText(30000)}\n${NAME_AFTER}`);
  await p.waitForFunction(() => document.querySelectorAll('.reader mark[data-label]').length > 500, null, { timeout: 60000 });
  await analyzed(p);
  // Drawn whole (a long document's highlights come a slice a task), so that nothing moves.
  await p.waitForFunction(() => document.querySelector('.reader').getAttribute('aria-busy') !== 'true');
  await p.waitForTimeout(500);
  const taught = () => p.$$eval('.reader mark[data-source="model:taught"]', (ms) => ms.filter((m) => m.textContent === 'زرقلون فيسامر').length);
  assert.equal(await taught(), 0);
  // The name marked with 1, and at once a drag begins over the words of a paragraph in view,
  // clear of the selection bar: the worker learns and re-tags the long document while the drag
  // goes on.
  await select(p, NAME, 0);
  await p.keyboard.press('1');
  // The mark drawn first (its label may move the lines below it).
  await p.waitForFunction(() => [...document.querySelectorAll('.reader mark[data-label="PER"]')].some((m) => m.textContent === 'زرقلون فيسامر'));
  const r = await p.evaluate(() => {
    const para = [...document.querySelectorAll('.reader p')].slice(2)
      .find((e) => { const b = e.getBoundingClientRect(); return b.top > 250 && b.top < innerHeight - 60; });
    const w = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
    let t = w.nextNode();
    for (let n = t; n; n = w.nextNode()) if (n.data.trim().length > t.data.trim().length) t = n;
    const range = document.createRange();
    range.setStart(t, 0);
    range.setEnd(t, 8);
    const b = range.getBoundingClientRect();
    return { left: b.left, right: b.right, y: b.y + b.height / 2 };
  });
  await p.keyboard.press('Escape'); // the bar of the name marked goes away
  await p.waitForFunction(() => !document.querySelector('.selection-bar .picked, .selection-bar.entity .chip'));
  await p.mouse.move(r.right - 1, r.y);
  await p.mouse.down();
  await p.mouse.move((r.left + r.right) / 2, r.y, { steps: 3 });
  await until(p, model, (x) => x.corrections >= 1 && !x.pending, 'learned', 60000);
  await p.waitForTimeout(3000); // the re-tag computed and sent
  const during = await taught();
  await p.mouse.move(r.left + 1, r.y, { steps: 3 });
  await p.mouse.up();
  assert.equal(during, 0, 'the re-tag was not drawn while the button was down');
  // What the drag went over is chosen: its words, or the highlight they snap to.
  await p.waitForSelector('.selection-bar .picked, .selection-bar.entity .chip');
  const picked = await p.textContent('.selection-bar .picked, .selection-bar.entity .chip');
  assert.ok(picked.length > 3 && !picked.includes('زرقلون'), `the drag chose its own words (${picked})`);
  await p.waitForFunction(() => [...document.querySelectorAll('.reader mark[data-source="model:taught"]')]
    .some((m) => m.textContent === 'زرقلون فيسامر'), null, { timeout: 30000 });
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test('a correction in a 50,000-word document: learned and re-tagged off the main thread', { timeout: 300000 }, async () => {
  const p = await page(b);
  await open(p);
  const text = `${NAME_TEACH}\n${longText(50000)}\n${NAME_AFTER}`;
  await p.evaluate((t) => {
    const ta = document.querySelector('textarea');
    ta.value = t;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, text);
  await p.waitForFunction(() => document.querySelectorAll('.reader mark[data-label]').length > 5000, null, { timeout: 60000 });
  await analyzed(p);
  await p.waitForTimeout(1500); // the save after the analysis
  await p.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push(e.duration); })
      .observe({ type: 'longtask' });
  });
  assert.equal(await p.$$eval('.reader mark[data-source="model:taught"]', (m) => m.length), 0);
  // A correction at the top; the name at the bottom is found when the re-tag lands.
  await select(p, NAME, 0);
  const t0 = Date.now();
  await p.keyboard.press('1');
  const learned = await until(p, model, (x) => x.corrections >= 1 && !x.pending, 'learned', 60000);
  await p.waitForFunction(() => [...document.querySelectorAll('.reader mark[data-source="model:taught"]')]
    .some((m) => m.textContent === 'زرقلون فيسامر'), null, { timeout: 60000 });
  const landed = Date.now() - t0;
  const retagMs = Number((await p.textContent('.status')).match(/(\d+) (ms|مللي)/)?.[1]);
  await p.waitForTimeout(1500); // and the save after it
  // Corrections in a row, as a person goes through the unsure ones: u, then Enter, Enter, Enter.
  await p.keyboard.press('u');
  const before = (await model(p)).corrections;
  for (let i = 0; i < 3; i++) {
    await p.keyboard.press('Enter');
    await p.waitForTimeout(60);
  }
  await until(p, model, (x) => x.corrections > before && !x.pending, 'the corrections in a row learned', 60000);
  await p.waitForTimeout(3000); // their re-tag and the save after it
  const accepted = await p.$$eval('.reader mark[data-status="accepted"]', (m) => m.length);
  assert.ok(accepted >= 3, `${accepted} accepted`);
  const tasks = await p.evaluate(() => window.__tasks);
  const figures = { words: text.split(/\s+/).length, update_ms: Number(learned.ms), retag_ms: retagMs, correction_to_retagged_ms: landed,
    long_tasks_ms: tasks.map(Math.round), longest_task_ms: Math.round(Math.max(0, ...tasks)) };
  // Reported, not asserted: timings are targets of the benchmarks (scripts/bench), and a loaded
  // machine must not fail a test of behaviour.
  console.log(JSON.stringify(figures));
  assert.ok(figures.update_ms >= 0 && Number.isFinite(retagMs), JSON.stringify(figures));
  assert.deepEqual(p.errors, []);
  await p.context().close();
});
