/**
 * npm run bench:notice-filter -- --url http://127.0.0.1:4321 [--runs 20]
 *
 * Time to filter the notice list in Chromium, against a running server of a
 * build (e.g. of corpus/notices-10000): the index load once, then for each
 * of a set of filter changes the time from the form's change event to the
 * list, counts and URL being written (one task: the filter is synchronous).
 * Prints medians and maxima; asserts nothing.
 */
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({ options: { url: { type: 'string' }, runs: { type: 'string', default: '20' } } });
if (!values.url) throw new Error('--url is required (a server of the build to measure)');
const runs = Number(values.runs);
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' });
const page = await browser.newPage();
await page.goto(new URL('/notices/', values.url).href);
const t0 = Date.now();
await page.focus('#nf-q');
// The index is loaded when the form gets focus; wait until a filter shows its result.
await page.check('input[name="status"][value="open"]');
await page.waitForFunction(() => /符合/.test(document.querySelector('[data-notice-count]')?.textContent ?? ''));
const loadMs = Date.now() - t0;
const rows = await page.evaluate(async () => ((await (await fetch('/notices/index.json')).json()) as { rows: unknown[] }).rows.length);

const cases: [string, string][] = [
  ['status open ⇄ ended', `input[name="status"][value="ended"]`],
  ['kind land', `input[name="kind"][value="land"]`],
  ['kind mining', `input[name="kind"][value="mining"]`],
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`notices in the index: ${rows}; index load and first filter: ${loadMs} ms`);
for (const [label, selector] of cases) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(
      await page.evaluate((sel) => {
        const box = document.querySelector<HTMLInputElement>(sel)!;
        box.checked = !box.checked;
        const t = performance.now();
        box.form!.dispatchEvent(new Event('change', { bubbles: true }));
        // update() awaits the loaded index (a resolved promise): the work ends in the microtasks after the event.
        return new Promise<number>((resolve) => queueMicrotask(() => setTimeout(() => resolve(performance.now() - t), 0)));
      }, selector),
    );
  }
  console.log(`${label}: median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms over ${runs}`);
}
const q: number[] = [];
for (let i = 0; i < runs; i++)
  q.push(
    await page.evaluate((word) => {
      const input = document.querySelector<HTMLInputElement>('#nf-q')!;
      input.value = word;
      const t = performance.now();
      input.form!.dispatchEvent(new Event('change', { bubbles: true }));
      return new Promise<number>((resolve) => queueMicrotask(() => setTimeout(() => resolve(performance.now() - t), 0)));
    }, i % 2 ? '出让' : '地块'),
  );
console.log(`text filter: median ${median(q).toFixed(1)} ms, max ${Math.max(...q).toFixed(1)} ms over ${runs}`);
await browser.close();
