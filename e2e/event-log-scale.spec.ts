// Runs in: Playwright. Owns: the event log at 100,000 rows: the list stays windowed (only visible rows in the
// DOM), the keyboard reaches the oldest row, a filter answers, and the times to show, filter and scroll are
// printed (a figure, not a pass mark: the machine is shared).
import { join } from 'node:path';
import { EventLog } from '../src/main/events/event-log.js';
import { EVENTS_FILE } from '../src/main/app/workspace.js';
import { expect, test } from './fixtures';
import { addSandboxStore, choose, sandboxStore } from './helpers';
import { startSandbox, type Sandbox } from '../src/sandbox/launch.js';

const TOTAL = 100_000;
const levels = ['debug', 'info', 'warn', 'error'] as const;
let sandbox: Sandbox;

test.beforeAll(async () => {
  sandbox = await startSandbox({ bigcommerceOnly: true, customers: 1, orders: 1, products: 1 });
});
test.afterAll(async () => {
  await sandbox.close();
});

function seed(dir: string): void {
  const log = new EventLog(join(dir, EVENTS_FILE), {
    clock: { now: () => Date.now() },
    maskPii: () => false,
  });
  for (let start = 0; start < TOTAL; start += 5000) {
    log.append(
      ...Array.from({ length: 5000 }, (_, k) => {
        const i = start + k;
        return {
          level: levels[i % 4]!,
          type: i % 10 === 0 ? 'delivery.dead' : 'delivery.batch',
          message: `seeded event ${i + 1}`,
          recordType: 'order',
          recordId: String(i % 500),
          payload: { n: i + 1, apiKey: 'never-shown-secret' },
        };
      }),
    );
  }
  log.close();
}

// A function-valued option must be given as a fixture, or Playwright takes it for one.
// eslint-disable-next-line no-empty-pattern
test.use({ seedWorkspace: async ({}, use) => use(seed) });

test('100,000 events: windowed, keyboard to the oldest, filtered, timed', async ({ console: c }) => {
  test.setTimeout(120_000);
  const { page } = c;
  await addSandboxStore(page, 'Scale Store', sandboxStore(sandbox.description));
  const t0 = Date.now();
  await page.getByTestId('nav-events').click();
  const list = page.getByTestId('events-list');
  await expect(list.getByTestId('event-row').first()).toContainText(`seeded event ${TOTAL}`);
  const firstPaint = Date.now() - t0;
  // Pages of 5,000 until the whole log is in memory.
  // The button is hidden while a page loads, so it can vanish between a visibility check and the click:
  // retry the whole step until the count says everything is in.
  await expect(async () => {
    const older = page.getByTestId('events-older');
    if (await older.isVisible()) await older.click({ timeout: 2_000 });
    await expect(page.getByTestId('events-count')).toHaveText('100,000 event(s)', { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  const rendered = Number(await list.getAttribute('data-rendered'));
  expect(rendered).toBeLessThan(40);
  expect(await list.getByTestId('event-row').count()).toBe(rendered);

  // Scrolling: frame times over 60 wheel steps through the list.
  const frames = await page.evaluate(async () => {
    const el = document.querySelector('[data-testid="events-list"]')!;
    const times: number[] = [];
    let last = performance.now();
    for (let i = 0; i < 60; i++) {
      el.scrollTop += 2000;
      await new Promise(requestAnimationFrame);
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    times.sort((a, b) => a - b);
    return { p95: times[Math.floor(times.length * 0.95)]!, max: times[times.length - 1]! };
  });

  await list.focus();
  await page.keyboard.press('End');
  await expect(list.getByTestId('event-row').last()).toContainText('seeded event 1');
  await expect(page.getByTestId('event-details')).toContainText('#1 ');
  // The payload viewer never shows a credential, even one a connector logged by mistake.
  await expect(page.getByTestId('event-payload')).not.toContainText('never-shown-secret');
  await c.shot('events-100k');

  const t1 = Date.now();
  await choose(page, 'events-type', 'delivery.dead');
  await expect(list.getByTestId('event-row').first()).toHaveAttribute('data-type', 'delivery.dead');
  const filterMs = Date.now() - t1;
  console.log(
    `event log, ${TOTAL} rows: first page shown in ${firstPaint} ms, type filter in ${filterMs} ms, ` +
      `scroll frame p95 ${frames.p95.toFixed(1)} ms (max ${frames.max.toFixed(1)} ms), ${rendered} rows in the DOM`,
  );
});
