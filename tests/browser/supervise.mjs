// Browser test of the supervisor (issue 13) in headless Chromium: the supervisor logs in, uploads
// the five seed reports and a ZIP of the corpus, sees seed 004 marked 有错误 with the table-3
// balance error pinned to its cells, sees the agencies that did not file, assigns an unmatched
// report, opens the trend chart and its table, and cannot open another supervisor's report.
// Usage: node supervise.mjs BASE_URL ARTEFACT_DIR SEEDS_DIR CORPUS_ZIP OTHER_REPORT_ID
import { chromium } from 'playwright-core';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, artefacts, seeds, corpusZip, otherReport] = process.argv.slice(2);
if (!base || !artefacts || !seeds || !corpusZip || !otherReport) {
  console.error('usage: node supervise.mjs BASE_URL ARTEFACT_DIR SEEDS_DIR CORPUS_ZIP OTHER_REPORT_ID');
  process.exit(2);
}
const password = 'Gongkai-super-2026';

function check(cond, message) {
  if (!cond) throw new Error('FAILED: ' + message);
  console.log('ok - ' + message);
}

const context = await chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), 'gongkai-chromium-')), {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
             '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      locale: 'zh-CN',
    });
const shot = (page, name) => page.screenshot({ path: join(artefacts, name + '.png'), fullPage: true });
let failed = false;
try {
  const page = context.pages()[0] || await context.newPage();
  const cspErrors = [];
  page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) cspErrors.push(m.text()); });

  await page.goto(`${base}/supervise`);
  check(new URL(page.url()).pathname === '/staff/login', 'the tree without a session sends to the login form');
  await page.getByLabel('登录名').fill('super-nm');
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/supervise$/);
  check(true, 'the supervisor logs in and comes back to /supervise');

  // Upload the five seeds, then the corpus ZIP.
  await page.goto(`${base}/supervise/upload`);
  const seedFiles = readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => join(seeds, f));
  check(seedFiles.length === 5, 'five seed reports to upload');
  await page.setInputFiles('#reports', seedFiles);
  await page.fill('#filed', '2022-01-20');
  await page.getByRole('button', { name: '上传并检查' }).click();
  await page.waitForSelector('table.upload-results');
  const results = await page.textContent('table.upload-results');
  check(/004_4adde12ab8e15d65\.txt[\s\S]*已提交有错误（错误 2/.test(results), 'seed 004 is checked on upload: 有错误 (2)');
  check((results.match(/已匹配/g) || []).length === 4, 'four seeds are matched to their agencies by name');
  await shot(page, 'supervise-01-upload-seeds');

  await page.setInputFiles('#reports', [corpusZip]);
  await page.getByRole('button', { name: '上传并检查' }).click();
  await page.waitForSelector('table.upload-results');
  const zipResults = await page.textContent('table.upload-results');
  check((zipResults.match(/corpus\.zip!\//g) || []).length === 4, 'every report of the corpus ZIP is listed');
  check(await page.locator('div.unassigned').count() >= 4, 'unmatched reports wait for assignment');
  check(await page.locator('div.unassigned optgroup[label="全部机关"]').count() === 0,
        'the upload page offers near names only, not the whole list in every form');
  await shot(page, 'supervise-02-upload-zip');

  // Assign the unmatched seed (内蒙古自治区民族事务委员会 is not in this store) to 鄂托克前旗, from the
  // whole list on the report's page.
  const seed000 = page.locator('div.unassigned', { hasText: '000_6208f52ea13da654.txt' });
  await seed000.getByRole('link', { name: '从全部机关中选择' }).click();
  await page.waitForURL(/\/supervise\/reports\/\d+#assign$/);
  const whole = page.locator('section.assign-all select');
  check(await whole.inputValue() === '',
        `a report no name matches has no agency chosen for it (chosen: ${await whole.inputValue()})`);
  const listed = await whole.locator('optgroup[label="全部机关"] option').allTextContents();
  check(listed.length === 9 && listed.includes('鄂托克前旗') && !listed.includes('福建省'),
        `the report's page lists the nine agencies of the scope, no other (${listed.join('、')})`);
  await shot(page, 'supervise-02-assign-from-report');
  await whole.selectOption({ label: '鄂托克前旗' });
  await page.locator('section.assign-all').getByRole('button', { name: '指定' }).click();
  await page.waitForURL(/\/supervise\/reports\/\d+$/);
  check(await page.locator('section.assign-all').count() === 0, 'an assigned report has no assignment form');
  const meta = await page.textContent('dl.meta');
  check(/第 [12] 版（共 2 版）/.test(meta), 'the assigned report joins the versions of 鄂托克前旗 2022 (one came with the seeds): ' + meta.replace(/\s+/g, ' '));
  check((await page.textContent('h1')).includes('鄂托克前旗'), "the report's page now names 鄂托克前旗");
  await page.goto(`${base}/supervise/upload`);
  check(await page.locator('div.unassigned', { hasText: '000_6208f52ea13da654.txt' }).count() === 0,
        'an assigned report leaves the waiting list');

  // The tree for 2021: seed 004 has errors, agencies that did not file are listed.
  await page.goto(`${base}/supervise?year=2021`);
  const row004 = page.locator('tr', { hasText: '满洲里市人民政府办公室' });
  check((await row004.textContent()).includes('已提交有错误（2）'), 'the tree marks seed 004 已提交有错误 (2)');
  check((await page.locator('tr.status-not_filed').count()) >= 5, 'the agencies that did not file are marked 未提交');
  check((await page.locator('tr', { hasText: '鄂托克前旗' }).textContent()).includes('未提交'),
        '鄂托克前旗 did not file for 2021');
  await shot(page, 'supervise-03-tree');
  for (const [format, type] of [['csv', 'text/csv'], ['xlsx', 'spreadsheetml']]) {
    const r = await page.request.get(`${base}/supervise?year=2021&format=${format}`);
    check(r.status() === 200 && r.headers()['content-type'].includes(type) &&
          r.headers()['content-disposition'].startsWith('attachment'), `the tree exports as ${format}`);
  }
  await page.goto(`${base}/supervise?year=2021&sort=status`);
  check((await page.locator('tbody tr').first().textContent()).includes('未提交'), 'sorting by status puts 未提交 first');

  // The report page: the balance error pinned to its cells.
  await page.goto(`${base}/supervise?year=2021`);
  await row004.getByRole('link').click();
  await page.waitForSelector('ol.findings');
  const balance = page.locator('ol.findings li', { hasText: 'T3-BALANCE' });
  check(await balance.count() === 1, 'the report lists the T3-BALANCE error');
  const pins = balance.locator('a.pin');
  check(await pins.count() > 0, 'the balance error is pinned to cells');
  const href = await pins.first().getAttribute('href');
  check(/^#t3-23-\d$/.test(href), 'pinned to the 总计 row of table 3: ' + href);
  check(await page.locator(`td${href}.pinned`).count() === 1, 'the pinned cell is marked in the table');
  await pins.first().click();
  check(page.url().endsWith(href), 'the pin link goes to the cell');
  await shot(page, 'supervise-04-report-004');

  // Roll-up: missing agencies listed.
  await page.goto(`${base}/supervise/rollup?year=2021`);
  const missing = await page.textContent('ul.missing');
  check(missing.includes('鄂托克前旗') && !missing.includes('满洲里市人民政府办公室'),
        'the roll-up lists the agencies that did not file');

  // The trend chart and its table.
  await page.goto(`${base}/supervise/charts?year=2023`);
  // ECharts (1 MB of script) draws after the page loads: on a loaded machine (an ASan server,
  // a build beside it) that has taken over Playwright's default 30 s.
  await page.waitForSelector('#chart-requests[data-drawn="true"] canvas', { timeout: 90000 });
  check(true, 'the trend chart is drawn by ECharts');
  const trendRows = await page.locator('#trend-table tbody tr').count();
  check(trendRows === 5, 'the chart has its table of five years beside it');
  check((await page.locator('#trend-table tbody tr', { hasText: '2021' }).textContent()).includes('2 /'),
        'the table shows 2021 with two reporting agencies');
  await shot(page, 'supervise-05-charts');

  // Reminders and another supervisor's report.
  await page.goto(`${base}/supervise/reminders?year=2021`);
  check((await page.textContent('table.reminders')).includes('满洲里市人民政府办公室'), 'reminders list seed 004');
  const other = await page.goto(`${base}/supervise/reports/${otherReport}`);
  check(other.status() === 404, "another supervisor's report answers 404");
  const forged = await page.request.post(`${base}/supervise/assign`,
                                         { form: { submission: '1', agency: '9', year: '2021' } });
  check(forged.status() === 403, 'a POST without the CSRF token is refused (403)');
  check(cspErrors.length === 0, 'no Content Security Policy violation: ' + cspErrors.join(' | '));
} catch (e) {
  failed = true;
  console.error(e.message);
  try { await shot(context.pages()[0], 'supervise-failure'); } catch {}
} finally {
  await context.close();
}
process.exit(failed ? 1 : 0);
