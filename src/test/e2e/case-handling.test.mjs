// Browser tests of case handling, in Debian's Chromium driven by playwright-core, against a running asylum-chain
// (APP_URL). The script makes its own cases through the API, then works as the handlers do:
//   1. an IND handler logs in to Tasklist, opens "IND – Spoor 4 op prioriteit", claims the top task, fills in and
//      submits its form, and sees the case advance;
//   2. a municipality user logs in and sees only municipality filters and tasks;
//   3. the case view logs in with a form to a server session (nothing in browser storage, no CSP violation) and
//      shows the case and its current position highlighted in the diagram.
// Screenshots go to target/e2e/. Any failure exits non-zero.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const APP_URL = (process.env.APP_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = process.env.E2E_SCREENSHOTS || 'target/e2e';
const PASSWORD = 'demo';
const TASKLIST = `${APP_URL}/camunda/app/tasklist/default/`;

// the demo user who works the tasks of each candidate group (README "Demo logins")
const USER_OF_GROUP = {
  'police-avim': 'agent', kmar: 'marechaussee', 'ind-registration': 'aanmelding', 'ind-decision': 'beslismedewerker',
  'ind-dublin': 'dublin', 'ind-reunification': 'nareis', coa: 'coa', nidos: 'voogd', municipality: 'gemeente',
  dtv: 'terugkeer', 'ind-team-lead': 'teamleider'
};

// what the registration forms record for a spoor-4 case (no Eurodac hit, no visa, no protection elsewhere)
const SPOOR_4_ANSWERS = {
  Activity_IdentifyAndRegister: { identityEstablished: true, documentsPresent: true, eurodacHitMemberState: '',
    visaMemberState: '' },
  Activity_RegistrationInterview: { protectionInMemberState: '', medicalConcerns: false, familyInVa: false }
};

// and onwards to housing: the IND grants, the COA links the permit holder to Groningen
const TO_HOUSING_ANSWERS = {
  ...SPOOR_4_ANSWERS,
  Activity_MainInterview: { interpreterPresent: true, hearingNotes: '' },
  Activity_CorrectionsAndAdditions: { correctionsReceived: true, correctionNotes: '' },
  Activity_AssessApplication: { decisionOutcome: 'GRANT', vaReason: '', decisionReason: '' },
  Activity_DecideApplication: { decisionOutcome: 'GRANT', decisionReason: '' },
  Activity_LinkMunicipality: { municipalityCode: 'GM0014', linkReason: '' }
};

mkdirSync(SHOTS, { recursive: true });

// --- the API, as the handlers' systems use it ---

async function api(method, path, user, body) {
  const response = await fetch(APP_URL + path, {
    method,
    headers: {
      Authorization: 'Basic ' + Buffer.from(`${user}:${PASSWORD}`).toString('base64'),
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' })
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Error(`${method} ${path} as ${user}: ${response.status} ${text}`);
  }
  return json;
}

function typed(variables) {
  return Object.fromEntries(Object.entries(variables).map(([name, value]) => [name,
    { value, type: typeof value === 'boolean' ? 'Boolean' : typeof value === 'number' ? 'Integer' : 'String' }]));
}

async function registerCase(familyName) {
  const arrival = new Date(Date.now() - 3 * 86400000).toISOString().slice(0, 10);
  const created = await api('POST', '/api/cases', 'agent', {
    person: { familyName, givenNames: 'Testpersoon', birthDate: '1990-05-17', sex: 'M', nationality: 'SYR' },
    applicationType: 'FIRST',
    arrival: { location: 'TER_APEL', date: arrival },
    unaccompaniedMinor: false,
    temporaryProtectionUkraine: false,
    familyMembersAbroad: []
  });
  return created;
}

/**
 * Completes the earlier tasks as their groups' demo users and fires the rest-period timer, until a task for the
 * group is open (by default: until the IND decides).
 */
async function moveToGroup(caseId, group = 'ind-decision', answersByTask = SPOOR_4_ANSWERS) {
  for (let round = 0; round < 20; round++) {
    const file = await api('GET', `/api/cases/${caseId}`, 'demo');
    const groupTask = file.openTasks.find((task) => task.candidateGroups.includes(group));
    if (groupTask) {
      return groupTask;
    }
    let progressed = false;
    for (const task of file.openTasks) {
      const answers = answersByTask[task.taskDefinitionKey];
      assert.ok(answers, `no answers for task ${task.taskDefinitionKey} of case ${caseId}`);
      const user = USER_OF_GROUP[task.candidateGroups[0]];
      await api('POST', `/engine-rest/task/${task.id}/complete`, user, { variables: typed(answers) });
      progressed = true;
    }
    if (!progressed) {
      const instances = await api('GET', `/engine-rest/process-instance?businessKey=${caseId}`, 'demo');
      for (const instance of instances) {
        const jobs = await api('GET', `/engine-rest/job?timers=true&processInstanceId=${instance.id}`, 'demo');
        for (const job of jobs) {
          await api('POST', `/engine-rest/job/${job.id}/execute`, 'demo');
          progressed = true;
        }
      }
    }
    assert.ok(progressed, `case ${caseId} waits for nothing a test can do`);
  }
  throw new Error(`case ${caseId} never reached a task for ${group}`);
}

async function filterId(name) {
  const filters = await api('GET', '/engine-rest/filter', 'demo');
  const found = filters.find((filter) => filter.name === name);
  assert.ok(found, `filter ${name} exists`);
  return found.id;
}

// --- the browser ---

async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
  });
}

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  console.log(`  screenshot ${SHOTS}/${name}.png`);
}

/**
 * Logs in to Tasklist through its login form. The webapp loads itself, and the XSRF token its login post needs,
 * with requests that follow the page's load event, so the form is filled once the network is quiet. An attempt
 * that does not reach the filters is photographed, reported with the server's answers, and tried again (at most
 * three times).
 */
async function loginToTasklist(page, user) {
  const answers = [];
  const listen = (response) => {
    if (response.url().includes('/api/admin/auth') || response.status() >= 400) {
      answers.push(`${response.request().method()} ${response.url().replace(APP_URL, '')} -> ${response.status()}`);
    }
  };
  page.on('response', listen);
  try {
    for (let attempt = 1; ; attempt++) {
      await page.goto(TASKLIST);
      await page.waitForLoadState('networkidle');
      await page.locator('input[type="text"]').first().fill(user);
      await page.locator('input[type="password"]').first().fill(PASSWORD);
      await page.locator('button[type="submit"]').first().click();
      try {
        await page.locator('.task-filters, [cam-tasklist-filters]').first().waitFor({ timeout: 30000 });
        return;
      } catch (error) {
        await shot(page, `login-${user}-attempt-${attempt}`);
        console.log(`  login of ${user}, attempt ${attempt}, did not reach the filters at ${page.url()}; `
          + `answers: ${answers.join('; ') || 'none'}`);
        if (attempt === 3) throw error;
      }
    }
  } finally {
    page.off('response', listen);
  }
}

async function filterNames(page) {
  await page.locator('.task-filters .task-filter').first().waitFor({ timeout: 30000 });
  return (await page.locator('.task-filters .task-filter .names, .task-filters .task-filter .name').allInnerTexts())
    .map((name) => name.trim()).filter(Boolean);
}

async function openFilter(page, name) {
  await page.locator('.task-filters .task-filter', { hasText: name }).first().click();
  await page.locator('.tasks-list .task').first().waitFor({ timeout: 30000 });
}

/**
 * Tasklist keeps its own list sorting (default: created, newest first) over the filter's; a handler sets it to
 * priority once, as the README says, and Tasklist remembers it.
 */
async function sortByPriority(page) {
  await page.locator('[cam-sorting-choices] .dropdown-toggle, .sort-by .dropdown-toggle').first().click();
  await page.locator('.dropdown-menu:visible').getByText('Priority', { exact: true }).first().click();
  await page.waitForTimeout(1000);
}

/** Fills every field of the Camunda Form on screen the way a careful handler would. */
async function fillForm(page) {
  const form = page.locator('.fjs-form');
  await form.waitFor({ timeout: 30000 });
  for (const group of await form.locator('.fjs-form-field-radio').all()) {
    await group.locator('input[type="radio"]').first().check();
  }
  for (const select of await form.locator('.fjs-form-field-select').all()) {
    // a read-only select shows a code as its label (e.g. "Afgewezen"); there is nothing to choose
    const readOnly = await select.evaluate(el => el.classList.contains('fjs-readonly')
        || el.classList.contains('fjs-disabled') || !!el.querySelector('input[readonly], input[disabled]'));
    if (readOnly) continue;
    await select.locator('.fjs-input-group, input').first().click();
    await page.locator('.fjs-dropdownlist-item').first().click();
  }
  for (const checkbox of await form.locator('.fjs-form-field-checkbox input[type="checkbox"]').all()) {
    await checkbox.check();
  }
  for (const area of await form.locator('.fjs-form-field-textarea textarea').all()) {
    await area.fill('Verklaring consistent; rapport in het dossier.');
  }
}

async function main() {
  console.log(`case handling in the browser against ${APP_URL}`);
  const first = await registerCase('Browsertest-Een');
  const second = await registerCase('Browsertest-Twee');
  const housed = await registerCase('Browsertest-Drie');
  await moveToGroup(first.caseId);
  await moveToGroup(second.caseId);
  await moveToGroup(housed.caseId, 'municipality', TO_HOUSING_ANSWERS);
  console.log(`  cases ${first.vNumber} and ${second.vNumber} wait for the IND, ${housed.vNumber} for the municipality`);

  const browser = await launch();
  try {
    // 1. the IND handler works the top task of the spoor-4 filter
    {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'nl-NL' });
      const page = await context.newPage();
      await loginToTasklist(page, 'beslismedewerker');
      const names = await filterNames(page);
      assert.ok(names.includes('IND – Spoor 4 op prioriteit'), `IND filters: ${names}`);
      assert.ok(!names.some((name) => name.startsWith('Gemeente')), `the IND sees no municipality filters: ${names}`);
      await openFilter(page, 'IND – Spoor 4 op prioriteit');
      await sortByPriority(page);
      await shot(page, '01-ind-spoor4-filter');
      const listed = await api('POST', `/engine-rest/filter/${await filterId('IND – Spoor 4 op prioriteit')}/list`,
        'beslismedewerker', {});
      const highest = Math.max(...listed.map((open) => open.priority));

      await page.locator('.tasks-list .task').first().click();
      await page.waitForURL(/task=/, { timeout: 30000 });
      const taskId = new URL(page.url().replace('#/?', '?')).searchParams.get('task');
      const task = await api('GET', `/engine-rest/task/${taskId}`, 'demo');
      const instance = await api('GET', `/engine-rest/process-instance/${task.processInstanceId}`, 'demo');
      const caseId = instance.businessKey;
      console.log(`  top task "${task.name}" (priority ${task.priority}) of case ${caseId}`);
      assert.equal(task.priority, highest, 'the top task has the highest priority of the filter');

      await page.getByRole('button', { name: /^\s*(Claim|Claimen)\s*$/ }).first().click();
      await page.getByRole('button', { name: /^\s*(Complete|Voltooien)\s*$/ }).first().waitFor({ timeout: 30000 });
      await fillForm(page);
      await shot(page, '02-ind-form-filled');
      await page.getByRole('button', { name: /^\s*(Complete|Voltooien)\s*$/ }).first().click();

      // the case advances: the task is done, by this handler, and the next step is open
      let file;
      for (let i = 0; i < 60; i++) {
        file = await api('GET', `/api/cases/${caseId}`, 'demo');
        if (!file.openTasks.some((open) => open.id === taskId)) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      assert.ok(!file.openTasks.some((open) => open.id === taskId), 'the submitted task is no longer open');
      assert.ok(file.openTasks.length > 0 || file.status !== 'IN_PROCEDURE', 'the case moved on to a next step');
      const view = await api('GET', `/api/cases/${caseId}/view`, 'demo');
      const done = view.timeline.find((row) => row.kind === 'TASK' && row.name === task.name);
      assert.equal(done && done.user, 'beslismedewerker', 'the timeline names the handler who completed the task');
      await page.waitForTimeout(1000);
      await shot(page, '03-ind-task-completed');
      console.log(`  completed; case now has open tasks: ${file.openTasks.map((open) => open.name).join(', ')}`);
      globalThis.workedCase = caseId;
      await context.close();
    }

    // 2. the municipality sees only its own filters and no IND tasks
    {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'nl-NL' });
      const page = await context.newPage();
      await loginToTasklist(page, 'gemeente');
      // Tasklist appends a filter's task count once it has loaded it ("Mijn taken 0"): compare the names only
      const names = (await filterNames(page)).map((name) => name.replace(/\s+\d+$/, ''));
      assert.deepEqual([...names].sort(), ['Gemeente – Verhuizing bevestigen', 'Gemeente – Woning aanbieden',
        'Gemeente – alle taken', 'Mijn taken'].sort(), `municipality filters: ${names}`);
      await page.locator('.task-filters .task-filter', { hasText: 'Gemeente – alle taken' }).first().click();
      await page.locator('.tasks-list .task').first().waitFor({ timeout: 30000 });
      const tasks = await page.locator('.tasks-list .task').allInnerTexts();
      const ind = tasks.filter((text) => /Nader gehoor|Beschikking|Aanmeldgehoor|Identificeren/.test(text));
      assert.deepEqual(ind, [], 'no tasks of other organisations');
      assert.ok(tasks.some((text) => text.includes('Woning aanbieden')), `the housing offer is listed: ${tasks}`);
      const visible = await api('GET', '/engine-rest/task', 'gemeente');
      for (const open of visible) {
        const links = await api('GET', `/engine-rest/task/${open.id}/identity-links?type=candidate`, 'demo');
        assert.ok(links.some((link) => link.groupId === 'municipality'), `gemeente sees only municipality tasks: ${open.name}`);
      }
      await page.locator('.tasks-list .task').first().click();
      await page.locator('.fjs-form').waitFor({ timeout: 30000 });
      await shot(page, '04-gemeente-filters');
      await context.close();
    }

    // 3. the case view: login, search by V-number, the case with its highlighted position
    {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'nl-NL' });
      const page = await context.newPage();
      const blocked = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
      });
      await page.goto(`${APP_URL}/cases`);
      await page.locator('#username').fill('beslismedewerker');
      await page.locator('#password').fill(PASSWORD);
      await page.locator('#loginForm button[type="submit"]').click();
      await page.locator('#login').waitFor({ state: 'hidden', timeout: 30000 });
      // the login lives in the server session: no password, token or user in browser storage, and the session
      // cookie is out of the page's reach (HttpOnly)
      const stored = await page.evaluate(() => ({
        session: Object.keys(sessionStorage), local: Object.keys(localStorage), cookies: document.cookie }));
      assert.deepEqual(stored.session, [], `sessionStorage holds nothing: ${stored.session}`);
      assert.deepEqual(stored.local, [], `localStorage holds nothing: ${stored.local}`);
      assert.ok(!stored.cookies.includes('JSESSIONID'), `the session cookie is HttpOnly: ${stored.cookies}`);
      assert.equal(await page.locator('#password').inputValue(), '', 'the password is not left in the form');
      await page.locator('#vNumber').fill(second.vNumber);
      await page.locator('#search button[type="submit"]').click();
      await page.waitForURL(`${APP_URL}/cases/${second.caseId}`, { timeout: 30000 });
      await page.locator('#case').waitFor({ state: 'visible', timeout: 30000 });
      await page.locator('.diagram[data-rendered="true"]').first().waitFor({ timeout: 30000 });
      const title = await page.locator('#title').innerText();
      assert.ok(title.includes(second.vNumber), `the case view shows the V-number: ${title}`);
      // each diagram renders on its own: wait for the IND diagram's highlight, not only for the first diagram
      const highlighted = page.locator('.diagram[data-process="indDecision"] .djs-element.current');
      await highlighted.first().waitFor({ timeout: 30000 }).catch(() => {});
      assert.ok(await highlighted.count() >= 1, 'the current position is highlighted in the IND diagram');
      const position = await highlighted.first().getAttribute('data-element-id');
      console.log(`  case view highlights ${position}`);
      const timeline = await page.locator('#timeline').innerText();
      assert.ok(timeline.includes('agent') && timeline.includes('aanmelding'), 'the timeline names who did the steps');
      const link = await page.locator('a.tasklist-link').first().getAttribute('href');
      assert.match(link, /^\/camunda\/app\/tasklist\/default\/#\/\?task=/);
      await shot(page, '05-case-view');

      await page.goto(`${APP_URL}/cases/${globalThis.workedCase}`);
      await page.locator('.diagram[data-rendered="true"]').first().waitFor({ timeout: 30000 });
      await shot(page, '06-case-view-after-decision-step');
      assert.deepEqual(blocked, [], 'the case view breaks no rule of its Content-Security-Policy');

      // logging out ends the session: the view asks for a login again
      await page.locator('#logout').click();
      await page.locator('#login').waitFor({ state: 'visible', timeout: 30000 });
      await page.goto(`${APP_URL}/cases/${second.caseId}`);
      await page.locator('#login').waitFor({ state: 'visible', timeout: 30000 });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  console.log('case handling in the browser: all checks passed');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
