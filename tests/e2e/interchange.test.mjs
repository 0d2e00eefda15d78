// Exports, imports and agreement in the app, as a user meets them: every format downloads
// (and re-reads where it can), annotated files open as documents with their annotations, a
// broken file is refused with a message and changes nothing, a second annotation of the same
// text shows the agreement. Sentences composed for Wasim.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, page, paste, download, screenshot, tempDir } from './harness.mjs';

// "The Jordanian Foreign Ministry announced yesterday that the minister will visit Damascus."
const TEXT = 'أعلنت وزارة الخارجية الأردنية أمس أن الوزير سيزور دمشق.';
/** Code point offsets of `s` in TEXT, as annotation files count them. */
const at = (s) => {
  const start = [...TEXT.slice(0, TEXT.indexOf(s))].length;
  return { start, end: start + [...s].length, text: s };
};

let server, b;
before(async () => { server = await serve('/'); b = await browser(); });
after(async () => { await b?.close(); await server?.close(); });

test('every export format downloads from the app', async () => {
  const p = await page(b);
  await p.goto(server.url);
  await paste(p, TEXT);
  await p.waitForSelector('.reader mark[data-label="LOC"]');
  const formats = await p.$$eval('select.export-format option', (os) => os.map((o) => o.value));
  assert.deepEqual(formats, ['json', 'jsonl', 'conll', 'conll-clitics', 'brat', 'w3c', 'csv-entities', 'csv-claims', 'label-studio', 'doccano']);
  const dir = tempDir();
  const names = [];
  for (const f of formats) {
    await p.selectOption('select.export-format', f);
    const { name, text } = await download(p, 'button.export');
    names.push(name);
    if (f === 'label-studio') {
      // Label Studio carries the text and its spans.
      const ls = JSON.parse(text);
      assert.equal(ls[0].data.text, TEXT);
      assert.ok(ls[0].annotations[0].result.some((r) => r.value?.labels?.includes('LOC') && r.value.text === 'دمشق'));
    }
  }
  // Named after the document's first words (it has no name of its own).
  const stem = 'أعلنت وزارة الخارجية الأردنية';
  assert.deepEqual(names, ['json', 'jsonl', 'conll', 'clitics.conll', 'brat.zip', 'jsonld', 'entities.csv', 'claims.csv', 'label-studio.json', 'doccano.jsonl'].map((x) => `${stem}.${x}`));
  assert.deepEqual(p.errors, []);
});

test('annotated files open with their annotations; a broken one is refused', async () => {
  const dir = tempDir();
  const ann = join(dir, 'مراجع.json');
  writeFileSync(ann, JSON.stringify({ text: TEXT, entities: [{ ...at('دمشق'), label: 'LOC' }, { ...at('الوزير'), label: 'PER' }] }));
  const conll = join(dir, 'b.conll');
  writeFileSync(conll, 'وصل\tO\nإلى\tO\nعمان\tB-LOC\n');
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, JSON.stringify({ text: TEXT, entities: [{ start: 0, end: 500, label: 'LOC' }] }));
  const p = await page(b);
  await p.goto(server.url);
  await p.setInputFiles('.open-files input', [ann, conll]);
  await p.waitForSelector('.docs li:nth-child(2)');
  assert.deepEqual(await p.$$eval('.reader mark[data-label]', (ms) => ms.map((m) => `${m.dataset.label}:${m.textContent}`)), ['PER:الوزير', 'LOC:دمشق'], 'the imported annotation, not a new analysis');
  await p.setInputFiles('.open-files input', [broken]);
  await p.waitForSelector('.notice');
  assert.match(await p.textContent('.notice'), /broken\.json: entities\[0\].*outside the text/);
  assert.equal(await p.$$eval('.docs li', (ls) => ls.length), 2);
});

test('a second annotation of the same text shows where the two disagree', async () => {
  const dir = tempDir();
  const other = join(dir, 'annotator-b.json');
  // Annotator B: only Damascus, as ORG.
  writeFileSync(other, JSON.stringify({ text: TEXT, entities: [{ ...at('دمشق'), label: 'ORG' }] }));
  const p = await page(b);
  await p.goto(server.url);
  await paste(p, TEXT);
  await p.waitForSelector('.reader mark[data-label="LOC"]');
  await p.setInputFiles('.compare input', [other]);
  await p.waitForSelector('.agreement');
  assert.match(await p.textContent('.agreement .kappa'), /-?\d\.\d{3}/);
  const items = await p.$$eval('.agreement .disagreements li', (ls) => ls.map((l) => l.textContent));
  assert.ok(items.some((i) => i.includes('دمشق') && i.includes('مكان') && i.includes('منظمة')), JSON.stringify(items));
  await p.click('.agreement .disagreements button:has-text("دمشق")');
  assert.equal(await p.textContent('.selection-bar .picked'), 'دمشق');
  await screenshot(p, 'agreement-ar');
});
