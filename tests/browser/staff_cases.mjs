// Browser test of case handling in the staff console, in headless Chromium (playwright-core):
// an applicant applies online with an attachment; the agency's clerk logs in, finds the case on
// the work list, sends a 补正 notice, records the supplement and proposes an extension; the
// approver logs in and approves it; the clerk replies 部分公开 and downloads the letter; the
// public status page (by query code) shows each step; a clerk of another agency gets 404 on the
// case and its attachment. Usage: node staff_cases.mjs BASE_URL ARTEFACT_DIR (a `gongkai demo`
// database, served with --today so the steps' default dates are the server's today).
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, launch, runInBrowser, screenshotter } from './browser_lib.mjs';

const [base, artefacts] = process.argv.slice(2);
if (!base || !artefacts) {
  console.error('usage: node staff_cases.mjs BASE_URL ARTEFACT_DIR');
  process.exit(2);
}
const agency = process.env.GONGKAI_AGENCY || '3';
const otherAgency = process.env.GONGKAI_OTHER_AGENCY || '4';
const password = 'Gongkai-demo-2026';  // gongkai demo's documented demo password

const shot = screenshotter(artefacts);
const cspErrors = [];
async function openPage(context) {
  const page = context.pages()[0] || await context.newPage();
  page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) cspErrors.push(m.text()); });
  return page;
}
async function login(page, user) {
  await page.goto(`${base}/staff/login`);
  await page.getByLabel('登录名').fill(user);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => u.pathname === '/staff');
}
// Clicks a step's button and waits for the case page that confirms it.
async function step(page, button) {
  await page.getByRole('button', { name: button }).click();
  await page.waitForSelector('#done, #refusal');
  const refusal = await page.locator('#refusal').count();
  check(refusal === 0, `${button}: done` + (refusal ? ' — ' + await page.textContent('#refusal') : ''));
}

// The applicant's browser is runInBrowser's; the staff each get a browser of their own.
const contexts = [];
async function browserFor() {
  const context = await launch();
  contexts.push(context);
  return openPage(context);
}
await runInBrowser(async (publicContext) => {
  try {
    // 1. An online application with an attachment; its query code.
    const pub = await openPage(publicContext);
    const subject = '浏览器测试申请' + Date.now();
    await pub.goto(`${base}/agencies/${agency}/apply`);
    await pub.getByLabel('姓名或名称').fill('李四');
    await pub.getByLabel('申请人类型').selectOption('natural');
    await pub.getByLabel('证件号码').fill('150102198001010022');
    await pub.getByLabel('联系电话').fill('13900000000');
    await pub.getByLabel(/所需政府信息/).fill(subject);
    const attachment = join(mkdtempSync(join(tmpdir(), 'gongkai-att-')), '身份证明.txt');
    writeFileSync(attachment, '申请人身份证明（测试）\n');
    await pub.setInputFiles('#f-attachments', attachment);
    await pub.getByRole('button', { name: '提交申请' }).click();
    await pub.waitForSelector('#query-code');
    const code = (await pub.textContent('#query-code')).trim();
    check(code.length > 0, 'the applicant gets a query code');

    // 2. The clerk finds the case on the work list and opens it.
    const clerk = await browserFor();
    await login(clerk, `clerk-${agency}`);
    await clerk.getByRole('link', { name: '待办申请' }).click();
    await clerk.waitForSelector('table.worklist');
    check(await clerk.locator('table.worklist tr.due-overdue, table.worklist tr.due-soon, table.worklist tr.due-ok, table.worklist tr.due-stopped').count() > 0,
          'the work list shows the open requests with their due status');
    await shot(clerk, 'cases-01-work-list');
    await clerk.getByLabel('申请内容包含').fill(subject);
    await clerk.getByRole('button', { name: '筛选' }).click();
    await clerk.waitForSelector('#count');
    check((await clerk.textContent('#count')).trim() === '1', 'the filter finds the new application');
    await clerk.getByRole('link', { name: subject }).click();
    await clerk.waitForSelector('#case-id');
    const caseUrl = clerk.url();
    check(/\/staff\/cases\/\d+$/.test(new URL(caseUrl).pathname), 'the clerk opens the case ' + caseUrl);
    check((await clerk.textContent('#content')).includes(subject), 'the case page shows the request');
    check(await clerk.locator('#notice-by').count() === 1, 'the case page shows the 7-working-day 补正 limit');
    const attachmentHref = await clerk.getAttribute('ul.attachments a', 'href');
    check(/\/attachments\/\d+$/.test(attachmentHref), 'the attachment is listed');
    const [att] = await Promise.all([clerk.waitForEvent('download'),
                                     clerk.click('ul.attachments a')]);
    const attPath = join(artefacts, 'attachment.txt');
    await att.saveAs(attPath);
    check(readFileSync(attPath, 'utf8').includes('申请人身份证明'), 'the clerk downloads the attachment');

    // 3. 补正, then the supplement.
    await clerk.getByLabel('需要补正的事项').fill('请写明所需信息的年份和文件名称');
    await step(clerk, '发出补正通知');
    check((await clerk.textContent('#state')).trim() === '待补正', 'the case waits for the 补正');
    await shot(clerk, 'cases-02-correction');
    await step(clerk, '登记收到补正');
    check((await clerk.textContent('#state')).trim() === '办理中', 'the supplement restarts the clock');

    // 4. The clerk proposes an extension; the approver approves it.
    await clerk.getByLabel('延长工作日数（1–20）').fill('15');
    await clerk.getByLabel('延期理由').fill('需调取多个年份的档案');
    await step(clerk, '提交延期申请');
    check((await clerk.content()).includes('待批准'), 'the proposal waits for the approver');
    check(await clerk.locator('#form-approve').count() === 0, 'a clerk is not offered the approval');
    const approver = await browserFor();
    await login(approver, `approver-${agency}`);
    await approver.goto(caseUrl);
    await step(approver, '批准延期');
    check((await approver.content()).includes(`user:approver-${agency}`), 'the extension records its approver');
    await shot(approver, 'cases-03-approved');

    // 5. The clerk replies 部分公开 and downloads the letter.
    await clerk.goto(caseUrl);
    await clerk.getByLabel('办理结果（只选一项）').selectOption('partial');
    await clerk.getByLabel('法律依据').fill('《中华人民共和国政府信息公开条例》第三十七条');
    await clerk.getByLabel('答复书正文').fill('经审查，您申请的信息部分公开，其中涉及个人隐私的部分不予公开。');
    await step(clerk, '作出答复');
    check((await clerk.textContent('#outcome')).trim() === '部分公开', 'the reply is recorded as 部分公开');
    check(await clerk.locator('#actions').count() === 0, 'no step is offered after the reply');
    const [letter] = await Promise.all([clerk.waitForEvent('download'),
                                        clerk.click('#letter-partial-docx')]);
    const docx = join(artefacts, 'letter-partial.docx');
    await letter.saveAs(docx);
    const bytes = readFileSync(docx);
    check(bytes.length > 1000 && bytes.subarray(0, 2).toString() === 'PK', 'the 部分公开 letter downloads as DOCX');
    await shot(clerk, 'cases-04-replied');

    // 6. The public status page shows every step.
    await pub.goto(`${base}/status`);
    await pub.getByLabel(/查询码/).fill(code);
    await pub.getByRole('button', { name: '查询' }).click();
    await pub.waitForSelector('#state');
    const status = await pub.textContent('ol.timeline');
    for (const text of ['收到申请', '通知补正', '收到补正材料', '延长答复期限', '作出答复：', '部分公开']) {
      check(status.includes(text), 'the public status page shows: ' + text + (status.includes(text) ? '' : ' in ' + status));
    }
    check(!status.includes('user:'), 'the public status page names no staff');
    await shot(pub, 'cases-05-public-status');

    // 7. A clerk of another agency gets 404 on the case and its attachment.
    const other = await browserFor();
    await login(other, `clerk-${otherAgency}`);
    for (const url of [caseUrl, new URL(attachmentHref, base).href]) {
      const response = await other.goto(url);
      check(response.status() === 404, 'another agency\'s clerk gets 404 on ' + new URL(url).pathname);
      check(!(await other.content()).includes(subject), 'and sees nothing of it');
    }
    check(cspErrors.length === 0, 'no Content-Security-Policy violations: ' + cspErrors.join('; '));
  } finally {
    for (const c of contexts) await c.close();
  }
});
