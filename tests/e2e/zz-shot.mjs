import { serve, browser, page, paste, screenshot } from './harness.mjs';
import { readFileSync } from 'node:fs';
const text = readFileSync('/tmp/c/article.txt', 'utf8');
const s = await serve();
const b = await browser();
for (const [w, h, name] of [[1400, 900, 'laptop'], [1920, 1080, 'wide'], [390, 844, 'phone']]) {
  const p = await page(b, { viewport: { width: w, height: h } });
  await p.goto(s.url);
  await p.waitForSelector('textarea');
  await paste(p, text);
  await p.waitForSelector('mark[data-label]', { timeout: 20000 });
  await p.waitForTimeout(1500);
  console.log(name, 'marks', await p.locator('mark[data-label]').count(), 'claims', await p.locator('[data-claim]').count(), 'errors', p.errors);
  await p.screenshot({ path: `/tmp/c/shot-${name}.png`, fullPage: false });
  const panel = p.locator('.claims, [class*=claims]').first();
  if (await panel.count()) { await panel.screenshot({ path: `/tmp/c/shot-${name}-claims.png` }).catch(e => console.log('panel', e.message)); }
  await p.context().close();
}
await b.close(); await s.close();
