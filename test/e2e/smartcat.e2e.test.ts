/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, no-console -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * Smartcat Trigger and Smartcat node in a real n8n, against the Smartcat simulator: activation registers the
 * account's callback, the simulator delivers callbacks with the registered secret header (retrying like
 * Smartcat), deactivation removes only our own setting.
 */

import { SlackStandIn, slackText } from '../helpers/slack';
import { SmartcatSimulator } from '../simulators/smartcat';
import {
	delay,
	editorTypes,
	eventually,
	example,
	receivedItems,
	send,
	simulate,
	startN8n,
	triggerWorkflow,
	waitForWebhookGone,
	type ChainNode,
	type N8nInstance,
} from './harness';

const ACCOUNT = { accountId: 'e2e-account', apiKey: 'e2e-smartcat-api-key-secret' };
const CREDENTIAL = { smartcatApi: { id: 'smartcatCred0001', name: 'Smartcat simulator' } };
const FOREIGN = {
	url: 'https://other-integration.example/smartcat',
	additionalHeaders: [{ name: 'X-Other', value: 'other-secret' }],
};

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

const workflows = {
	polite: triggerWorkflow({
		id: 'smartcatPolite01',
		node: 'smartcatTrigger',
		credentials: CREDENTIAL,
		active: false,
	}),
	main: triggerWorkflow({
		id: 'smartcatMain0001',
		node: 'smartcatTrigger',
		parameters: { replaceExisting: true, fetchDetails: true },
		credentials: CREDENTIAL,
		active: false,
	}),
	// Without "Replace Existing Callback": a late second activation by n8n cannot take the account back.
	again: triggerWorkflow({
		id: 'smartcatAgain001',
		node: 'smartcatTrigger',
		credentials: CREDENTIAL,
		active: false,
	}),
	manual: triggerWorkflow({
		id: 'smartcatManual01',
		node: 'smartcatTrigger',
		parameters: { registration: 'manual', events: ['document.status'] },
		credentials: CREDENTIAL,
	}),
	// The Smartcat node's operations, started by a Beebox Trigger (it registers nothing).
	read: triggerWorkflow({
		id: 'smartcatRead0001',
		node: 'beeboxTrigger',
		after: [
			smartcatNode('Get Callback', { resource: 'callback', operation: 'get' }),
			smartcatNode('Get Last Errors', {
				resource: 'callback',
				operation: 'getLastErrors',
				limit: 3,
			}),
			smartcatNode('Get Project', { resource: 'project', operation: 'get', projectId: 'p-1' }),
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
		after: [
			smartcatNode('Set Callback', {
				resource: 'callback',
				operation: 'set',
				url: 'https://cms.example/smartcat',
				additionalHeaders: { header: [{ name: 'X-Cms-Key', value: 'cms-key-value' }] },
			}),
			smartcatNode('Get After Set', { resource: 'callback', operation: 'get' }),
			smartcatNode('Delete Callback', { resource: 'callback', operation: 'delete' }),
			smartcatNode('Get After Delete', { resource: 'callback', operation: 'get' }),
			smartcatNode(
				'Set Invalid',
				{ resource: 'callback', operation: 'set', url: 'not a url' },
				{ onError: 'continueRegularOutput' },
			),
		],
	}),
};

describe('Smartcat Trigger and Smartcat node in a real n8n', () => {
	let n8n: N8nInstance;
	let smartcat: SmartcatSimulator;
	// The example's account: Smartcat's callback setting is account-wide, so it gets an account of its own.
	let exampleAccount: SmartcatSimulator;
	let slack: SlackStandIn;
	const base = (workflow: { webhookId: string }) =>
		n8n.webhookUrl(`${workflow.webhookId}/smartcat`);
	const secretHeaders = () =>
		Object.fromEntries(smartcat.setting!.additionalHeaders.map((h) => [h.name, h.value]));

	beforeAll(async () => {
		smartcat = await new SmartcatSimulator({
			...ACCOUNT,
			retryBaseMs: 20,
			projects: [{ id: 'p-1', name: 'Website relaunch', status: 'inProgress' }],
			documents: [
				{ id: '189_25', name: 'Home page', status: 'completed', projectId: 'p-1' },
				{ id: '310_25', name: 'Pricing', status: 'inProgress', projectId: 'p-1' },
			],
		}).start();
		smartcat.setting = structuredClone(FOREIGN);
		exampleAccount = await new SmartcatSimulator({
			...ACCOUNT,
			retryBaseMs: 20,
			documents: [
				{ id: '501_7', name: 'Release notes', status: 'completed', projectId: 'p-9' },
				{ id: '502_7', name: 'FAQ', status: 'inProgress', projectId: 'p-9' },
			],
		}).start();
		slack = await new SlackStandIn().start();
		n8n = await startN8n('smartcat', { env: slack.n8nEnv });
		await n8n.importCredentials([
			{
				id: CREDENTIAL.smartcatApi.id,
				name: CREDENTIAL.smartcatApi.name,
				type: 'smartcatApi',
				data: { ...ACCOUNT, server: 'custom', baseUrl: smartcat.url },
			},
			{
				id: 'smartcatExampleCred',
				name: 'Smartcat account',
				type: 'smartcatApi',
				data: { ...ACCOUNT, server: 'custom', baseUrl: exampleAccount.url },
			},
			slack.credential('slackE2e0000001'),
		]);
		const slackExample = example('smartcat-document-completed-to-slack.json', {
			credentials: { 'n8n-nodes-base.slack': slack.credential('slackE2e0000001') },
		});
		await n8n.importWorkflows([...Object.values(workflows), slackExample]);
		for (const id of [workflows.read.id, workflows.write.id])
			await n8n.cli(['publish:workflow', `--id=${id}`]);
		await n8n.waitForWebhook(`${base(workflows.manual)}/document/status`);
	});

	afterAll(async () => {
		const output = n8n?.output ?? '';
		await n8n?.stop();
		await smartcat?.stop();
		await exampleAccount?.stop();
		await slack?.stop();
		expect(output).not.toContain(ACCOUNT.apiKey);
	});

	it("does not clobber another integration's callback unless told to", async () => {
		const started = Date.now();
		await n8n.cli(['publish:workflow', `--id=${workflows.polite.id}`]);
		console.log(`[e2e smartcat] publish CLI took ${Date.now() - started} ms`);
		await eventually('n8n reports the refused activation', () =>
			n8n.output.includes(
				'already sends its callbacks to https://other-integration.example/smartcat',
			),
		);
		console.log(`[e2e smartcat] refusal logged after ${Date.now() - started} ms`);
		expect(smartcat.setting).toEqual(FOREIGN);
		await n8n.unpublish(workflows.polite.id);
	});

	it("registers the account's callback on activation, with a generated secret header", async () => {
		await n8n.cli(['publish:workflow', `--id=${workflows.main.id}`]);
		await eventually(
			'the callback points at the workflow',
			() => smartcat.setting?.url === base(workflows.main),
		);
		expect(smartcat.setting!.additionalHeaders).toEqual([
			{ name: 'X-Smartcat-Callback-Secret', value: expect.stringMatching(/^[A-Za-z0-9_-]{32,}$/) },
		]);
		await n8n.waitForWebhook(`${base(workflows.main)}/project/status`);
		// n8n stores the secret (static data) just after registration: until then a delivery gets 401 and Smartcat
		// retries it. Probe with an empty list (200, no execution) until the secret is in place.
		await eventually('the trigger accepts the registered secret', async () => {
			const probe = await send(`${base(workflows.main)}/project/status`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...secretHeaders() },
				body: '[]',
			});
			return probe.status === 200;
		});
		console.log(
			`[e2e smartcat] activation registered ${smartcat.setting!.url} (replacing another integration's URL, as configured)`,
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
		expect(items[1][0]).toMatchObject({
			vendor: 'smartcat',
			documentBaseId: '189',
			languageId: '25',
			document: { name: 'Home page' },
			eventKey: 'smartcat:document.status:189_25:completed',
		});
		console.log(
			`[e2e smartcat] 3 deliveries from the simulator: ${items.map((l) => l.length).join(' + ')} items`,
		);
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
			await send(url, { method: 'POST', headers: { ...json, ...secretHeaders() }, body: '[]' }),
		];
		expect(answers.map((a) => a.status)).toEqual([401, 401, 400, 400, 400, 200]);
		// A sentinel afterwards: once it has run, a refused delivery would have run too.
		expect((await smartcat.deliver('project/status', ['p-1'])).delivered).toBe(true);
		const executions = await n8n.waitForExecutions(workflows.main.id, 4);
		expect(executions).toHaveLength(4);
		console.log(
			'[e2e smartcat] 2 forged: 401, 3 malformed: 400, empty: 200; none started a workflow',
		);
	});

	it('answers 503 when a lookup fails, so Smartcat retries (and records the errors)', async () => {
		const result = await smartcat.deliver('document/status', ['189_25', 'deleted_25']);
		expect(result).toEqual({
			delivered: false,
			attempts: [503, 503, 503, 503, 503, 503, 503, 503],
		});
		expect(await n8n.executions({ workflowId: workflows.main.id })).toHaveLength(4);
		expect(smartcat.errors[0]).toMatchObject({ FailResponse: { Code: 503 } });
	});

	it("runs the Smartcat node's read operations", async () => {
		expect(
			(
				await send(
					`${n8n.webhookUrl(`${workflows.read.webhookId}/beebox`)}?bbid=r1&bbevent=ProjectUpdate`,
				)
			).status,
		).toBe(200);
		const [execution] = await n8n.waitForExecutions(workflows.read.id, 1);
		expect(execution.items['Get Callback']).toEqual([
			{
				isSet: true,
				url: base(workflows.main),
				additionalHeaders: [expect.objectContaining({ name: 'X-Smartcat-Callback-Secret' })],
			},
		]);
		expect(execution.items['Get Last Errors']).toHaveLength(3);
		expect(execution.items['Get Last Errors'][0]).toMatchObject({
			reason: 'HTTP 503',
			responseCode: 503,
			url: `${base(workflows.main)}/document/status`,
			responseContent: expect.stringContaining('retry later'),
		});
		expect(execution.items['Get Project']).toEqual([
			expect.objectContaining({ id: 'p-1', name: 'Website relaunch' }),
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

		await n8n.cli(['publish:workflow', `--id=${workflows.again.id}`]);
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
		console.log(
			"[e2e smartcat] deactivation removed our setting, and left another integration's alone",
		);
	});

	it("runs the Smartcat node's set and delete operations", async () => {
		expect(
			(
				await send(
					`${n8n.webhookUrl(`${workflows.write.webhookId}/beebox`)}?bbid=w1&bbevent=ProjectUpdate`,
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
		expect(smartcat.setting).toBeNull();
	});

	it('manual registration leaves the account alone; the simulate command starts it', async () => {
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
		);
		expect(stdout).toContain('200 OK');
		const [execution] = await n8n.waitForExecutions(workflows.manual.id, 1);
		expect(
			receivedItems([execution])
				.flat()
				.map((i) => i.documentId),
		).toEqual(['189_25', '310_25']);
	});

	it('runs the "document completed → Slack" example: registered on its account, the message reaches Slack', async () => {
		await eventually('the example registered its callback', () => exampleAccount.setting !== null);
		expect(exampleAccount.setting!.url).toBe(
			n8n.webhookUrl('8e7d6c5b-4a39-4281-9f0e-5ca7ca700001/smartcat'),
		);
		await eventually(
			'n8n serves the example',
			async () => (await exampleAccount.deliver('document/status', ['501_7', '502_7'])).delivered,
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

	it('offers both nodes and the credential in the editor', async () => {
		const types = await editorTypes(n8n);
		expect(types.nodes).toEqual(
			expect.arrayContaining([
				'n8n-nodes-translation-events.smartcatTrigger',
				'n8n-nodes-translation-events.smartcat',
			]),
		);
		expect(types.credentials).toContain('smartcatApi');
	});
});
