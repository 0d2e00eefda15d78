// The editor's flows as a user meets them in the release bundle: select and tag, relabel,
// delete, undo and redo, tag all occurrences, accept or reject all, the side panels, claims
// by selection, documents (open files, rename, delete and undo), reload restores the work,
// offline reload with the server stopped, the interface language. Sentences composed for Wasim.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, page, paste, screenshot, select, tempDir } from './harness.mjs';

// "Yesterday the minister visited Aswan, and the delegation returned from Aswan to Beirut.
//  The mayor of Aswan said that the season succeeded."
const TEXT = 'زار الوزير اسوان أمس، وعاد الوفد من أسوان إلى بيروت.\nقال محافظ أسوان إن “الموسم نجح”.';

let server, b;
before(async () => { server = await serve('/'); b = await browser(); });
after(async () => { await b?.close(); await server?.close(); });

const marks = (p) => p.$$eval('.reader mark[data-label]', (ms) => ms.map((m) => `${m.dataset.label}:${m.textContent}:${m.dataset.status}`));

/** Waits until the highlights satisfy `ok` (the page renders a moment after an action). */
async function until(p, ok, what) {
  const t0 = Date.now();
  let last;
  while (Date.now() - t0 < 5000) {
    last = await marks(p);
    if (ok(last)) return last;
    await p.waitForTimeout(25);
  }
  assert.fail(`${what}; highlights: ${JSON.stringify(last)}`);
}

async function open(p) {
  await p.goto(server.url);
  await p.waitForSelector('textarea');
}

test('select and tag, relabel, delete, undo and redo, tag all, panels', async () => {
  const p = await page(b);
  await open(p);
  await paste(p, TEXT);
  await p.waitForSelector('.reader mark[data-label="LOC"]');

  // Select part of a word: the selection snaps to the word.
  await select(p, 'لوزي');
  await p.waitForSelector('.selection-bar .picked');
  assert.equal(await p.textContent('.selection-bar .picked'), 'الوزير');
  await screenshot(p, 'editor-selection-ar');
  await p.keyboard.press('1'); // PER
  await until(p, (m) => m.includes('PER:الوزير:edited'), 'a new PER highlight');

  // Relabel the focused entity with the keyboard; undo and redo it.
  await p.keyboard.press('2'); // ORG
  await until(p, (m) => m.includes('ORG:الوزير:edited'), 'relabelled ORG');
  await p.keyboard.press('Control+z');
  await until(p, (m) => m.includes('PER:الوزير:edited'), 'undo brings the label back');
  await p.keyboard.press('Control+Shift+z');
  await until(p, (m) => m.includes('ORG:الوزير:edited'), 'redo applies it again');

  // Delete with the keyboard and undo the deletion.
  await p.click('.reader mark[data-label="ORG"]');
  await p.keyboard.press('Delete');
  await until(p, (m) => !m.some((x) => x.includes('الوزير')), 'deleted');
  await p.click('button.undo');
  await until(p, (m) => m.some((x) => x.includes('الوزير')), 'undo brings it back');

  // Clicking a highlight shows its provenance.
  await p.click('.reader mark[data-label="LOC"] >> nth=0');
  assert.match(await p.getAttribute('.selection-bar .provenance', 'data-source'), /list:|rule:|model/);
  assert.match(await p.textContent('.selection-bar .provenance'), /قاعدة|النموذج/, 'said in words');

  // Reject all places, then tag all occurrences of one spelling through normalization.
  await p.click('li[data-legend="LOC"] button.reject-all');
  await until(p, (m) => !m.some((x) => x.startsWith('LOC:')), 'all places rejected');
  await select(p, 'اسوان');
  await p.keyboard.press('3'); // LOC
  await until(p, (m) => m.some((x) => x.startsWith('LOC:اسوان')), 'one place tagged');
  await p.keyboard.press('t'); // tag all occurrences
  const all = await until(p, (m) => m.filter((x) => x.startsWith('LOC:')).length === 3, 'اسوان matches أسوان twice more');
  assert.deepEqual(all.filter((m) => m.startsWith('LOC:')).map((m) => m.split(':')[1]), ['اسوان', 'أسوان', 'أسوان']);

  // Keyboard navigation from highlight to highlight.
  await p.keyboard.press('Escape');
  await p.keyboard.press('n');
  const first = await p.evaluate(() => document.querySelector('.reader mark.focused')?.dataset.e);
  await p.keyboard.press('n');
  const second = await p.evaluate(() => document.querySelector('.reader mark.focused')?.dataset.e);
  assert.ok(first && second && first !== second, `focus moves between highlights (${first}, ${second})`);

  // The groups panel: the three spellings are one group; choosing it marks a member.
  const group = await p.$$eval('.groups button.group', (bs) => bs.map((b) => b.textContent));
  assert.ok(group.some((g) => g.includes('اسوان') && g.includes('×3')), JSON.stringify(group));
  await p.click('.groups button.group:has-text("×3")');
  assert.match(await p.getAttribute('.reader mark.focused', 'data-label'), /LOC/);

  // The claims panel lists the quote; choosing it marks its content in the text.
  await p.click('.claims .claim-summary >> nth=0');
  assert.equal(await p.textContent('.reader .claim.focused'), 'الموسم نجح');
  await screenshot(p, 'editor-panels-ar');
  assert.deepEqual(p.errors, []);
});

test('claims by selection: new claim, set its parts, delete', async () => {
  const p = await page(b);
  await open(p);
  // "The spokesman announced the decision today. The markets are stable, he added."
  await paste(p, 'أعلن المتحدث القرار اليوم. الأسواق مستقرة بحسب قوله.');
  await p.waitForFunction(() => document.querySelector('.reader').textContent.includes('الأسواق مستقرة'));
  const before = await p.$$eval('.claims li', (ls) => ls.length);
  await select(p, 'الأسواق مستقرة');
  await p.keyboard.press('c');
  await p.waitForSelector('.claims li.focused');
  assert.equal(await p.$$eval('.claims li', (ls) => ls.length), before + 1);
  await select(p, 'المتحدث');
  await p.click('.claims li.focused button:has-text("المتحدث ←")');
  await select(p, 'أعلن');
  await p.click('.claims li.focused button:has-text("الفعل ←")');
  const item = await p.textContent('.claims li.focused .claim-summary');
  assert.ok(item.includes('المتحدث') && item.includes('أعلن') && item.includes('الأسواق مستقرة'), item);
  assert.ok(await p.$('.reader [data-claim]'), 'the content is marked in the text');
  await p.click('.claims li.focused button.delete');
  assert.equal(await p.$$eval('.claims li', (ls) => ls.length), before);
});

test('documents: open files, rename, delete and undo; reload restores; offline reload', async () => {
  const dir = tempDir();
  const a = join(dir, 'الخبر الأول.txt');
  const bad = join(dir, 'windows-1256.txt');
  writeFileSync(a, 'وصل الوفد إلى الرباط.');
  writeFileSync(join(dir, 'second.txt'), 'عاد الوزير إلى تونس.');
  writeFileSync(bad, Buffer.from([0xc7, 0xe1, 0xd1, 0xc8, 0xc7, 0xd8])); // الرباط in Windows-1256
  const p = await page(b);
  await open(p);
  await p.setInputFiles('.open-files input', [a, join(dir, 'second.txt')]);
  await p.waitForSelector('.docs li:nth-child(2)');
  const names = await p.$$eval('.docs .doc-name', (bs) => bs.map((b) => b.textContent));
  assert.deepEqual(names, ['الخبر الأول', 'second']);
  await p.setInputFiles('.open-files input', [bad]);
  await p.waitForSelector('.notice');
  assert.match(await p.textContent('.notice'), /windows-1256\.txt.*UTF-8/, 'a file that is not UTF-8 is named in a message');
  assert.equal(await p.$$eval('.docs li', (ls) => ls.length), 2, 'a failed import changes nothing');
  await p.waitForSelector('.reader mark[data-label="LOC"]');
  assert.equal(await p.textContent('.reader mark[data-label="LOC"]'), 'الرباط');

  // Rename the second document, then delete it and undo.
  await p.click('.docs li:nth-child(2) .rename-btn');
  await p.fill('.docs input.rename', 'تونس');
  await p.press('.docs input.rename', 'Enter');
  await p.waitForSelector('.docs .doc-name:has-text("تونس")');
  await p.click('.docs li:nth-child(2) .delete-doc');
  assert.equal(await p.$$eval('.docs li', (ls) => ls.length), 1);
  await p.click('.notice .undo-delete');
  assert.equal(await p.$$eval('.docs li', (ls) => ls.length), 2);

  // An edit, then reload: everything is back.
  await p.click('.docs li:nth-child(1) .doc-name');
  await p.waitForSelector('.reader mark[data-label="LOC"]');
  await select(p, 'الوفد');
  await p.keyboard.press('2'); // ORG
  await p.waitForTimeout(700); // the save happens a moment after the edit
  await p.reload();
  await p.waitForSelector('.reader mark[data-label="ORG"]');
  assert.equal(await p.textContent('.reader mark[data-label="ORG"]'), 'الوفد');
  assert.deepEqual(await p.$$eval('.docs .doc-name', (bs) => bs.map((b) => b.textContent)), ['الخبر الأول', 'تونس']);

  // Offline: wait for the service worker, stop the server, reload.
  await p.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await p.reload();
  await p.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await p.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await server.close();
  await p.reload();
  await p.waitForSelector('.reader mark[data-label="ORG"]');
  await paste(p, ' وغادر إلى القاهرة.');
  await p.waitForSelector('.reader mark:has-text("القاهرة")');
  await screenshot(p, 'editor-offline-ar');
  server = await serve('/');
});

test('the interface speaks English on request and remembers it; the help overlay', async () => {
  const p = await page(b);
  await open(p);
  await p.click('button.lang');
  await p.waitForSelector('.app[lang="en"]');
  assert.equal(await p.getAttribute('.app', 'dir'), 'ltr');
  assert.equal(await p.textContent('button.export'), 'Export');
  await paste(p, 'قال الرئيس الفرنسي إيمانويل ماكرون إن باريس مستعدة.');
  await p.waitForSelector('.reader mark[data-label="PER"]');
  assert.equal(await p.getAttribute('.reader', 'dir'), 'rtl', 'the text stays right-to-left');
  await p.click('.reader p');
  await p.keyboard.press('?');
  await p.waitForSelector('.overlay .dialog');
  await screenshot(p, 'editor-help-en');
  await p.keyboard.press('Escape');
  await screenshot(p, 'editor-en');
  await p.reload();
  await p.waitForSelector('.app[lang="en"]');
});
