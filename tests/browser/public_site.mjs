// Browser tests of the public site in headless Chromium (Debian's /usr/bin/chromium) with
// playwright-core. Usage: node public_site.mjs BASE_URL ARTEFACT_DIR
// Screenshots of every step are written to ARTEFACT_DIR. Exits non-zero on the first failure.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, launch, runInBrowser, screenshotter } from './browser_lib.mjs';

const [base, artefacts] = process.argv.slice(2);
if (!base || !artefacts) {
  console.error('usage: node public_site.mjs BASE_URL ARTEFACT_DIR');
  process.exit(2);
}
const agency = process.env.GONGKAI_AGENCY || '3';
const year = process.env.GONGKAI_YEAR || '2025';

const shot = screenshotter(artefacts);
await runInBrowser(async (context) => {
  const page = context.pages()[0] || await context.newPage();
  const cspErrors = [];
  page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) cspErrors.push(m.text()); });

  // 1. Apply online with an attachment → receipt with a query code → status shows the due date.
  await page.goto(`${base}/agencies/${agency}/apply`);
  check(await page.getAttribute('html', 'lang') === 'zh-CN', 'pages are lang="zh-CN"');
  await page.getByLabel('姓名或名称').fill('张三');
  await page.getByLabel('申请人类型').selectOption('natural');
  await page.getByLabel('证件号码').fill('150102198001010011');
  await page.getByLabel('联系电话').fill('13800000000');
  await page.getByLabel(/所需政府信息/).fill('2024年草原生态保护补助资金发放明细');
  const attachment = join(mkdtempSync(join(tmpdir(), 'gongkai-att-')), '身份证明.txt');
  writeFileSync(attachment, '申请人身份证明（测试）\n');
  await page.setInputFiles('#f-attachments', attachment);
  await shot(page, '01-apply-form');
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.waitForSelector('#query-code');
  const code = (await page.textContent('#query-code')).trim();
  const due = (await page.textContent('#due')).trim();
  check(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/.test(code), 'receipt shows a query code: ' + code);
  check(/^\d{4}-\d{2}-\d{2}$/.test(due), 'receipt shows the due date ' + due);
  await shot(page, '02-receipt');
  await page.goto(`${base}/status`);
  await page.getByLabel(/查询码/).fill(code.toLowerCase());
  await page.getByRole('button', { name: '查询' }).click();
  await page.waitForSelector('#due');
  check((await page.textContent('#due')).trim() === due, 'status page shows the due date');
  check((await page.content()).includes('收到申请，登记受理'), 'status page shows the timeline');
  await shot(page, '03-status');

  // 2. Search finds a document by a two-character Chinese word.
  await page.goto(`${base}/search`);
  await page.getByLabel(/检索词/).fill('草原');
  await page.getByRole('button', { name: '检索' }).click();
  await page.waitForSelector('ol.hits mark');
  check(await page.locator('ol.hits li a[href^="/documents/"]').count() > 0,
        'search for 草原 finds a document');
  await shot(page, '04-search');
  await page.locator('ol.hits li a[href^="/documents/"]').first().click();
  check((await page.content()).includes('索引号'), 'the document page shows its 索引号');

  // 3. A report page shows table 3; its DOCX download converts in LibreOffice.
  await page.goto(`${base}/agencies/${agency}/reports/${year}`);
  check(await page.locator('#table3').count() === 1, 'report page shows table 3');
  check((await page.textContent('#table3')).includes('本年新收政府信息公开申请数量'),
        'table 3 has the form labels');
  await shot(page, '05-report');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Word 文档' }).click(),
  ]);
  const docx = join(artefacts, 'report.docx');
  await download.saveAs(docx);
  const profile = mkdtempSync(join(tmpdir(), 'gongkai-lo-'));
  execFileSync('soffice', ['-env:UserInstallation=file://' + profile, '--headless',
                           '--convert-to', 'pdf', '--outdir', artefacts, docx],
               { stdio: 'ignore', timeout: 120000 });
  const pdf = join(artefacts, 'report.pdf');
  check(existsSync(pdf) && statSync(pdf).size > 1000, 'the DOCX download converts to PDF in LibreOffice');

  // 4. The large-text + high-contrast switch works and persists.
  await page.goto(`${base}/`);
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  await page.getByRole('button', { name: '大字号与高对比度' }).click();
  await page.waitForFunction(() => document.documentElement.classList.contains('large'));
  await page.reload();
  const after = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  check(await page.evaluate(() => document.documentElement.classList.contains('large')),
        'the large-text switch persists across a reload');
  check(after >= before * 1.3, `text is larger (${before}px → ${after}px)`);
  await shot(page, '06-large-text');
  // Without JavaScript the same switch works through the server.
  const nojs = await launch({ javaScriptEnabled: false });
  const p2 = await nojs.newPage();
  await p2.goto(`${base}/`);
  await p2.getByRole('button', { name: '大字号与高对比度' }).click();
  await p2.waitForLoadState();
  check(await p2.evaluate(() => document.documentElement.className) === 'large',
        'the switch works without JavaScript');
  await nojs.close();

  // 5. Keyboard use and 200% zoom: focus is visible; no horizontal scrolling at 640 CSS px.
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  check(outline !== 'none', 'the focused element has a visible outline');
  await page.setViewportSize({ width: 640, height: 800 });
  for (const path of ['/', `/agencies/${agency}/apply`, `/agencies/${agency}/documents`]) {
    await page.goto(base + path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth -
                                               document.documentElement.clientWidth);
    check(overflow <= 0, `no horizontal scrolling at 200% zoom on ${path}`);
  }
  await shot(page, '07-zoom-200');
  check(cspErrors.length === 0, 'no Content-Security-Policy violations: ' + cspErrors.join('; '));
});
