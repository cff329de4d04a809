// Shared by the browser tests: a headless Chromium (Debian's /usr/bin/chromium) with a fresh
// profile, checks that print "ok - …" or throw, screenshots, and the run-and-exit wrapper.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function check(cond, message) {
  if (!cond) throw new Error('FAILED: ' + message);
  console.log('ok - ' + message);
}

// Each browser gets a new empty profile (the --user-data-dir of launchPersistentContext).
export const launch = (options = {}) => chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), 'gongkai-chromium-')), {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
             '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      locale: 'zh-CN',
      acceptDownloads: true,
      ...options,
    });

export const screenshotter = (artefacts) =>
  (page, name) => page.screenshot({ path: join(artefacts, name + '.png'), fullPage: true });

// Runs `steps(context)` in a new browser, closes it and exits: 0 if every check passed.
export async function runInBrowser(steps) {
  const context = await launch();
  let failed = false;
  try {
    await steps(context);
  } catch (e) {
    failed = true;
    console.error(e.message);
  } finally {
    await context.close();
  }
  process.exit(failed ? 1 : 0);
}
