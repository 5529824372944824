/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error, no-console -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * The n8n editor, walked as a new user walks it, in headless Chromium (Debian's `chromium` package, or
 * CHROMIUM_PATH) driven by playwright-core: for one trigger of each kind, from an empty workflow, the trigger is
 * added from the nodes panel (searched by name), its credentials are created in the editor's credential dialog,
 * the editor's Test URL and notices are read, "Execute step" listens for a test event, one delivery reaches the
 * shown URL and the editor shows the item, then the workflow is published with the editor's Publish button and a
 * delivery to the Production URL runs it.
 * - Wordbee Beebox Trigger (the user pastes the URL plus `?token=<secret>` into Beebox): the secret and API
 *   credentials, a real Beebox callback, and a forged one (wrong token) refused with 401 and a warn line in n8n's
 *   log naming workflow, node and reason, without the secret.
 * - Smartcat Trigger and Phrase TMS Trigger (automatic registration): the vendor's API credential pointing at its
 *   simulator, "Allow Private Webhook URL" (this n8n listens on 127.0.0.1); listening registers the Test URL with
 *   the vendor, publishing the Production URL, and the vendor's own callbacks reach them.
 * The editor's selectors are n8n 2.41's `data-test-id` attributes (those its own Playwright tests use), so the
 * suite runs on the pinned n8n 2.x only (jest.config.js).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	selectors,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page,
} from 'playwright-core';

import { phraseJobWebhook, phraseSampleJobPart } from '../fixtures/samples/phrase';
import { BeeboxSimulator } from '../simulators/beebox';
import { PhraseSimulator } from '../simulators/phrase';
import { SmartcatSimulator } from '../simulators/smartcat';
import { eventually, send, startN8n, type Execution, type N8nInstance } from './harness';

// test/e2e/chromium.js is plain CommonJS shared with `npm run screenshots`.
type ChromiumModule = typeof import('./chromium.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const browsers = require('./chromium.js') as ChromiumModule;
const { launchChromium, requireChromium, signedInContext } = browsers;

/** What a user would paste from `openssl rand -hex 32` into the Translation Webhook Secret credential. */
const SECRET = '9f2c4e7a1b3d5f6071829a3b4c5d6e7f8091a2b3c4d5e6f7a8b9c0d1e2f30415';
const FORGED_TOKEN = 'a-guessed-token-0123456789abcdef';
const BEEBOX = { login: 'connector', password: 'editor-beebox-password', projectKey: 'p1' };
const SMARTCAT = { accountId: 'editor-account', apiKey: 'editor-smartcat-api-key-secret' };
const PHRASE = { userName: 'pm.editor', password: 'editor-phrase-password-secret' };

/** Where a failed step leaves its screenshot (the step's name in the error says which file). */
let shots: string | undefined;

/** The log line the trigger writes for a refused delivery (nodes/common/delivery/answers.ts, logRefusal). */
const refusalLine = (workflow: { name: string; id: string }, node: string, reason: string) =>
	`Workflow "${workflow.name}" (${workflow.id}), node "${node}" refused a delivery with HTTP 401: ${reason}`;

describe('the n8n editor, walked as a new user', () => {
	let n8n: N8nInstance;
	let browser: Browser | undefined;
	let context: BrowserContext;
	let page: Page;
	let beebox: BeeboxSimulator;
	let smartcat: SmartcatSimulator;
	let phrase: PhraseSimulator;

	beforeAll(async () => {
		// never skipped: without a browser the suite fails and says what to install
		requireChromium();
		beebox = await new BeeboxSimulator({ ...BEEBOX }).start();
		smartcat = await new SmartcatSimulator({
			...SMARTCAT,
			retryBaseMs: 50,
			projects: [{ id: 'p-web', name: 'Website', status: 'inProgress' }],
			documents: [{ id: '189_25', name: 'home.html', status: 'completed', projectId: 'p-web' }],
		}).start();
		phrase = await new PhraseSimulator({ ...PHRASE, projects: {} }).start();
		const [started, launched] = await Promise.all([
			// JSON log lines carry their level: the forged delivery's line must be a warning
			startN8n('editor', { env: { N8N_LOG_FORMAT: 'json' } }),
			launchChromium(),
		]);
		n8n = started;
		browser = launched;
		if (n8n.major < 2) throw new Error('the editor test drives n8n 2.x');
		for (const value of [SECRET, BEEBOX.password, SMARTCAT.apiKey, PHRASE.password])
			n8n.watchSecret(value);
		// the owner account, set up as on the first visit to the editor, and its session in the browser
		context = await signedInContext(browser, n8n);
		selectors.setTestIdAttribute('data-test-id');
	}, 240_000);

	// a tab of its own for each vendor: a walk that failed half-way leaves nothing (an open dialog, unsaved
	// changes) in the next one's way
	beforeEach(async () => {
		await page?.close();
		page = await context.newPage();
		page.setDefaultTimeout(30_000);
	});

	afterAll(async () => {
		const output = n8n?.output ?? '';
		await browser?.close();
		await n8n?.stop();
		await beebox?.stop();
		await smartcat?.stop();
		await phrase?.stop();
		for (const secret of [SECRET, BEEBOX.password, SMARTCAT.apiKey, PHRASE.password])
			expect(output).not.toContain(secret);
	});

	/** Runs one step of the walk; when it fails, the error names the step and a screenshot of the page. */
	async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
		try {
			return await work();
		} catch (error) {
			shots ??= mkdtempSync(join(tmpdir(), 'n8n-editor-e2e-'));
			const file = join(shots, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
			await page.screenshot({ path: file }).catch(() => undefined);
			(error as Error).message = `step "${name}" (screenshot ${file}): ${(error as Error).message}`;
			throw error;
		}
	}

	const ndv = () => page.getByTestId('ndv');

	/** A new, empty workflow, named as the user names it; its id (from the editor's address). */
	async function newWorkflow(name: string): Promise<{ id: string; name: string }> {
		await page.goto(`${n8n.baseUrl}/workflow/new`);
		// the editor gives a new workflow its id at once and shows it in the address
		await page.waitForURL(/\/workflow\/(?!new\b)[^/?]+/);
		await page.getByTestId('canvas-add-button').waitFor();
		const title = page.getByTestId('workflow-name-input');
		await title.getByTestId('inline-edit-preview').click();
		await title.getByTestId('inline-edit-input').fill(name);
		await page.keyboard.press('Enter');
		await title.getByTestId('inline-edit-preview').getByText(name, { exact: true }).waitFor();
		const id = /\/workflow\/([^/?]+)/.exec(page.url())?.[1];
		if (!id || id === 'new') throw new Error(`no workflow id in ${page.url()}`);
		return { id, name };
	}

	/**
	 * Adds a trigger from the nodes panel: searches the vendor's name, opens its entry (n8n lists a vendor's
	 * trigger and action node together) and picks "On all events", the trigger with every event; the node's
	 * settings open.
	 */
	async function addTrigger(vendor: string, nodeName: string): Promise<void> {
		await page.getByTestId('canvas-add-button').click();
		await page.getByTestId('node-creator-search-bar').fill(vendor);
		await page.getByTestId('node-creator-item-name').getByText(vendor, { exact: true }).click();
		await page
			.getByTestId('node-creator-item-name')
			.getByText('On all events', { exact: true })
			.click();
		await ndv().waitFor();
		await expect(ndv().getByTestId('node-title-container').innerText()).resolves.toContain(
			nodeName,
		);
	}

	/** A select's options (n8n's dropdowns open as a list of role=option elements). */
	async function choose(select: Locator, option: string): Promise<void> {
		await select.click();
		await page.getByRole('option').filter({ hasText: option, visible: true }).first().click();
	}

	/**
	 * Creates a credential from the node's "Connect to ..." button in the credential slot labelled `slot`, with
	 * the given fields (a string is typed, `{ option }` chosen), and saves it: n8n tests it on save and closes the
	 * dialog once it passes; the node then has it selected.
	 */
	async function createCredential(
		slot: string,
		fields: Array<[string, string | { option: string }]>,
	): Promise<void> {
		const slotLocator = ndv().getByTestId('node-credentials-slot').filter({ hasText: slot });
		await slotLocator.getByTestId('node-credentials-empty-state').getByRole('button').click();
		const modal = page.getByTestId('editCredential-modal');
		await modal.waitFor();
		for (const [field, value] of fields) {
			const input = modal.getByTestId(`parameter-input-${field}`);
			if (typeof value === 'string') await input.locator('input').fill(value);
			else await choose(input, value.option);
		}
		await modal.getByTestId('credential-save-button').click();
		await modal.waitFor({ state: 'hidden' });
		await slotLocator.getByTestId('node-credentials-select').waitFor();
	}

	/** Adds an option of the node's Options collection and switches it on. */
	async function switchOnOption(name: string): Promise<void> {
		const options = ndv()
			.getByTestId('parameter-item')
			.filter({ has: page.getByText('Options', { exact: true }) });
		await options.getByTestId('collection-parameter-add').click();
		const input = ndv().getByTestId(`parameter-input-${name}`);
		await input.locator('.el-switch').click();
		await switchedOn(input);
	}

	/** Waits until a parameter's switch is on (its checkbox is hidden behind the drawn switch). */
	async function switchedOn(input: Locator): Promise<void> {
		await input.locator('[role="switch"][aria-checked="true"]').waitFor({ state: 'attached' });
	}

	/** The URL the node's "Webhook URLs" section shows for Test or Production. */
	async function shownUrl(kind: 'test' | 'production'): Promise<string> {
		if (!(await ndv().locator('.webhook-url').isVisible()))
			await ndv().getByText('Webhook URLs').click();
		await ndv().getByTestId(`radio-button-${kind}`).click();
		// the shown URL once it is the chosen one: /webhook-test/... or /webhook/...
		const url = ndv().locator('.webhook-url', {
			hasText: kind === 'test' ? '/webhook-test/' : '/webhook/',
		});
		return (await url.innerText()).trim();
	}

	/** Clicks "Execute step" in the trigger's panel: the editor listens for a test event. */
	async function listen(): Promise<void> {
		await ndv().getByTestId('trigger-execute-button').click();
		await ndv().getByTestId('trigger-listening').waitFor();
	}

	/** Waits until the node's output panel shows the received item with `text` in it. */
	async function outputShows(text: string): Promise<string> {
		const output = ndv().getByTestId('output-panel');
		await output.getByText(text).first().waitFor();
		await output
			.getByTestId('ndv-items-count')
			.filter({ hasText: /^\s*1 item\s*$/ })
			.waitFor();
		return await output.innerText();
	}

	/** Publishes the workflow with the editor's Publish button; the activation message the editor shows. */
	async function publish(): Promise<string> {
		await ndv().getByTestId('ndv-close-button').click();
		await ndv().waitFor({ state: 'hidden' });
		await page.getByTestId('workflow-open-publish-modal-button').click();
		await page.getByTestId('workflow-publish-button').click();
		const activated = page.getByTestId('activation-modal');
		await activated.waitFor();
		const message = await activated.innerText();
		await activated.getByRole('button', { name: 'Got it' }).click();
		await activated.waitFor({ state: 'hidden' });
		return message;
	}

	/**
	 * Waits until n8n's executions list (the REST API the editor's Executions tab reads) shows the workflow's first
	 * production execution finished, and returns it with the items each node output (from n8n's database). The test
	 * event's execution is a manual one and does not count.
	 */
	async function productionExecution(workflowId: string): Promise<Execution> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		let listed: { id: string; mode: string; status: string } | undefined;
		await eventually('n8n lists a finished production execution', async () => {
			const answer = await n8n.rest('GET', `/rest/executions?filter=${filter}`);
			const results = (answer.body as { data?: { results?: Array<typeof listed> } }).data?.results;
			listed = results?.find(
				(e) => e?.mode === 'webhook' && !['new', 'running'].includes(e.status),
			);
			return listed !== undefined;
		});
		const execution = (await n8n.executions({ workflowId })).find(
			(e) => String(e.id) === String(listed!.id),
		);
		expect(execution).toBeDefined();
		return execution!;
	}

	/**
	 * Phrase calls its one webhook with the event, again until n8n answers 200: the webhook is created with Phrase
	 * as the trigger activates, a moment before n8n serves its URL (a call that is not answered 200 starts nothing).
	 */
	async function phraseDelivers(body: Record<string, unknown>): Promise<void> {
		await eventually("Phrase's call is answered 200", async () => {
			const statuses = await phrase.deliver(body);
			return statuses.length === 1 && statuses[0] === 200;
		});
	}

	it('Wordbee Beebox Trigger: credentials, the shown Test URL with ?token=, a test event, publish, a forged delivery refused and logged', async () => {
		const trigger = 'Wordbee Beebox Trigger';
		const workflow = await step('beebox: new workflow', () => newWorkflow('Beebox callbacks'));
		await step('beebox: add the trigger', () => addTrigger('Wordbee Beebox', trigger));
		// the notices that say what to give Beebox: the URL with ?token=<secret> appended
		await step('beebox: read the notices', async () => {
			const parameters = ndv().getByTestId('node-parameters');
			await parameters.getByText('paste the Production URL plus ?token=<secret>').waitFor();
			await parameters.getByText('Give the vendor the URL above plus ?token=<secret>').waitFor();
		});
		await step('beebox: secret credential', () =>
			createCredential('Translation Webhook Secret', [['secret', SECRET]]),
		);
		// Fetch Event Details is on by default: it reads the event from the Beebox API
		await step('beebox: Fetch Event Details is on', () =>
			switchedOn(ndv().getByTestId('parameter-input-fetchDetails')),
		);
		await step('beebox: API credential', () =>
			createCredential('Wordbee Beebox API', [
				['serverUrl', beebox.url],
				['projectKey', BEEBOX.projectKey],
				['login', BEEBOX.login],
				['password', BEEBOX.password],
			]),
		);
		const testUrl = await step('beebox: read the Test URL', () => shownUrl('test'));
		expect(testUrl).toMatch(new RegExp(`^${n8n.baseUrl}/webhook-test/[0-9a-f-]{36}/beebox$`));

		await step('beebox: listen for a test event', listen);
		const event = beebox.deliverFiles([{ file: 'home.json', locale: 'de', content: '{}' }]);
		// Beebox calls the URL it was given with its bb... parameters appended; POST is accepted as well as GET
		const answer = await send(`${testUrl}?token=${SECRET}&${beebox.callbackQuery(event)}`, {
			method: 'POST',
		});
		expect(answer).toEqual({
			status: 200,
			body: { code: 200, message: 'Workflow was started', workflowStarted: true },
		});
		const shown = await step('beebox: the editor shows the item', () => outputShows(event.id));
		expect(shown).toContain('CreatedTranslatedFiles');
		expect(shown).toContain('home.json');

		const productionUrl = await step('beebox: read the Production URL', () =>
			shownUrl('production'),
		);
		expect(productionUrl).toBe(testUrl.replace('/webhook-test/', '/webhook/'));
		const activation = await step('beebox: publish', publish);
		expect(activation).toContain('Beebox callbacks to the Production URL now run this workflow');
		await n8n.waitForWebhook(productionUrl);
		const delivered = beebox.deliverFiles([{ file: 'news.json', locale: 'fr', content: '{}' }]);
		const production = await send(
			`${productionUrl}?token=${SECRET}&${beebox.callbackQuery(delivered)}`,
			{ method: 'POST' },
		);
		expect(production.status).toBe(200);
		const execution = await productionExecution(workflow.id);
		expect(execution.status).toBe('success');
		expect(execution.items[trigger]).toEqual([
			expect.objectContaining({ bbid: delivered.id, locale: 'fr', file: 'news.json' }),
		]);

		// a forged delivery: the URL without the secret
		const logged = n8n.output.length;
		const forged = beebox.deliverFiles([{ file: 'forged.json', locale: 'de', content: '{}' }]);
		const refused = await send(
			`${productionUrl}?token=${FORGED_TOKEN}&${beebox.callbackQuery(forged)}`,
			{ method: 'POST' },
		);
		expect(refused).toEqual({
			status: 401,
			body: { code: 401, message: 'missing or wrong secret token' },
		});
		const expected = refusalLine(workflow, trigger, 'missing or wrong secret token');
		let line: { level?: string; message?: string } | undefined;
		await eventually(
			`n8n logs the refused delivery: ${expected}`,
			() => {
				line = n8n.output
					.slice(logged)
					.split('\n')
					.filter((text) => text.startsWith('{'))
					.map((text) => JSON.parse(text) as { level?: string; message?: string })
					.find((entry) => entry.message === expected);
				return line !== undefined;
			},
			10_000,
		);
		expect(line!.level).toBe('warn');
		expect(n8n.output.slice(logged)).not.toContain(SECRET);
		expect(n8n.output.slice(logged)).not.toContain(FORGED_TOKEN);
		const executions = await n8n.executions({ workflowId: workflow.id });
		expect(executions.filter((e) => e.mode === 'webhook')).toHaveLength(1);
		console.log(
			`[e2e editor] Beebox: test event shown, published, production execution ${execution.id}, forged delivery 401 and logged at warn`,
		);
	});

	it('Smartcat Trigger: the API credential, listening registers the Test URL, a Smartcat callback, publish registers the Production URL', async () => {
		const trigger = 'Smartcat Trigger';
		const workflow = await step('smartcat: new workflow', () => newWorkflow('Smartcat callbacks'));
		await step('smartcat: add the trigger', () => addTrigger('Smartcat', trigger));
		await expect(
			ndv().getByTestId('parameter-input-registration').locator('input').inputValue(),
		).resolves.toBe('Automatic');
		await step('smartcat: API credential', () =>
			createCredential('Credential', [
				['accountId', SMARTCAT.accountId],
				['apiKey', SMARTCAT.apiKey],
				['server', { option: 'Custom URL' }],
				['baseUrl', smartcat.url],
			]),
		);
		await step('smartcat: allow the private webhook URL', () =>
			switchOnOption('allowPrivateWebhookUrl'),
		);
		const testUrl = await step('smartcat: read the Test URL', () => shownUrl('test'));
		expect(testUrl).toMatch(new RegExp(`^${n8n.baseUrl}/webhook-test/[0-9a-f-]{36}/smartcat$`));

		expect(smartcat.setting).toBeNull();
		await step('smartcat: listen for a test event', listen);
		await eventually('Smartcat has the Test URL', () => smartcat.setting?.url === testUrl);
		expect(smartcat.setting!.additionalHeaders).toEqual([
			{ name: 'X-Smartcat-Callback-Secret', value: expect.stringMatching(/^[A-Za-z0-9_-]{32,}$/) },
		]);
		expect(await smartcat.deliver('document/status', ['189_25'])).toEqual({
			delivered: true,
			attempts: [200],
		});
		const shown = await step('smartcat: the editor shows the item', () => outputShows('189_25'));
		expect(shown).toContain('document.status');
		await eventually('listening ended and removed the Test URL', () => smartcat.setting === null);

		const productionUrl = await step('smartcat: read the Production URL', () =>
			shownUrl('production'),
		);
		const activation = await step('smartcat: publish', publish);
		expect(activation).toContain('Smartcat callbacks now run this workflow');
		await eventually(
			'Smartcat has the Production URL',
			() => smartcat.setting?.url === productionUrl,
		);
		smartcat.setDocumentStatus('189_25', 'inProgress');
		// the first attempt may come before n8n serves the new webhook: Smartcat retries, as it does
		expect((await smartcat.deliver('document/status', ['189_25'])).delivered).toBe(true);
		const execution = await productionExecution(workflow.id);
		expect(execution.status).toBe('success');
		expect(execution.items[trigger]).toEqual([
			expect.objectContaining({
				event: 'document.status',
				documentId: '189_25',
				status: 'inProgress',
			}),
		]);
		console.log(
			`[e2e editor] Smartcat: Test URL registered while listening, item shown, published, production execution ${execution.id}`,
		);
	});

	it('Phrase TMS Trigger: Registration shown and automatic, listening registers a webhook, a Phrase call, publish registers the Production URL', async () => {
		const trigger = 'Phrase TMS Trigger';
		const workflow = await step('phrase: new workflow', () => newWorkflow('Phrase TMS jobs'));
		await step('phrase: add the trigger', () => addTrigger('Phrase TMS', trigger));
		const registration = ndv().getByTestId('parameter-input-registration');
		await registration.waitFor();
		await expect(registration.locator('input').inputValue()).resolves.toBe(
			'Automatic (With Credentials)',
		);
		await step('phrase: API credential', () =>
			createCredential('Credential', [
				['region', { option: 'Custom Base URL' }],
				['baseUrl', phrase.baseUrl],
				['authType', { option: 'User Name and Password' }],
				['userName', PHRASE.userName],
				['password', PHRASE.password],
			]),
		);
		await step('phrase: allow the private webhook URL', () =>
			switchOnOption('allowPrivateWebhookUrl'),
		);
		const testUrl = await step('phrase: read the Test URL', () => shownUrl('test'));
		expect(testUrl).toMatch(new RegExp(`^${n8n.baseUrl}/webhook-test/[0-9a-f-]{36}/phrase$`));

		expect(phrase.webhooks.size).toBe(0);
		await step('phrase: listen for a test event', listen);
		await eventually('Phrase has a webhook for the Test URL', () =>
			[...phrase.webhooks.values()].some((hook) => hook.url === testUrl),
		);
		await phraseDelivers(
			phraseJobWebhook('JOB_CREATED', [phraseSampleJobPart({ jobUid: 'jEditorTestEvent000001' })]),
		);
		const shown = await step('phrase: the editor shows the item', () =>
			outputShows('jEditorTestEvent000001'),
		);
		expect(shown).toContain('JOB_CREATED');
		await eventually('listening ended and deleted the webhook', () => phrase.webhooks.size === 0);

		const productionUrl = await step('phrase: read the Production URL', () =>
			shownUrl('production'),
		);
		const activation = await step('phrase: publish', publish);
		expect(activation).toContain('Workflow published');
		await eventually('Phrase has a webhook for the Production URL', () =>
			[...phrase.webhooks.values()].some((hook) => hook.url === productionUrl),
		);
		await n8n.waitForWebhook(productionUrl);
		await phraseDelivers(
			phraseJobWebhook('JOB_STATUS_CHANGED', [
				phraseSampleJobPart({ jobUid: 'jEditorProduction00001' }),
			]),
		);
		const execution = await productionExecution(workflow.id);
		expect(execution.status).toBe('success');
		expect(JSON.stringify(execution.items[trigger])).toContain('jEditorProduction00001');
		console.log(
			`[e2e editor] Phrase TMS: Registration automatic, webhook created while listening, item shown, published, production execution ${execution.id}`,
		);
	});
});
