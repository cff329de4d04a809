// Browser test of the staff console's entrance in headless Chromium (playwright-core): a staff
// page sends to the login form, a wrong password is refused, the demo clerk logs in, sees its
// agency's counts, logs out, and the old session no longer opens the console.
// Usage: node staff_login.mjs BASE_URL ARTEFACT_DIR (the database made by `gongkai demo`).
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, artefacts] = process.argv.slice(2);
if (!base || !artefacts) {
  console.error('usage: node staff_login.mjs BASE_URL ARTEFACT_DIR');
  process.exit(2);
}
const agency = process.env.GONGKAI_AGENCY || '3';
const password = 'Gongkai-demo-2026';  // gongkai demo's documented demo password

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

  await page.goto(`${base}/staff`);
  check(new URL(page.url()).pathname === '/staff/login', 'a staff page without a session shows the login form');
  await page.getByLabel('登录名').fill(`clerk-${agency}`);
  await page.getByLabel('密码').fill('Not-the-password-1');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForSelector('p.errors');
  check((await page.textContent('p.errors')).includes('登录名或密码错误'), 'a wrong password is refused');
  check(await page.inputValue('#password') === '', 'the password field is not refilled');
  await shot(page, 'staff-01-login-refused');

  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForSelector('#open-count');
  check(new URL(page.url()).pathname === '/staff', 'the clerk logs in and lands on /staff');
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'gk_session');
  check(session && session.httpOnly && session.sameSite === 'Strict', 'the session cookie is HttpOnly and SameSite=Strict');
  check(/^\d+$/.test((await page.textContent('#open-count')).trim()), 'the home page shows the open requests');
  check((await page.content()).includes(`clerk-${agency}（经办人）`), 'the header names the clerk and role');
  await shot(page, 'staff-02-home');

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL(/\/staff\/login$/);
  check(!(await context.cookies()).some((c) => c.name === 'gk_session'), 'logout clears the session cookie');
  // The old token no longer opens the console, even if the browser sends it again.
  await context.addCookies([{ ...session }]);
  await page.goto(`${base}/staff`);
  check(new URL(page.url()).pathname === '/staff/login', 'the ended session is refused by the server');
  await shot(page, 'staff-03-logged-out');
  check(cspErrors.length === 0, 'no Content-Security-Policy violations: ' + cspErrors.join('; '));
} catch (e) {
  failed = true;
  console.error(e.message);
} finally {
  await context.close();
}
process.exit(failed ? 1 : 0);
