/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports, no-console -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * Smartcat Trigger, Smartcat node and Smartcat Catch-Up Trigger in a real n8n, against Smartcat simulators (one
 * per account: Smartcat's callback setting is account-wide): activation registers the account's callback, the
 * simulator delivers callbacks with the registered secret header (retrying like Smartcat), deactivation removes
 * only our own setting; every public delivery of the corpus; listening for a test event next to a published
 * workflow; the examples; the catch-up across an unpublished workflow and an n8n restart.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { corpusDeliveries, deliveryUrl } from '../Smartcat/corpus';
import { Recorder } from '../helpers/recorder';
import { SlackStandIn, slackText } from '../helpers/slack';
import { SmartcatSimulator } from '../simulators/smartcat';
import {
	delay,
	editorTypes,
	eventually,
	example,
	listenForTestEvent,
	receivedItems,
	send,
	simulate,
	startN8n,
	triggerWorkflow,
	smartcatServed,
	waitForWebhookGone,
	type ChainNode,
	type N8nInstance,
} from './harness';

const ACCOUNT = { accountId: 'e2e-account', apiKey: 'e2e-smartcat-api-key-secret' };
const CREDENTIAL = { smartcatApi: { id: 'smartcatCred0001', name: 'Smartcat simulator' } };
const LISTEN_CREDENTIAL = {
	smartcatApi: { id: 'smartcatListen01', name: 'Smartcat listen account' },
};
// The Smartcat node's set and delete operations run on an account of their own: n8n 2.41 re-activates published
// workflows in the background (its publication reconciler, every 10 s), and a late activation of one of this suite's
// triggers on the shared account, landing between the node's Delete and the check, would register it again.
const WRITE_CREDENTIAL = {
	smartcatApi: { id: 'smartcatWrite001', name: 'Smartcat write account' },
};
const SECRET_CREDENTIAL = {
	translationWebhookSecretApi: { id: 'smartcatSecret01', name: 'Smartcat webhook secret' },
};
const MANUAL_SECRET = 'e2e-manual-secret-value-0123456789';
const FOREIGN = {
	url: 'https://other-integration.example/smartcat',
	additionalHeaders: [{ name: 'X-Other', value: 'other-secret' }],
};
/** e2e's n8n listens on 127.0.0.1, which Smartcat could not reach: the option a test against a simulator sets */
const PRIVATE_URL_ALLOWED = { options: { allowPrivateWebhookUrl: true } };

const smartcatNode = (
	name: string,
	parameters: Record<string, unknown>,
	extra: Partial<ChainNode> = {},
): ChainNode => ({
	name,
	type: 'n8n-nodes-translation-events.smartcat',
	parameters,
	credentials: CREDENTIAL,
	executeOnce: true,
	...extra,
});

/** A Smartcat node on the write account (WRITE_CREDENTIAL). */
const writeNode = (
	name: string,
	parameters: Record<string, unknown>,
	extra: Partial<ChainNode> = {},
) => smartcatNode(name, parameters, { credentials: WRITE_CREDENTIAL, ...extra });

const workflows = {
	polite: triggerWorkflow({
		id: 'smartcatPolite01',
		node: 'smartcatTrigger',
		parameters: { ...PRIVATE_URL_ALLOWED, fetchDetails: false },
		credentials: CREDENTIAL,
		active: false,
	}),
	unreachable: triggerWorkflow({
		id: 'smartcatPrivate1',
		node: 'smartcatTrigger',
		parameters: { replaceExisting: true, fetchDetails: false },
		credentials: CREDENTIAL,
		active: false,
	}),
	main: triggerWorkflow({
		id: 'smartcatMain0001',
		node: 'smartcatTrigger',
		parameters: { replaceExisting: true, fetchDetails: true, ...PRIVATE_URL_ALLOWED },
		credentials: CREDENTIAL,
		active: false,
	}),
	// Without "Replace Existing Callback": a late second activation by n8n cannot take the account back.
	again: triggerWorkflow({
		id: 'smartcatAgain001',
		node: 'smartcatTrigger',
		parameters: { ...PRIVATE_URL_ALLOWED, fetchDetails: false },
		credentials: CREDENTIAL,
		active: false,
	}),
	// Set up by hand with the Smartcat credential at hand (unused: no Fetch Details) and the secret credential.
	manual: triggerWorkflow({
		id: 'smartcatManual01',
		node: 'smartcatTrigger',
		parameters: { registration: 'manual', events: ['document.status'], fetchDetails: false },
		credentials: { ...CREDENTIAL, ...SECRET_CREDENTIAL },
	}),
	// Set up by hand: the secret from a Translation Webhook Secret credential; no Smartcat credential.
	corpus: triggerWorkflow({
		id: 'smartcatCorpus01',
		node: 'smartcatTrigger',
		parameters: { registration: 'manual', fetchDetails: false },
		credentials: SECRET_CREDENTIAL,
	}),
	listen: triggerWorkflow({
		id: 'smartcatListen01',
		node: 'smartcatTrigger',
		parameters: { ...PRIVATE_URL_ALLOWED, fetchDetails: false },
		credentials: LISTEN_CREDENTIAL,
		active: false,
	}),
	// The Smartcat node's operations, started by a Beebox Trigger (it registers nothing), the secret credential's
	// secret in the URL.
	read: triggerWorkflow({
		id: 'smartcatRead0001',
		node: 'beeboxTrigger',
		parameters: { fetchDetails: false },
		credentials: SECRET_CREDENTIAL,
		after: [
			smartcatNode('Get Callback', { resource: 'callback', operation: 'get' }),
			smartcatNode('Get Last Errors', {
				resource: 'callback',
				operation: 'getLastErrors',
				limit: 3,
			}),
			smartcatNode('Get Project', { resource: 'project', operation: 'get', projectId: 'p-1' }),
			smartcatNode('Get Many Projects', {
				resource: 'project',
				operation: 'getMany',
				returnAll: true,
				filters: { projectName: 'relaunch' },
			}),
			smartcatNode('Get Document', {
				resource: 'document',
				operation: 'get',
				documentId: '189_25',
			}),
			smartcatNode(
				'Get Missing Document',
				{ resource: 'document', operation: 'get', documentId: 'nope_1' },
				{ onError: 'continueRegularOutput' },
			),
		],
	}),
	write: triggerWorkflow({
		id: 'smartcatWrite001',
		node: 'beeboxTrigger',
		parameters: { fetchDetails: false },
		credentials: SECRET_CREDENTIAL,
		after: [
			writeNode('Set Callback', {
				resource: 'callback',
				operation: 'set',
				url: 'https://cms.example/smartcat',
				additionalHeaders: { header: [{ name: 'X-Cms-Key', value: 'cms-key-value' }] },
			}),
			writeNode('Get After Set', { resource: 'callback', operation: 'get' }),
			writeNode('Delete Callback', { resource: 'callback', operation: 'delete' }),
			writeNode('Get After Delete', { resource: 'callback', operation: 'get' }),
			writeNode(
				'Set Invalid',
				{ resource: 'callback', operation: 'set', url: 'not a url' },
				{ onError: 'continueRegularOutput' },
			),
		],
	}),
};

/** An example as the editor imports it: each node with webhooks gets a fresh webhook id (examples carry none). */
function imported(workflow: ReturnType<typeof example>, credentialId: string) {
	for (const node of workflow.nodes) {
		if (node.type.startsWith('n8n-nodes-translation-events.smartcat')) {
			node.credentials = { smartcatApi: { id: credentialId, name: credentialId } };
			if (node.type.endsWith('smartcatTrigger')) node.webhookId = randomUUID();
		}
		// n8n's Webhook node (the round trip's CMS side) serves its path only with a webhook id
		if (node.type === 'n8n-nodes-base.webhook') node.webhookId = randomUUID();
	}
	return workflow;
}

/**
 * One n8n for both blocks of this file (a start-up is 6-8 s of CPU), with the main block's settings: one
 * production execution at a time, as README ("Never miss an event") advises for the never-miss example (Remove
 * Duplicates has no lock, so a live delivery and a catch-up poll emitting the same event at the same moment could
 * both pass it: seen once in CI for Beebox, possible here too); Slack's API is a stand-in; a user folder of our
 * own, since the catch-up test stops n8n and starts it again on the same data. Each block imports its own
 * credentials and workflows and reads only its own workflows' executions.
 */
let n8n: N8nInstance;
let slack: SlackStandIn;
const userFolder = mkdtempSync(join(tmpdir(), 'n8n-e2e-smartcat-'));

beforeAll(async () => {
	slack = await new SlackStandIn().start();
	n8n = await startN8n('smartcat', {
		env: { ...slack.n8nEnv, N8N_CONCURRENCY_PRODUCTION_LIMIT: '1' },
		userFolder,
	});
}, 300_000);

afterAll(async () => {
	const output = n8n?.output ?? '';
	await n8n?.stop();
	await slack?.stop();
	rmSync(userFolder, { recursive: true, force: true });
	expect(output).not.toContain(ACCOUNT.apiKey);
	expect(output).not.toContain(MANUAL_SECRET);
});

describe('Smartcat Trigger, Smartcat node and Smartcat Catch-Up Trigger in a real n8n', () => {
	let smartcat: SmartcatSimulator;
	// Smartcat's callback setting is account-wide: every example, and the listening test, gets an account of its own.
	let listenAccount: SmartcatSimulator;
	let writeAccount: SmartcatSimulator;
	let slackAccount: SmartcatSimulator;
	let cmsAccount: SmartcatSimulator;
	let neverAccount: SmartcatSimulator;
	let cms: Recorder;
	const examples = {
		slack: imported(
			example('smartcat-document-completed-to-slack.json', {
				parameters: { 'Smartcat Trigger': PRIVATE_URL_ALLOWED },
				credentials: {
					'n8n-nodes-base.slack': SlackStandIn.prototype.credential('slackE2e0000001'),
				},
			}),
			'smartcatSlackCred',
		),
		cms: imported(
			example('smartcat-document-completed-to-cms.json', {
				parameters: { 'Smartcat Trigger': PRIVATE_URL_ALLOWED },
			}),
			'smartcatCmsCred01',
		),
		never: imported(
			example('smartcat-never-miss-an-event.json', {
				parameters: { 'Smartcat Trigger': PRIVATE_URL_ALLOWED },
			}),
			'smartcatNeverCred',
		),
	};
	const base = (workflow: { webhookId: string }) =>
		n8n.webhookUrl(`${workflow.webhookId}/smartcat`);
	const baseOf = (workflow: ReturnType<typeof example>) =>
		n8n.webhookUrl(
			`${workflow.nodes.find((n) => n.type.endsWith('smartcatTrigger'))!.webhookId}/smartcat`,
		);
	const secretHeaders = () =>
		Object.fromEntries(smartcat.setting!.additionalHeaders.map((h) => [h.name, h.value]));

	beforeAll(async () => {
		const account = (extra: Partial<ConstructorParameters<typeof SmartcatSimulator>[0]> = {}) =>
			new SmartcatSimulator({ ...ACCOUNT, retryBaseMs: 20, ...extra }).start();
		smartcat = await account({
			projects: [{ id: 'p-1', name: 'Website relaunch', status: 'inProgress' }],
			documents: [
				{ id: '189_25', name: 'Home page', status: 'completed', projectId: 'p-1' },
				{ id: '310_25', name: 'Pricing', status: 'inProgress', projectId: 'p-1' },
			],
		});
		smartcat.setting = structuredClone(FOREIGN);
		listenAccount = await account();
		writeAccount = await account();
		slackAccount = await account({
			projects: [{ id: 'p-9', name: 'Release', status: 'inProgress' }],
			documents: [
				{ id: '501_7', name: 'Release notes', status: 'completed', projectId: 'p-9' },
				{ id: '502_7', name: 'FAQ', status: 'inProgress', projectId: 'p-9' },
			],
		});
		cmsAccount = await account({
			projects: [{ id: 'p-cms', name: 'Website', status: 'inProgress' }],
			documents: [
				{
					id: 'a882f5712d0c9d1bb54f2504_9',
					name: 'home',
					fileName: 'home.de.html',
					mimeType: 'text/html',
					// UTF-8 with umlauts, a BOM and bytes that are not text: what arrives must be these bytes exactly
					content: Buffer.concat([
						Buffer.from([0xef, 0xbb, 0xbf]),
						Buffer.from('<h1>Grüße aus Köln</h1>\n', 'utf8'),
						Buffer.from([0x00, 0xff, 0xfe, 0x80]),
					]),
					status: 'inProgress',
					projectId: 'p-cms',
				},
			],
		});
		neverAccount = await account();
		cms = await new Recorder().start();
		for (const node of examples.cms.nodes)
			if (node.name === 'Send to CMS')
				node.parameters.url = `=${cms.url}/api/translations/{{ $json.documentId }}`;
		const credential = (id: string, simulator: SmartcatSimulator, extra = {}) => ({
			id,
			name: id,
			type: 'smartcatApi',
			data: { ...ACCOUNT, server: 'custom', baseUrl: simulator.url, ...extra },
		});
		await n8n.importCredentials([
			{ ...credential(CREDENTIAL.smartcatApi.id, smartcat), name: CREDENTIAL.smartcatApi.name },
			credential(LISTEN_CREDENTIAL.smartcatApi.id, listenAccount),
			credential(WRITE_CREDENTIAL.smartcatApi.id, writeAccount),
			credential('smartcatSlackCred', slackAccount),
			credential('smartcatCmsCred01', cmsAccount),
			credential('smartcatNeverCred', neverAccount),
			credential('smartcatWrongKey', smartcat, { apiKey: 'not-the-key' }),
			{
				id: SECRET_CREDENTIAL.translationWebhookSecretApi.id,
				name: SECRET_CREDENTIAL.translationWebhookSecretApi.name,
				type: 'translationWebhookSecretApi',
				data: { secret: MANUAL_SECRET },
			},
			slack.credential('slackE2e0000001'),
		]);
		await n8n.importWorkflows([
			...Object.values(workflows),
			examples.slack,
			{ ...examples.cms, active: false },
			{ ...examples.never, active: false },
		]);
		for (const id of [workflows.read.id, workflows.write.id]) await n8n.publish(id);
		await n8n.waitForWebhook(`${base(workflows.manual)}/document/status`);
		await n8n.waitForWebhook(base(workflows.corpus));
	}, 600_000);

	afterAll(async () => {
		// unpublished first: each trigger deletes its callback setting, and nothing polls a stopped simulator
		await n8n?.unpublishAll();
		for (const simulator of [
			smartcat,
			listenAccount,
			writeAccount,
			slackAccount,
			cmsAccount,
			neverAccount,
		])
			await simulator?.stop();
		await cms?.stop();
	});

	it("does not clobber another integration's callback unless told to", async () => {
		await n8n.publish(workflows.polite.id);
		await eventually('n8n reports the refused activation', () =>
			n8n.output.includes(
				'already sends its callbacks to https://other-integration.example/smartcat. Turn on "Replace Existing Callback"',
			),
		);
		expect(smartcat.setting).toEqual(FOREIGN);
		await n8n.unpublish(workflows.polite.id);
	});

	it('refuses to register a URL Smartcat cannot reach, naming WEBHOOK_URL', async () => {
		await n8n.publish(workflows.unreachable.id);
		await eventually('n8n reports the refused activation', () =>
			n8n.output.includes(
				'Smartcat cannot deliver callbacks to this n8n: the vendor cannot reach http://127.0.0.1:',
			),
		);
		expect(n8n.output).toContain("Set n8n's N8N_WEBHOOK_URL environment variable");
		expect(smartcat.setting).toEqual(FOREIGN);
		await n8n.unpublish(workflows.unreachable.id);
	});

	it("registers the account's callback on activation, with a derived secret header", async () => {
		await n8n.publish(workflows.main.id);
		await eventually(
			'the callback points at the workflow',
			() => smartcat.setting?.url === base(workflows.main),
		);
		expect(smartcat.setting!.additionalHeaders).toEqual([
			{ name: 'X-Smartcat-Callback-Secret', value: expect.stringMatching(/^[A-Za-z0-9_-]{32,}$/) },
		]);
		// the webhooks answer just after registration, path by path: probed with an empty list (200, no execution)
		await smartcatServed(base(workflows.main), secretHeaders());
		// the value is derived from the API key, never kept in the workflow (its API shows the static data)
		const stored = await n8n.rest('GET', `/rest/workflows/${workflows.main.id}`);
		expect(JSON.stringify(stored.body)).not.toContain(
			secretHeaders()['X-Smartcat-Callback-Secret'],
		);
	});

	it('starts the workflow for deliveries Smartcat makes, one item per id, with the looked-up details', async () => {
		expect(await smartcat.deliver('project/status', ['p-1'])).toEqual({
			delivered: true,
			attempts: [200],
		});
		expect(await smartcat.deliver('document/status', ['189_25', '310_25'])).toEqual({
			delivered: true,
			attempts: [200],
		});
		expect(await smartcat.deliver('document/translationImportCompleted', ['189_25'])).toEqual({
			delivered: true,
			attempts: [200],
		});
		const executions = await n8n.waitForExecutions(workflows.main.id, 3);
		const items = receivedItems(executions);
		expect(
			items.map((list) => list.map((i) => [i.event, i.projectId ?? i.documentId, i.status])),
		).toEqual([
			[['project.status', 'p-1', 'inProgress']],
			[
				['document.status', '189_25', 'completed'],
				['document.status', '310_25', 'inProgress'],
			],
			[['document.translationImportCompleted', '189_25', 'completed']],
		]);
		const changed = smartcat.documents.get('189_25')!.statusModificationDate;
		expect(items[1][0]).toMatchObject({
			vendor: 'smartcat',
			documentBaseId: '189',
			languageId: '25',
			document: { name: 'Home page' },
			eventKey: `smartcat:document.status:189_25:completed:${changed}`,
			occurredAt: changed,
		});
	});

	it('answers 401 for a wrong secret and 400 for malformed bodies, starting nothing', async () => {
		const url = `${base(workflows.main)}/document/status`;
		const json = { 'content-type': 'application/json' };
		const answers = [
			await send(url, { method: 'POST', headers: json, body: '["189_25"]' }),
			await send(url, {
				method: 'POST',
				headers: { ...json, 'X-Smartcat-Callback-Secret': 'guess' },
				body: '["189_25"]',
			}),
			await send(url, {
				method: 'POST',
				headers: { ...json, ...secretHeaders() },
				body: '{"ids":["189_25"]}',
			}),
			await send(url, { method: 'POST', headers: { ...json, ...secretHeaders() }, body: '[1,2]' }),
			await send(url, { method: 'POST', headers: { ...json, ...secretHeaders() }, body: '[""]' }),
			await send(url, {
				method: 'POST',
				headers: { ...json, ...secretHeaders() },
				body: '["not-a-document-id"]',
			}),
			await send(base(workflows.main), {
				method: 'POST',
				headers: { ...json, ...secretHeaders() },
				body: '["189_25"]',
			}),
			await send(url, { method: 'POST', headers: { ...json, ...secretHeaders() }, body: '[]' }),
		];
		expect(answers.map((a) => a.status)).toEqual([401, 401, 400, 400, 400, 400, 400, 200]);
		// A sentinel afterwards: once it has run, a refused delivery would have run too.
		expect((await smartcat.deliver('project/status', ['p-1'])).delivered).toBe(true);
		const executions = await n8n.waitForExecutions(workflows.main.id, 4);
		expect(executions).toHaveLength(4);
	});

	it('answers 503 when a lookup fails, so Smartcat retries (and records the errors)', async () => {
		const result = await smartcat.deliver('document/status', ['189_25', 'deleted_25']);
		expect(result).toEqual({
			delivered: false,
			attempts: [503, 503, 503, 503, 503, 503, 503, 503],
		});
		expect(await n8n.executions({ workflowId: workflows.main.id })).toHaveLength(4);
		expect(smartcat.errors[0]).toMatchObject({ code: 503, sourceIds: ['189_25', 'deleted_25'] });
	});

	it('a callback URL with a query string: n8n hands it to the base URL and the trigger reads the event from the query', async () => {
		const registered = structuredClone(smartcat.setting!);
		// as if set by hand (e.g. Callback → Set) with a query string; Smartcat appends the path after it
		smartcat.setting = { ...registered, url: `${base(workflows.main)}?source=cms` };
		try {
			expect(await smartcat.deliver('document/status', ['310_25'])).toEqual({
				delivered: true,
				attempts: [200],
			});
		} finally {
			smartcat.setting = registered;
		}
		const executions = await n8n.waitForExecutions(workflows.main.id, 5);
		expect(receivedItems(executions)[4]).toEqual([
			expect.objectContaining({
				event: 'document.status',
				documentId: '310_25',
				status: 'inProgress',
			}),
		]);
	});

	it("runs the Smartcat node's read operations; the trigger's secret is masked", async () => {
		expect(
			(
				await send(
					`${n8n.webhookUrl(`${workflows.read.webhookId}/beebox`)}?token=${MANUAL_SECRET}&bbid=r1&bbevent=ProjectUpdate`,
				)
			).status,
		).toBe(200);
		const [execution] = await n8n.waitForExecutions(workflows.read.id, 1);
		expect(execution.items['Get Callback']).toEqual([
			{
				isSet: true,
				url: base(workflows.main),
				additionalHeaders: [{ name: 'X-Smartcat-Callback-Secret', value: '***' }],
			},
		]);
		expect(JSON.stringify(execution.items)).not.toContain(
			secretHeaders()['X-Smartcat-Callback-Secret'],
		);
		expect(execution.items['Get Last Errors']).toHaveLength(3);
		expect(execution.items['Get Last Errors'][0]).toEqual({
			created: expect.any(String),
			url: `${base(workflows.main)}/document/status`,
			event: 'document.status',
			reason: 'HTTP 503',
			code: 503,
			content: expect.stringContaining('retry later'),
			sourceIds: ['189_25', 'deleted_25'],
		});
		expect(execution.items['Get Project']).toEqual([
			expect.objectContaining({ id: 'p-1', name: 'Website relaunch' }),
		]);
		expect(execution.items['Get Many Projects']).toEqual([
			expect.objectContaining({ id: 'p-1', documents: expect.any(Array) }),
		]);
		expect(execution.items['Get Document']).toEqual([
			expect.objectContaining({ id: '189_25', status: 'completed' }),
		]);
		expect(execution.items['Get Missing Document']).toEqual([
			expect.objectContaining({ error: expect.stringContaining('Document not found') }),
		]);
	});

	it('on deactivation removes its own setting, and only its own', async () => {
		await n8n.unpublish(workflows.main.id);
		await eventually('the callback setting is removed', () => smartcat.setting === null);
		await waitForWebhookGone(`${base(workflows.main)}/project/status`);

		await n8n.publish(workflows.again.id);
		await eventually(
			'the callback points at the other workflow',
			() => smartcat.setting?.url === base(workflows.again),
		);
		await n8n.waitForWebhook(`${base(workflows.again)}/project/status`);
		smartcat.setting = structuredClone(FOREIGN); // someone else took the account's callback meanwhile
		await n8n.unpublish(workflows.again.id);
		await waitForWebhookGone(`${base(workflows.again)}/project/status`);
		await delay(1000);
		expect(smartcat.setting).toEqual(FOREIGN);
	});

	it("runs the Smartcat node's set and delete operations", async () => {
		expect(
			(
				await send(
					`${n8n.webhookUrl(`${workflows.write.webhookId}/beebox`)}?token=${MANUAL_SECRET}&bbid=w1&bbevent=ProjectUpdate`,
				)
			).status,
		).toBe(200);
		const [execution] = await n8n.waitForExecutions(workflows.write.id, 1);
		expect(execution.items['Set Callback']).toEqual([
			{
				isSet: true,
				url: 'https://cms.example/smartcat',
				additionalHeaders: [{ name: 'X-Cms-Key' }],
			},
		]);
		expect(execution.items['Get After Set']).toEqual([
			{
				isSet: true,
				url: 'https://cms.example/smartcat',
				additionalHeaders: [{ name: 'X-Cms-Key', value: '***' }],
			},
		]);
		expect(execution.items['Delete Callback']).toEqual([{ deleted: true }]);
		expect(execution.items['Get After Delete']).toEqual([
			{ isSet: false, url: null, additionalHeaders: [] },
		]);
		expect(execution.items['Set Invalid']).toEqual([
			expect.objectContaining({ error: '"not a url" is not a valid URL' }),
		]);
		expect(JSON.stringify(execution.items)).not.toContain('cms-key-value');
		expect(writeAccount.setting).toBeNull();
		// what changed the account's setting: the node's Set and Delete, nothing else ("Set Invalid" sends nothing)
		expect(
			writeAccount.requests
				.filter((r) => r.method !== 'GET')
				.map((r) => `${r.method} ${r.path.replace('/api/integration/v1', '')}`),
		).toEqual(['POST /callback', 'DELETE /callback']);
	});

	it('manual registration leaves the account alone; the simulate command starts it with the secret header', async () => {
		expect(
			smartcat.requests.some(
				(r) =>
					r.method === 'POST' &&
					r.path.endsWith('/callback') &&
					smartcat.setting?.url === base(workflows.manual),
			),
		).toBe(false);
		const stdout = await simulate(
			'smartcat',
			'--event',
			'document.status',
			'--url',
			base(workflows.manual),
			'--header',
			`X-Smartcat-Callback-Secret:${MANUAL_SECRET}`,
		);
		expect(stdout).toContain('200 OK');
		const [execution] = await n8n.waitForExecutions(workflows.manual.id, 1);
		expect(
			receivedItems([execution])
				.flat()
				.map((i) => i.documentId),
		).toEqual(['189_25', '310_25']);
	});

	it('every public delivery (test/fixtures/public/smartcat) reaches a trigger set up by hand, with its item', async () => {
		const answers: number[] = [];
		for (const delivery of corpusDeliveries) {
			const answer = await send(deliveryUrl(delivery, base(workflows.corpus)), {
				method: delivery.request.method,
				headers: {
					...Object.fromEntries(
						Object.entries(delivery.request.headers).filter(([name]) => name !== 'host'),
					),
					'X-Smartcat-Callback-Secret': MANUAL_SECRET,
				},
				body: JSON.stringify(delivery.request.body),
			});
			answers.push(answer.status);
		}
		expect(answers).toEqual(corpusDeliveries.map(() => 200));
		const executions = await n8n.waitForExecutions(workflows.corpus.id, corpusDeliveries.length);
		const items = receivedItems(executions);
		expect(items).toHaveLength(corpusDeliveries.length);
		corpusDeliveries.forEach((delivery, i) => {
			const idField = delivery.event === 'project.status' ? 'projectId' : 'documentId';
			expect([delivery.file, items[i].map((item) => [item.event, item[idField]])]).toEqual([
				delivery.file,
				(delivery.request.body as string[]).map((id) => [delivery.event, id]),
			]);
		});
		console.log(
			`[e2e smartcat] ${corpusDeliveries.length} public deliveries through n8n, ${items.flat().length} items`,
		);
	});

	it('listening for a test event never takes the callback from the published workflow', async () => {
		await n8n.publish(workflows.listen.id);
		await eventually(
			'the published workflow holds the callback',
			() => listenAccount.setting?.url === base(workflows.listen),
		);
		const registered = structuredClone(listenAccount.setting);
		await n8n.waitForWebhook(`${base(workflows.listen)}/document/status`);
		const refusal = await listenForTestEvent(n8n, workflows.listen.id, 'Trigger').then(
			() => '',
			(error: Error) => error.message,
		);
		expect(refusal).toContain('points at the Production URL of this workflow');
		expect(refusal).toContain('unpublish it while you test');
		await delay(1000);
		expect(listenAccount.setting).toEqual(registered);
		// production still receives
		await eventually(
			'production runs for a callback',
			async () =>
				(await listenAccount.deliver('project/status', ['1e2d703f-9def-4d27-ab4d-350cbbe8c44b']))
					.delivered,
		);
		await n8n.waitForExecutions(workflows.listen.id, 1);

		// unpublished, the account has no callback: listening points it at the Test URL until the event came
		await n8n.unpublish(workflows.listen.id);
		await eventually('the callback is removed', () => listenAccount.setting === null);
		await listenForTestEvent(n8n, workflows.listen.id, 'Trigger');
		await eventually('the Test URL is registered', () =>
			(listenAccount.setting?.url ?? '').includes(
				`/webhook-test/${workflows.listen.webhookId}/smartcat`,
			),
		);
		expect((await listenAccount.deliver('document/status', ['189_25'])).delivered).toBe(true);
		await eventually(
			'listening stopped and removed the Test URL',
			() => listenAccount.setting === null,
		);
		console.log(
			'[e2e smartcat] listening next to a published workflow: refused, production kept its callback; alone: Test URL while listening',
		);
	});

	it('the credential Test with a wrong API key says what to check', async () => {
		const answer = await n8n.rest('POST', '/rest/credentials/test', {
			credentials: {
				id: n8n.credentialId('smartcatWrongKey'),
				name: 'smartcatWrongKey',
				type: 'smartcatApi',
				data: { ...ACCOUNT, apiKey: 'not-the-key', server: 'custom', baseUrl: smartcat.url },
			},
		});
		expect((answer.body as { data?: unknown }).data).toEqual({
			status: 'Error',
			message: expect.stringContaining('Smartcat refused the account ID and API key (401)'),
		});
	});

	it('runs the "document completed → Slack" example: registered on its account, the message reaches Slack', async () => {
		await eventually('the example registered its callback', () => slackAccount.setting !== null);
		expect(slackAccount.setting!.url).toBe(baseOf(examples.slack));
		await eventually(
			'n8n serves the example',
			async () => (await slackAccount.deliver('document/status', ['501_7', '502_7'])).delivered,
		);
		const [execution] = await n8n.waitForExecutions('smartcatExample1', 1);
		expect(execution.status).toBe('success');
		// the trigger's status filter keeps the completed document only
		expect(slack.messages).toEqual([
			{
				channel: '#localization',
				token: 'xoxb-e2e-stand-in',
				text: slackText('Smartcat: "Release notes" (de) is completed.'),
			},
		]);
	});

	it('runs the "document completed → export → CMS" example: the exact bytes of the translation arrive', async () => {
		await n8n.publish(examples.cms.id);
		await eventually('the example registered its callback', () => cmsAccount.setting !== null);
		expect(cmsAccount.setting!.url).toBe(baseOf(examples.cms));
		cmsAccount.setDocumentStatus('a882f5712d0c9d1bb54f2504_9', 'completed');
		await eventually(
			'n8n serves the example',
			async () =>
				(await cmsAccount.deliver('document/status', ['a882f5712d0c9d1bb54f2504_9'])).delivered,
		);
		const [execution] = await n8n.waitForExecutions(examples.cms.id, 1, 60_000);
		expect(execution.status).toBe('success');
		expect(cms.received).toHaveLength(1);
		const [put] = cms.received;
		expect([put.method, put.path, put.headers['x-file-name'], put.headers['content-type']]).toEqual(
			['PUT', '/api/translations/a882f5712d0c9d1bb54f2504_9', 'home.de.html', 'text/html'],
		);
		expect(
			put.bytes.equals(
				Buffer.from(cmsAccount.documents.get('a882f5712d0c9d1bb54f2504_9')!.content as Buffer),
			),
		).toBe(true);
		expect(execution.binaries['Export Translation']).toEqual([
			{ data: expect.objectContaining({ fileName: 'home.de.html', mimeType: 'text/html' }) },
		]);
		console.log(
			`[e2e smartcat] CMS example: ${put.bytes.length} bytes arrived, identical to the export`,
		);
	});

	it('offers the three nodes and the credential in the editor', async () => {
		const types = await editorTypes(n8n);
		expect(types.nodes).toEqual(
			expect.arrayContaining([
				'n8n-nodes-translation-events.smartcatTrigger',
				'n8n-nodes-translation-events.smartcat',
				'n8n-nodes-translation-events.smartcatCatchUpTrigger',
			]),
		);
		expect(types.credentials).toContain('smartcatApi');
	});

	describe('the "never miss an event" example: webhook + catch-up → Remove Duplicates', () => {
		const passed = async () =>
			(await n8n.executions({ workflowId: examples.never.id, finished: true })).flatMap(
				(e) => (e.items['Handle Event'] ?? []) as Array<Record<string, unknown>>,
			);
		const registered = () => neverAccount.setting?.url === baseOf(examples.never);
		/** the catch-up's first poll has recorded the account in the workflow's static data */
		const baselineSaved = async () => {
			const workflow = await n8n.rest('GET', `/rest/workflows/${examples.never.id}`);
			const data = (workflow.body as { data?: { staticData?: unknown } }).data;
			return JSON.stringify(data?.staticData ?? {}).includes('"catchUp"');
		};
		const live: string[] = [];

		beforeAll(async () => {
			await n8n.publish(examples.never.id);
			await eventually('the example registered its callback', registered);
			await eventually('the catch-up recorded the account', baselineSaved, 60_000);
			await n8n.waitForWebhook(`${baseOf(examples.never)}/document/status`);
		}, 600_000);

		it('a live event passes once', async () => {
			const event = neverAccount.nextEvent();
			live.push(event.eventKey);
			await eventually(
				'the callback runs the workflow',
				async () =>
					(await neverAccount.deliver('document/status', [lastId(neverAccount)])).delivered,
			);
			await eventually('the event passed', async () => (await passed()).length === 1);
			expect((await passed()).map((i) => i.eventKey)).toEqual(live);
		});

		it('(b) events while the workflow is unpublished: on publishing, the catch-up emits each once', async () => {
			await n8n.unpublish(examples.never.id);
			await eventually('the callback is removed', () => neverAccount.setting === null);
			const missed = [neverAccount.nextEvent().eventKey, neverAccount.nextEvent().eventKey];
			await n8n.publish(examples.never.id);
			await eventually('the events passed', async () => (await passed()).length === 3, 60_000);
			expect((await passed()).map((i) => i.eventKey)).toEqual([...live, ...missed]);
			live.push(...missed);
		});

		it("(a) events while n8n is stopped: after the restart the catch-up emits each once; Smartcat's retries are dropped", async () => {
			await eventually('the example registered its callback again', registered);
			const setting = structuredClone(neverAccount.setting!);
			await n8n.stop({ graceMs: 30_000 });
			const missed = [neverAccount.nextEvent(), neverAccount.nextEvent()];
			const ids = [...neverAccount.documents.keys()].slice(-2);
			// Smartcat tries to deliver while n8n is down (and records the failures)
			expect((await neverAccount.deliver('document/status', ids.slice(-1))).delivered).toBe(false);
			await n8n.start();
			await eventually(
				'the missed events passed',
				async () => (await passed()).length >= 5,
				90_000,
			);
			// Smartcat's later retry of the same callback: the webhook emits the same eventKeys, dropped
			expect(neverAccount.setting).toEqual(setting);
			await n8n.waitForWebhook(`${baseOf(examples.never)}/document/status`);
			const before = (await n8n.executions({ workflowId: examples.never.id, finished: true }))
				.length;
			expect((await neverAccount.deliver('document/status', ids)).delivered).toBe(true);
			await n8n.waitForExecutions(examples.never.id, before + 1);
			expect((await passed()).map((i) => i.eventKey)).toEqual([
				...live,
				...missed.map((m) => m.eventKey),
			]);
			console.log(
				`[e2e smartcat] never miss an event: ${live.length + missed.length} events, each passed once (1 live, 2 while unpublished, 2 while n8n was down; the retried callback dropped)`,
			);
		});
	});
});

/** The id of the document nextEvent() changed last. */
function lastId(simulator: SmartcatSimulator): string {
	return [...simulator.documents.values()]
		.sort((a, b) =>
			String(a.statusModificationDate).localeCompare(String(b.statusModificationDate)),
		)
		.pop()!.id;
}

/**
 * The first half of the loop, from n8n: the "CMS → Smartcat → CMS" example in a real n8n of its own against a
 * Smartcat simulator. A CMS entry posted to the example's webhook becomes one Smartcat project with the entry as
 * its document; a completed document's translation comes back to the CMS stand-in. Smartcat failing after it
 * created the project (a 500, or no answer at all) fails the run, and the project is not created again. The
 * project pick list is asked through n8n's REST API, as the editor asks it.
 */
describe('the round trip: CMS entry → Smartcat project → translation back to the CMS', () => {
	const CREDENTIAL_ID = 'smartcatRoundTrip';
	let smartcat: SmartcatSimulator;
	let cms: Recorder;
	const entries = [
		{
			entryId: 'home-42',
			title: 'Home page',
			locale: 'en',
			targetLocales: ['de', 'fr'],
			html: '<h1>Welcome</h1>\n<p>Fresh bread, daily ✓</p>\n',
		},
		{
			entryId: 'pricing-7',
			title: 'Pricing',
			locale: 'en',
			targetLocales: ['de'],
			html: '<h1>Prices</h1>\n<p>From 3 € a loaf</p>\n',
		},
		{
			entryId: 'about-3',
			title: 'About us',
			locale: 'en',
			targetLocales: ['de'],
			html: '<h1>About us</h1>\n',
		},
	];
	const workflow = () =>
		imported(
			example('smartcat-cms-round-trip.json', {
				parameters: {
					'Smartcat Trigger': PRIVATE_URL_ALLOWED,
					// the example's options, with a timeout a test can wait for (300 s in the example)
					'Create Smartcat Project': {
						options: {
							externalId: "={{ $('CMS Webhook').item.json.body.entryId }}",
							externalTag: 'cms',
							timeout: 3,
						},
					},
					'Send to CMS': {
						url: `=${cms.url}/api/entries/{{ $('Smartcat Trigger').item.json.document.externalId }}/translations/{{ $('Smartcat Trigger').item.json.document.targetLanguage }}`,
					},
				},
			}),
			CREDENTIAL_ID,
		);
	let roundTrip: ReturnType<typeof workflow>;
	const entryUrl = () => n8n.webhookUrl('smartcat-cms-entry-published');
	const post = (entry: (typeof entries)[number]) =>
		send(entryUrl(), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(entry),
		});
	const projectsNamed = (name: string) => smartcat.createdProjects.filter((p) => p.name === name);
	/** what Smartcat's linguists made of a document: its own bytes, not text to be compared loosely */
	const translation = (entryId: string, language: string) =>
		Buffer.concat([
			Buffer.from([0xef, 0xbb, 0xbf]),
			Buffer.from(`<h1>${entryId} auf ${language}: Grüße</h1>\n`, 'utf8'),
			Buffer.from([0x00, 0xff, 0x80]),
		]);
	/** Smartcat translates a project's documents and calls back; resolves with the document ids */
	async function translateProject(projectId: string): Promise<string[]> {
		const documents = [...smartcat.documents.values()].filter((d) => d.projectId === projectId);
		for (const d of documents)
			smartcat.translate(d.id, translation(String(d.externalId), String(d.targetLanguage)));
		const ids = documents.map((d) => d.id);
		expect((await smartcat.deliver('document/status', ids)).delivered).toBe(true);
		return ids;
	}
	const failedRuns = async () =>
		(await n8n.executions({ workflowId: roundTrip.id, finished: true })).filter(
			(e) => e.status === 'error',
		);

	beforeAll(async () => {
		smartcat = await new SmartcatSimulator({ ...ACCOUNT, retryBaseMs: 20 }).start();
		cms = await new Recorder().start();
		roundTrip = workflow();
		// the file's n8n (started for the block above)
		await n8n.importCredentials([
			{
				id: CREDENTIAL_ID,
				name: CREDENTIAL_ID,
				type: 'smartcatApi',
				data: { ...ACCOUNT, server: 'custom', baseUrl: smartcat.url },
			},
		]);
		await n8n.importWorkflows([{ ...roundTrip, active: false }]);
		await n8n.publish(roundTrip.id);
		await eventually('the example registered its callback', () => smartcat.setting !== null);
		await n8n.waitForWebhook(entryUrl());
		const trigger = roundTrip.nodes.find((node) => node.type.endsWith('smartcatTrigger'))!;
		await n8n.waitForWebhook(n8n.webhookUrl(`${trigger.webhookId}/smartcat/document/status`));
	}, 600_000);

	afterAll(async () => {
		await smartcat?.stop();
		await cms?.stop();
	});

	it('a CMS entry becomes one project with the entry as its document; its translations arrive at the CMS, byte for byte', async () => {
		const [entry] = entries;
		const answer = await post(entry);
		expect(answer.status).toBe(200);
		const [project] = projectsNamed('Home page');
		// the CMS gets the project back (the webhook answers with the last node's item)
		expect(answer.body).toMatchObject({ id: project.id, name: 'Home page', status: 'created' });
		const [work] = smartcat.work;
		expect(work.model).toEqual({
			name: 'Home page',
			sourceLanguage: 'en',
			targetLanguages: ['de', 'fr'],
			assignToVendor: false,
			workflowStages: ['translation'],
			externalTag: 'cms',
			documentProperties: [{ externalId: 'home-42' }],
		});
		expect(work.parts.map((p) => [p.name, p.fileName, p.contentType])).toEqual([
			['model', undefined, 'application/json'],
			['file_1', 'home-42.html', 'text/plain'],
		]);
		expect(work.parts[1].bytes.toString('utf8')).toBe(entry.html);

		await translateProject(project.id);
		await eventually('both translations reached the CMS', () => cms.received.length === 2, 60_000);
		const puts = [...cms.received].sort((a, b) => a.path.localeCompare(b.path));
		expect(puts.map((p) => [p.method, p.path, p.headers['x-file-name']])).toEqual([
			['PUT', '/api/entries/home-42/translations/de', 'home-42.html'],
			['PUT', '/api/entries/home-42/translations/fr', 'home-42.html'],
		]);
		expect(puts[0].bytes.equals(translation('home-42', 'de'))).toBe(true);
		expect(puts[1].bytes.equals(translation('home-42', 'fr'))).toBe(true);
		console.log(
			`[e2e smartcat] round trip: entry → project ${project.id} → ${puts.length} translations (${puts[0].bytes.length} bytes each) back at the CMS, identical`,
		);
	});

	it('Smartcat answers 500 after creating the project: the run fails saying so, nothing is created twice, and the translation still comes back', async () => {
		smartcat.faultAfterRecording('error500');
		const answer = await post(entries[1]);
		expect(answer.status).toBeGreaterThanOrEqual(500);
		await eventually('the run failed', async () => (await failedRuns()).length === 1, 60_000);
		const [failed] = await failedRuns();
		expect(failed.error).toContain(
			'Smartcat may have received the request and created what it asked for; it is not sent again automatically',
		);
		await delay(2000);
		const [project] = projectsNamed('Pricing');
		expect(projectsNamed('Pricing')).toHaveLength(1);
		// the project Smartcat made is real: its translation closes the loop like any other
		await translateProject(project.id);
		await eventually(
			'the translation reached the CMS',
			() => cms.received.some((r) => r.path === '/api/entries/pricing-7/translations/de'),
			60_000,
		);
	});

	it('Smartcat never answers after creating the project: the node gives up at its timeout (3 s here) and does not send it again', async () => {
		smartcat.faultAfterRecording('noAnswer');
		const answer = await post(entries[2]);
		expect(answer.status).toBeGreaterThanOrEqual(500);
		await eventually('the run failed', async () => (await failedRuns()).length === 2, 60_000);
		expect((await failedRuns())[1].error).toContain('Smartcat may have received the request');
		await delay(3000);
		expect(projectsNamed('About us')).toHaveLength(1);
	});

	it('the simulator saw exactly one project per content item', () => {
		expect(smartcat.work.filter((w) => w.kind === 'project/create')).toHaveLength(entries.length);
		expect(smartcat.createdProjects.map((p) => p.name).sort()).toEqual(
			entries.map((e) => e.title).sort(),
		);
		expect(
			smartcat.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/project/create')),
		).toHaveLength(entries.length);
	});

	it("the editor's pick lists: projects searched through n8n's REST API, and Smartcat's languages", async () => {
		const node = { name: 'n8n-nodes-translation-events.smartcat', version: 1 };
		const credentials = {
			smartcatApi: { id: n8n.credentialId(CREDENTIAL_ID), name: CREDENTIAL_ID },
		};
		const currentNodeParameters = {
			resource: 'document',
			operation: 'addToProject',
			projectId: { __rl: true, mode: 'list', value: '' },
			binaryPropertyName: 'data',
		};
		const search = await n8n.rest(
			'POST',
			'/rest/dynamic-node-parameters/resource-locator-results',
			{
				nodeTypeAndVersion: node,
				path: 'parameters.projectId',
				methodName: 'searchProjects',
				filter: 'pric',
				currentNodeParameters,
				credentials,
			},
		);
		expect(search.status).toBe(200);
		const [pricing] = projectsNamed('Pricing');
		expect((search.body as { data: unknown }).data).toEqual({
			results: [
				{
					name: 'Pricing',
					value: pricing.id,
					url: `${smartcat.url}/projects/${pricing.id}/files`,
				},
			],
		});
		const languages = await n8n.rest('POST', '/rest/dynamic-node-parameters/options', {
			nodeTypeAndVersion: node,
			path: 'parameters.sourceLanguage',
			methodName: 'getLanguages',
			currentNodeParameters: { resource: 'project', operation: 'create' },
			credentials,
		});
		expect(languages.status).toBe(200);
		expect((languages.body as { data: unknown[] }).data).toEqual(
			expect.arrayContaining([{ name: 'German (de)', value: 'de' }]),
		);
	});
});
