/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';

import { PHRASE_EVENT_CODES } from '../../nodes/Phrase/events';
import { PhraseTrigger } from '../../nodes/Phrase/PhraseTrigger.node';
import { PHRASE_WEBHOOK_TOKEN } from '../../nodes/Phrase/registration';
import { fakeHookContext } from '../helpers/fakeContext';
import { deliverTo } from '../helpers/webhookContext';
import { PhraseSimulator } from '../simulators/phrase';

/**
 * Automatic registration of the Phrase TMS Trigger (create, exists, delete) through the fake hook context against
 * the Phrase simulator: the documented create-webhook fields only, one webhook per node URL, deletes only its own,
 * logs in again when the token expired, refuses a URL Phrase cannot reach.
 */
const trigger = new PhraseTrigger();
const methods = trigger.webhookMethods.default;
const PUBLIC_URL = 'https://n8n.example.com/webhook/0c9b8a70/phrase';

describe('Phrase TMS Trigger: automatic registration', () => {
	let phrase: PhraseSimulator;
	beforeEach(async () => {
		phrase = await new PhraseSimulator({ userName: 'pm', password: 'pw', projects: {} }).start();
	});
	afterEach(async () => phrase.stop());

	const phraseApi = (password = 'pw') => ({
		region: 'custom',
		baseUrl: phrase.baseUrl,
		authType: 'password',
		userName: 'pm',
		password,
	});
	const hook = (
		options: {
			url?: string;
			parameters?: IDataObject;
			staticData?: IDataObject;
			workflow?: { id?: string; name?: string };
			password?: string;
		} = {},
	) =>
		fakeHookContext({
			nodeType: trigger,
			workflow: options.workflow,
			webhookUrl: options.url ?? PUBLIC_URL,
			staticData: options.staticData ?? {},
			parameters: options.parameters ?? {},
			credentials: { phraseApi: phraseApi(options.password) },
		});

	const deliver = deliverTo(new PhraseTrigger());
	/** The status a Phrase delivery carrying this X-Memsource-Token gets from the activated node. */
	const deliveryStatus = async (staticData: IDataObject, token: string, password = 'pw') =>
		(
			await deliver({
				headers: { 'content-type': 'application/json', 'x-memsource-token': token },
				body: { event: 'PROJECT_CREATED', project: { uid: 'p' } },
				staticData,
				credentials: { phraseApi: phraseApi(password) },
			})
		).status;
	/** The token Phrase holds for the node's URL, and sends in X-Memsource-Token. */
	const tokenAtPhrase = () =>
		[...phrase.webhooks.values()].find((h) => h.url === PUBLIC_URL)!.secretToken!;
	const run = async (method: 'checkExists' | 'create' | 'delete', ctx: IHookFunctions) =>
		await methods[method].call(ctx);

	it('creates one webhook with the documented fields, the chosen events and a derived token', async () => {
		const staticData: IDataObject = {};
		const { ctx } = hook({
			staticData,
			parameters: {
				events: ['JOB_STATUS_CHANGED'],
				otherEvents: 'raw_mt_pre_translation_finished',
			},
		});
		expect(await run('create', ctx)).toBe(true);
		expect(phrase.webhookCreations).toHaveLength(1);
		const [sent] = phrase.webhookCreations;
		// Phrase's CreateWebHookDto: name, url, events, secretToken, hidden, status (no secretTokenType)
		expect(Object.keys(sent).sort()).toEqual(['events', 'name', 'secretToken', 'status', 'url']);
		expect(sent).toMatchObject({
			url: PUBLIC_URL,
			events: ['JOB_STATUS_CHANGED', 'RAW_MT_PRE_TRANSLATION_FINISHED'],
			status: 'ENABLED',
			name: 'n8n: Test workflow',
		});
		expect(String(sent.secretToken)).toMatch(/^[A-Za-z0-9_-]{32,}$/);
		const [created] = phrase.webhooks.values();
		// the uid and the URL only: the static data is readable by anyone who can read the workflow
		expect(staticData).toMatchObject({ webhookUid: created.uid, url: PUBLIC_URL });
		expect(staticData).not.toHaveProperty('secretToken');
		expect(await run('checkExists', ctx)).toBe(true);
	});

	it('"All Events" (the default): every named code, sorted', async () => {
		await run('create', hook({ parameters: { events: ['*'] } }).ctx);
		await run('create', hook({ url: `${PUBLIC_URL}/default` }).ctx);
		const [chosen, byDefault] = phrase.webhookCreations.map((b) => b.events);
		expect(chosen).toEqual([...PHRASE_EVENT_CODES].sort());
		expect(byDefault).toEqual(chosen);
		expect(chosen).toContain('JOB_UNSHARED');
	});

	it('exists only while Phrase has the webhook for this URL and these events', async () => {
		const staticData: IDataObject = {};
		await run('create', hook({ staticData, parameters: { events: ['JOB_CREATED'] } }).ctx);
		const same = hook({ staticData, parameters: { events: ['JOB_CREATED'] } }).ctx;
		expect(await run('checkExists', same)).toBe(true);
		const otherEvents = hook({ staticData, parameters: { events: ['JOB_DELETED'] } }).ctx;
		expect(await run('checkExists', otherEvents)).toBe(false);
		const otherUrl = hook({
			staticData,
			url: `${PUBLIC_URL}-moved`,
			parameters: { events: ['JOB_CREATED'] },
		}).ctx;
		expect(await run('checkExists', otherUrl)).toBe(false);
		phrase.webhooks.clear(); // deleted in Phrase's settings
		expect(await run('checkExists', same)).toBe(false);
		expect(await run('checkExists', hook().ctx)).toBe(false); // nothing stored
	});

	it('activating again replaces its webhook: one webhook per node URL', async () => {
		const staticData: IDataObject = {};
		await run('create', hook({ staticData }).ctx);
		const first = staticData.webhookUid;
		await run('create', hook({ staticData }).ctx);
		await run('create', hook({ staticData: {} }).ctx); // static data lost: still found by its URL
		expect([...phrase.webhooks.values()].map((h) => h.url)).toEqual([PUBLIC_URL]);
		expect(phrase.webhooks.has(String(first))).toBe(false);
	});

	it("deletes its own webhook and any left for its URL, and nobody else's", async () => {
		const staticData: IDataObject = {};
		await run('create', hook({ staticData }).ctx);
		// another integration's webhook, and one for another workflow
		phrase.webhooks.set('otherIntegr', {
			uid: 'otherIntegr',
			url: 'https://cms.example.com/phrase-hook',
			events: ['JOB_CREATED'],
			status: 'ENABLED',
		});
		await run('create', hook({ url: `${PUBLIC_URL}-other-workflow` }).ctx);
		// a leftover for our URL (an activation whose static data n8n did not keep)
		phrase.webhooks.set('leftover0000', {
			uid: 'leftover0000',
			url: PUBLIC_URL,
			events: ['JOB_CREATED'],
			status: 'ENABLED',
		});
		expect(await run('delete', hook({ staticData }).ctx)).toBe(true);
		expect([...phrase.webhooks.values()].map((h) => h.url).sort()).toEqual([
			'https://cms.example.com/phrase-hook',
			`${PUBLIC_URL}-other-workflow`,
		]);
		expect(staticData).toEqual({});
	});

	it('does not delete the webhook it created once someone pointed it elsewhere in Phrase', async () => {
		const staticData: IDataObject = {};
		await run('create', hook({ staticData }).ctx);
		phrase.webhooks.get(String(staticData.webhookUid))!.url = 'https://elsewhere.example.com/';
		await run('delete', hook({ staticData }).ctx);
		expect(phrase.webhooks.size).toBe(1);
	});

	it('deletes after its token expired, logging in once more', async () => {
		const staticData: IDataObject = {};
		const { ctx } = hook({ staticData });
		await run('create', ctx);
		const logins = phrase.logins;
		phrase.expireTokens();
		await run('delete', hook({ staticData }).ctx);
		expect(phrase.webhooks.size).toBe(0);
		expect(phrase.logins).toBe(logins + 1);
	});

	it('a test listen registers the Test URL beside the production webhook and removes only its own', async () => {
		const production: IDataObject = {};
		const test: IDataObject = {};
		const testUrl = PUBLIC_URL.replace('/webhook/', '/webhook-test/');
		await run('create', hook({ staticData: production }).ctx);
		// n8n's test listen: fresh static data, the Test URL
		expect(await run('checkExists', hook({ staticData: test, url: testUrl }).ctx)).toBe(false);
		await run('create', hook({ staticData: test, url: testUrl }).ctx);
		expect([...phrase.webhooks.values()].map((h) => h.url).sort()).toEqual([testUrl, PUBLIC_URL]);
		await run('delete', hook({ staticData: test, url: testUrl }).ctx);
		expect([...phrase.webhooks.values()].map((h) => h.url)).toEqual([PUBLIC_URL]);
		expect(await run('checkExists', hook({ staticData: production }).ctx)).toBe(true);
	});

	it.each([
		['localhost', 'http://localhost:5678/webhook/x/phrase'],
		['127.0.0.1', 'http://127.0.0.1:5678/webhook/x/phrase'],
		['a private address', 'https://10.0.0.12/webhook/x/phrase'],
		['a host without a domain', 'http://n8n:5678/webhook/x/phrase'],
		['no URL', ''],
	])('refuses %s, naming WEBHOOK_URL, and creates nothing', async (_name, url) => {
		const error = await run('create', hook({ url }).ctx).catch((e: Error) => e);
		// the error n8n shows on activation, with its description
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toMatch(/Phrase TMS cannot deliver to this workflow/);
		expect((error as { description?: string }).description).toMatch(/WEBHOOK_URL/);
		expect(phrase.webhookCreations).toHaveLength(0);
	});

	it('"Allow Private Webhook URL" registers such a URL', async () => {
		const url = 'http://127.0.0.1:5678/webhook/x/phrase';
		await run(
			'create',
			hook({ url, parameters: { options: { allowPrivateWebhookUrl: true } } }).ctx,
		);
		expect(phrase.webhookCreations.map((b) => b.url)).toEqual([url]);
	});

	it('manual registration may choose No Secret explicitly, and calls Phrase for nothing', async () => {
		const none = fakeHookContext({
			nodeType: trigger,
			webhookUrl: PUBLIC_URL,
			parameters: { registration: 'manual', manualSecretCheck: 'none' },
		}).ctx;
		expect(await run('create', none)).toBe(true);
		expect(phrase.requests).toHaveLength(0);
	});

	it("names the webhook after the workflow, at most 255 characters (Phrase's limit)", async () => {
		const named = (name: string) => hook({ workflow: { id: 'wf-1', name } }).ctx;
		await run('create', named('x'.repeat(300)));
		expect(phrase.webhookCreations.map((w) => w.name)).toEqual([`n8n: ${'x'.repeat(250)}`]);
	});

	it('manual registration calls Phrase for nothing, and needs a secret credential that meets the rule', async () => {
		const manual = (secret?: string) =>
			fakeHookContext({
				nodeType: trigger,
				webhookUrl: PUBLIC_URL,
				parameters: { registration: 'manual' },
				credentials: secret === undefined ? {} : { translationWebhookSecretApi: { secret } },
			}).ctx;
		expect(await run('create', manual('manual-credential-secret-0123456789'))).toBe(true);
		await expect(run('create', manual('weak'))).rejects.toThrow(/at least 16/);
		await expect(run('create', manual())).rejects.toThrow(
			'no Translation Webhook Secret credential is chosen',
		);
		expect(await run('checkExists', manual('manual-credential-secret-0123456789'))).toBe(false);
		expect(await run('delete', manual('manual-credential-secret-0123456789'))).toBe(true);
		expect(phrase.requests).toHaveLength(0);
	});

	/**
	 * Phrase sends the webhook's secretToken in X-Memsource-Token (support.phrase.com/hc/en-us/articles/5709693398812)
	 * and answers a webhook with it (WebHookDtoV2): the token is derived from the credential and the node.
	 */
	it('after activation no static data value is the token Phrase holds; a delivery with it is accepted', async () => {
		const staticData: IDataObject = {};
		await run('create', hook({ staticData }).ctx);
		const token = tokenAtPhrase();
		expect(Object.values(staticData)).not.toContain(token);
		expect(JSON.stringify(staticData)).not.toContain(token);
		expect(await deliveryStatus(staticData, token)).toBe(200);
		expect(await deliveryStatus(staticData, `${token.slice(0, -1)}x`)).toBe(401);
		expect(await deliveryStatus(staticData, 'pw')).toBe(401);
	});

	it('two activations of the same node derive the same token', async () => {
		await run('create', hook().ctx);
		const first = tokenAtPhrase();
		await run('create', hook().ctx);
		expect(tokenAtPhrase()).toBe(first);
		expect(phrase.webhooks.size).toBe(1);
	});

	it('a changed password: checkExists is false, activation creates the webhook with the new token', async () => {
		const staticData: IDataObject = {};
		await run('create', hook({ staticData }).ctx);
		const old = tokenAtPhrase();
		phrase.options.password = 'pw-rotated';
		// until the workflow is activated again, Phrase's deliveries (with the old token) get 401
		expect(await deliveryStatus(staticData, old, 'pw-rotated')).toBe(401);
		expect(await run('checkExists', hook({ staticData, password: 'pw-rotated' }).ctx)).toBe(false);
		await run('create', hook({ staticData, password: 'pw-rotated' }).ctx);
		expect([...phrase.webhooks.values()].map((h) => h.url)).toEqual([PUBLIC_URL]);
		expect(tokenAtPhrase()).not.toBe(old);
		expect(await deliveryStatus(staticData, tokenAtPhrase(), 'pw-rotated')).toBe(200);
		expect(await run('checkExists', hook({ staticData, password: 'pw-rotated' }).ctx)).toBe(true);
	});

	it('a webhook whose token Phrase does not show, or shows another, is not ours', async () => {
		const staticData: IDataObject = {};
		await run('create', hook({ staticData }).ctx);
		const webhook = phrase.webhooks.get(String(staticData.webhookUid))!;
		webhook.secretToken = 'someone-else-token-0123456789';
		expect(await run('checkExists', hook({ staticData }).ctx)).toBe(false);
		delete webhook.secretToken;
		expect(await run('checkExists', hook({ staticData }).ctx)).toBe(false);
	});

	it('derives from the secret the credential authenticates with: Platform token, password or TMS token', () => {
		const credentials = { platformToken: 'platform', password: 'password', apiToken: 'tms' };
		expect(PHRASE_WEBHOOK_TOKEN.keyOf({ ...credentials, authType: 'platformToken' })).toBe(
			'platform',
		);
		expect(PHRASE_WEBHOOK_TOKEN.keyOf({ ...credentials, authType: 'password' })).toBe('password');
		expect(PHRASE_WEBHOOK_TOKEN.keyOf({ ...credentials, authType: 'token' })).toBe('tms');
		// saved credentials without the field were made when user name and password was the default
		expect(PHRASE_WEBHOOK_TOKEN.keyOf(credentials)).toBe('password');
	});
});
