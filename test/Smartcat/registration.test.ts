/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { callbackBaseUrl } from '../../nodes/Smartcat/registration';
import { SmartcatTrigger } from '../../nodes/Smartcat/SmartcatTrigger.node';
import { fakeHookContext, WEBHOOK_ID, type FakeNodeOptions } from '../helpers/fakeContext';
import { deliverTo } from '../helpers/webhookContext';
import { SmartcatSimulator } from '../simulators/smartcat';

const trigger = new SmartcatTrigger();
const methods = trigger.webhookMethods.default;
const ACCOUNT = { accountId: 'reg-account', apiKey: 'reg-api-key' };
const PRODUCTION = `https://n8n.example.com/webhook/${WEBHOOK_ID}/smartcat`;
const TEST_URL = `https://n8n.example.com/webhook-test/${WEBHOOK_ID}/smartcat`;
const FOREIGN = {
	url: 'https://cms.example.com/smartcat-callbacks',
	additionalHeaders: [{ name: 'X-Cms', value: 'cms-secret' }],
};

let smartcat: SmartcatSimulator;
beforeAll(async () => {
	smartcat = await new SmartcatSimulator(ACCOUNT).start();
});
afterAll(async () => smartcat.stop());
beforeEach(() => {
	smartcat.setting = null;
});

/** An activation (or, with mode 'manual', a test run) of the trigger, sharing static data across calls. */
function hook(options: FakeNodeOptions = {}) {
	return fakeHookContext({
		nodeType: trigger,
		webhookUrl: PRODUCTION,
		credentials: {
			smartcatApi: { ...ACCOUNT, server: 'custom', baseUrl: smartcat.url },
		},
		...options,
	});
}

/** What n8n does on activation for each webhook of the node: checkExists, then create if needed. */
async function activate(ctx: IHookFunctions): Promise<void> {
	if (!(await methods.checkExists.call(ctx))) await methods.create.call(ctx);
}

const writes = () =>
	smartcat.requests.filter((r) => r.path.endsWith('/callback') && r.method !== 'GET').length;

/** The secret header value Smartcat holds (and sends with every callback). */
const registeredSecret = () =>
	smartcat.setting!.additionalHeaders.find((h) => h.name === 'X-Smartcat-Callback-Secret')!.value;

const deliver = deliverTo(new SmartcatTrigger());

/**
 * The HTTP status a callback with this secret header gets from the activated node (an empty id list: 200 and
 * nothing started when the secret is right). The node reads the same credential as on activation.
 */
async function callbackStatus(
	staticData: IDataObject,
	secret: string,
	account: typeof ACCOUNT = ACCOUNT,
): Promise<number> {
	const { status } = await deliver({
		path: `/webhook/${WEBHOOK_ID}/smartcat/project/status`,
		headers: { 'content-type': 'application/json', 'x-smartcat-callback-secret': secret },
		body: [],
		staticData,
		credentials: { smartcatApi: { ...account, server: 'custom', baseUrl: smartcat.url } },
	});
	return status;
}

describe('Smartcat Trigger: automatic registration', () => {
	it("points the account's callback at the node's base URL with a derived secret header, once", async () => {
		const { ctx } = hook();
		const before = writes();
		for (let webhook = 0; webhook < 4; webhook++) await activate(ctx); // n8n: once per webhook
		expect(smartcat.setting).toEqual({
			url: PRODUCTION,
			additionalHeaders: [
				{ name: 'X-Smartcat-Callback-Secret', value: expect.stringMatching(/^[\w-]{32}$/) },
			],
		});
		expect(writes() - before).toBe(1);
		// the URL and the header name only: the static data is readable by anyone who can read the workflow
		expect(ctx.getWorkflowStaticData('node')).toEqual({
			callbackUrl: PRODUCTION,
			headerName: 'X-Smartcat-Callback-Secret',
		});
		expect(await methods.checkExists.call(ctx)).toBe(true);
	});

	it('checkExists is false when the secret or the URL at Smartcat is no longer ours', async () => {
		const { ctx } = hook();
		await activate(ctx);
		smartcat.setting!.additionalHeaders[0].value = 'changed-by-someone';
		expect(await methods.checkExists.call(ctx)).toBe(false);
		smartcat.setting = { ...FOREIGN };
		expect(await methods.checkExists.call(ctx)).toBe(false);
		smartcat.setting = null;
		expect(await methods.checkExists.call(ctx)).toBe(false);
	});

	it('refuses to replace another callback, with the advice in the message itself (the toast shows only that)', async () => {
		smartcat.setting = structuredClone(FOREIGN);
		const { ctx } = hook();
		await expect(activate(ctx)).rejects.toThrow(
			'This Smartcat account already sends its callbacks to https://cms.example.com/smartcat-callbacks. Turn on "Replace Existing Callback"',
		);
		expect(smartcat.setting).toEqual(FOREIGN);
		expect(ctx.getWorkflowStaticData('node')).toEqual({});
	});

	it('replaces it with "Replace Existing Callback"', async () => {
		smartcat.setting = structuredClone(FOREIGN);
		const { ctx } = hook({ parameters: { replaceExisting: true } });
		await activate(ctx);
		expect(smartcat.setting?.url).toBe(PRODUCTION);
	});

	it('a second activation that finds its derived value in place writes nothing', async () => {
		await activate(hook().ctx);
		const value = registeredSecret();
		smartcat.setting = {
			url: `${PRODUCTION}/`,
			additionalHeaders: [{ name: 'x-smartcat-callback-secret', value }],
		};
		const before = writes();
		await activate(hook().ctx); // another activation of the same node: fresh static data, same value
		expect(writes()).toBe(before);
	});

	it('uses the configured header name, and refuses one that is not a header name', async () => {
		await activate(hook({ parameters: { headerName: 'X-My-Secret' } }).ctx);
		expect(smartcat.setting?.additionalHeaders.map((h) => h.name)).toEqual(['X-My-Secret']);
		smartcat.setting = null;
		await expect(activate(hook({ parameters: { headerName: 'bad header' } }).ctx)).rejects.toThrow(
			'"bad header" is not a valid HTTP header name',
		);
		expect(smartcat.setting).toBeNull();
	});

	it('on deactivation removes its own setting and forgets the secret', async () => {
		const { ctx } = hook();
		await activate(ctx);
		await methods.delete.call(ctx);
		expect(smartcat.setting).toBeNull();
		expect(ctx.getWorkflowStaticData('node')).toEqual({});
	});

	it("on deactivation leaves another integration's setting alone (only its own)", async () => {
		const { ctx } = hook();
		await activate(ctx);
		smartcat.setting = structuredClone(FOREIGN);
		await methods.delete.call(ctx);
		expect(smartcat.setting).toEqual(FOREIGN);
		expect(ctx.getWorkflowStaticData('node')).toEqual({});
	});

	it('the registered URL is the base URL even when n8n names an event webhook first', () => {
		for (const path of ['project/status', 'document/status', 'document/translationImportCompleted'])
			expect(callbackBaseUrl(hook({ webhookUrl: `${PRODUCTION}/${path}` }).ctx)).toBe(PRODUCTION);
	});
});

describe('Smartcat Trigger: a URL Smartcat cannot reach', () => {
	it.each([
		'http://localhost:5678/webhook/x/smartcat',
		'http://127.0.0.1:5678/webhook/x/smartcat',
		'http://192.168.1.20:5678/webhook/x/smartcat',
		'http://n8n:5678/webhook/x/smartcat',
	])('refuses %s, naming WEBHOOK_URL', async (webhookUrl) => {
		await expect(activate(hook({ webhookUrl }).ctx)).rejects.toThrow(
			/Smartcat cannot deliver callbacks to this n8n: .* not a public address\. Set n8n's N8N_WEBHOOK_URL/,
		);
		expect(smartcat.setting).toBeNull();
	});

	it('registers it with "Allow Private Webhook URL" (tests against a simulator)', async () => {
		const webhookUrl = 'http://127.0.0.1:5678/webhook/x/smartcat';
		await activate(
			hook({ webhookUrl, parameters: { options: { allowPrivateWebhookUrl: true } } }).ctx,
		);
		expect(smartcat.setting?.url).toBe(webhookUrl);
	});

	it('without a Smartcat credential says which one to choose and why, not n8n\'s "Node does not require credentials"', async () => {
		const error = await activate(hook({ credentials: {} }).ctx).catch((e: Error) => e);
		expect(error).toMatchObject({
			message:
				'Registration: Automatic (it sets the account\'s callback through the Smartcat API) needs a Smartcat API credential (account ID and API key): choose one under "Credential to connect with", or choose Registration: Manual and set the callback yourself',
			description: expect.stringContaining(
				'with Registration: Manual and Fetch Details off it needs none',
			),
		});
	});
});

describe('Smartcat Trigger: listening for a test event', () => {
	const testRun = (options: FakeNodeOptions = {}) =>
		hook({ mode: 'manual', webhookUrl: TEST_URL, ...options });

	it('points an account without a callback at the Test URL, and removes it when listening stops', async () => {
		const { ctx } = testRun();
		await activate(ctx);
		expect(smartcat.setting?.url).toBe(TEST_URL);
		await methods.delete.call(ctx);
		expect(smartcat.setting).toBeNull();
	});

	it('never takes the callback from the published workflow: refuses, naming it and how to test', async () => {
		const production = hook();
		await activate(production.ctx);
		const registered = structuredClone(smartcat.setting);
		const { ctx } = testRun({
			parameters: { replaceExisting: true },
			workflow: { id: 'wf-7', name: 'Smartcat to CMS' },
		});
		const refusal = activate(ctx);
		await expect(refusal).rejects.toThrow(
			`points at the Production URL of this workflow ("Smartcat to CMS", wf-7), which is published`,
		);
		await expect(refusal).rejects.toThrow('unpublish it while you test');
		// n8n then deactivates the test webhooks: production's callback stays
		await methods.delete.call(ctx);
		expect(smartcat.setting).toEqual(registered);
		// and the published workflow still finds its registration in place
		expect(await methods.checkExists.call(production.ctx)).toBe(true);
	});

	it('does not take another integration\'s callback either, even with "Replace Existing Callback"', async () => {
		smartcat.setting = structuredClone(FOREIGN);
		const { ctx } = testRun({ parameters: { replaceExisting: true } });
		await expect(activate(ctx)).rejects.toThrow(
			'points at https://cms.example.com/smartcat-callbacks, another workflow or integration',
		);
		await methods.delete.call(ctx);
		expect(smartcat.setting).toEqual(FOREIGN);
	});
});

describe('Smartcat Trigger: manual registration', () => {
	it('registers nothing and removes nothing', async () => {
		smartcat.setting = structuredClone(FOREIGN);
		const { ctx } = hook({
			parameters: { registration: 'manual', manualSecretCheck: 'none' },
		});
		const before = smartcat.requests.length;
		expect(await methods.checkExists.call(ctx)).toBe(false);
		await methods.create.call(ctx);
		await methods.delete.call(ctx);
		expect(smartcat.requests.length).toBe(before);
		expect(smartcat.setting).toEqual(FOREIGN);
	});

	it('needs no Smartcat credential, unless Fetch Details is on (the default), and then says so', async () => {
		const manual = { registration: 'manual', manualSecretCheck: 'none' };
		await methods.create.call(
			hook({ credentials: {}, parameters: { ...manual, fetchDetails: false } }).ctx,
		);
		const error = await methods.create
			.call(hook({ credentials: {}, parameters: manual }).ctx)
			.catch((e: Error) => e);
		expect(error).toMatchObject({
			message:
				'Fetch Details (it looks each project or document up in Smartcat) needs a Smartcat API credential (account ID and API key): choose one under "Credential to connect with", or turn Fetch Details off',
		});
		expect((error as Error).message).not.toContain('Node does not require credentials');
	});

	it('a delivery with Fetch Details and no Smartcat credential logs which credential to choose', async () => {
		// activated with the credential, which was removed since: n8n answers "Node does not require credentials"
		const { status, logs } = await deliver({
			nodeParameters: { registration: 'manual', manualSecretCheck: 'none' },
			headers: { 'content-type': 'application/json' },
			body: ['189_25'],
			path: '/webhook/x/smartcat/document/status',
			url: '/webhook/x/smartcat/document/status',
		});
		expect(status).toBe(503);
		expect(logs.join('\n')).toContain(
			'The Smartcat Trigger "Trigger" needs a Smartcat API credential (account ID and API key): choose one under "Credential to connect with", or use Registration: Manual with Fetch Details off',
		);
		expect(logs.join('\n')).not.toContain('Node does not require credentials');
	});

	it('refuses a missing or weak secret credential', async () => {
		const manual = { registration: 'manual', fetchDetails: false };
		await expect(methods.create.call(hook({ parameters: manual }).ctx)).rejects.toThrow(
			'no Translation Webhook Secret credential is chosen',
		);
		await expect(
			methods.create.call(
				hook({
					parameters: manual,
					credentials: { translationWebhookSecretApi: { secret: 'short' } },
				}).ctx,
			),
		).rejects.toThrow('it needs at least 16');
		await methods.create.call(
			hook({
				parameters: manual,
				credentials: { translationWebhookSecretApi: { secret: 'a-good-long-secret-0123' } },
			}).ctx,
		);
	});
});

describe('Smartcat Trigger: registration edges', () => {
	it('exists with its header among others, in any case of the name, and a URL with trailing slashes', async () => {
		const { ctx } = hook();
		await activate(ctx);
		const ours = smartcat.setting!.additionalHeaders[0];
		smartcat.setting = {
			url: `${PRODUCTION}//`,
			additionalHeaders: [
				{ name: 'X-Other', value: 'other' },
				{ name: ours.name.toUpperCase(), value: ours.value },
			],
		};
		expect(await methods.checkExists.call(ctx)).toBe(true);
		// our header name with another value, or our value under another name, is not ours
		smartcat.setting.additionalHeaders = [{ name: 'X-Other', value: ours.value }];
		expect(await methods.checkExists.call(ctx)).toBe(false);
	});

	it('writes its derived value over whatever its URL had: another header, an empty value, none', async () => {
		const values = new Set<string>();
		for (const additionalHeaders of [
			[{ name: 'X-Other', value: 'other-secret-value-0123456789' }],
			[{ name: 'X-Smartcat-Callback-Secret', value: '' }],
			[],
		]) {
			smartcat.setting = { url: PRODUCTION, additionalHeaders };
			await activate(hook().ctx);
			expect(smartcat.setting?.additionalHeaders).toEqual([
				{ name: 'X-Smartcat-Callback-Secret', value: expect.stringMatching(/^[\w-]{32}$/) },
			]);
			values.add(registeredSecret());
		}
		expect(values.size).toBe(1); // derived: the same node and API key give the same value
	});

	it('a header name with spaces around it is used without them; an empty one means the default', async () => {
		// a function: TypeScript would narrow smartcat.setting to null after the reset below
		const headerNames = () => smartcat.setting?.additionalHeaders.map((h) => h.name);
		await activate(hook({ parameters: { headerName: '  X-My-Secret ' } }).ctx);
		expect(headerNames()).toEqual(['X-My-Secret']);
		smartcat.setting = null;
		await activate(hook({ parameters: { headerName: '   ' } }).ctx);
		expect(headerNames()).toEqual(['X-Smartcat-Callback-Secret']);
	});

	it('refusals carry their advice as the description (what n8n shows under the message)', async () => {
		const description = async (options: FakeNodeOptions) =>
			((await activate(hook(options).ctx).catch((e: unknown) => e)) as { description?: string })
				.description;
		expect(await description({ parameters: { headerName: 'bad header' } })).toBe(
			'Use letters, digits and hyphens, e.g. X-Smartcat-Callback-Secret.',
		);
		smartcat.setting = structuredClone(FOREIGN);
		expect(await description({})).toBe(
			`Smartcat has one callback URL per account. Turn on "Replace Existing Callback" to point it at this workflow instead (whatever uses ${FOREIGN.url} stops receiving callbacks), or use Registration: Manual. See README.`,
		);
		smartcat.setting = null;
		expect(
			await description({ webhookUrl: 'http://localhost:5678/webhook/x/smartcat', parameters: {} }),
		).toMatch(/^Set n8n's N8N_WEBHOOK_URL environment variable/);
	});

	it('deactivation without a stored registration removes the setting only if it points at this node', async () => {
		const { ctx } = hook();
		smartcat.setting = { url: PRODUCTION, additionalHeaders: [] };
		await methods.delete.call(ctx);
		expect(smartcat.setting).toBeNull();
	});
});

/**
 * Smartcat sends the account's additionalHeaders with every callback (help.smartcat.ai/hc/en-us/articles/360000048572):
 * the value is derived from the credential's API key and the node, so nothing readable in the workflow holds it.
 */
describe('Smartcat Trigger: the secret header value is derived, never stored', () => {
	it('after activation no static data value is the secret Smartcat holds; the callback with it is accepted', async () => {
		const { ctx } = hook();
		await activate(ctx);
		const secret = registeredSecret();
		const staticData = ctx.getWorkflowStaticData('node');
		expect(Object.values(staticData)).not.toContain(secret);
		expect(JSON.stringify(staticData)).not.toContain(secret);
		expect(await callbackStatus(staticData, secret)).toBe(200);
		expect(await callbackStatus(staticData, `${secret.slice(0, -1)}x`)).toBe(401);
		expect(await callbackStatus(staticData, ACCOUNT.apiKey)).toBe(401);
	});

	it('never adopts a value already under its header, however weak: it writes its own', async () => {
		for (const weak of ['x', 'aaaaaaaaaaaaaaaa', 'kept-secret-value-0123456789']) {
			smartcat.setting = {
				url: PRODUCTION,
				additionalHeaders: [{ name: 'X-Smartcat-Callback-Secret', value: weak }],
			};
			const { ctx } = hook();
			await activate(ctx);
			expect(registeredSecret()).not.toBe(weak);
			expect(await callbackStatus(ctx.getWorkflowStaticData('node'), weak)).toBe(401);
			expect(await callbackStatus(ctx.getWorkflowStaticData('node'), registeredSecret())).toBe(200);
		}
	});

	it('a new API key: checkExists is false, activation sets the new value, the old one is refused', async () => {
		const { ctx } = hook();
		await activate(ctx);
		const old = registeredSecret();
		const rotated = { ...ACCOUNT, apiKey: 'reg-api-key-rotated' };
		smartcat.rotateApiKey(rotated.apiKey);
		const after = hook({
			staticData: ctx.getWorkflowStaticData('node'),
			credentials: { smartcatApi: { ...rotated, server: 'custom', baseUrl: smartcat.url } },
		}).ctx;
		// until the workflow is activated again, Smartcat's callbacks (with the old value) get 401
		expect(await callbackStatus(after.getWorkflowStaticData('node'), old, rotated)).toBe(401);
		expect(await methods.checkExists.call(after)).toBe(false);
		await activate(after);
		expect(registeredSecret()).not.toBe(old);
		expect(
			await callbackStatus(after.getWorkflowStaticData('node'), registeredSecret(), rotated),
		).toBe(200);
		expect(await callbackStatus(after.getWorkflowStaticData('node'), old, rotated)).toBe(401);
		smartcat.rotateApiKey(ACCOUNT.apiKey);
	});
});
