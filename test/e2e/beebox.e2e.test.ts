/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * Wordbee Beebox in a real n8n: the trigger, the Wordbee Beebox node and the Catch-Up
 * Trigger. Workflows are imported and published through n8n's CLI, callbacks are sent to the production webhook
 * URLs the way Beebox sends them, and executions are read back from n8n's database. Beebox API simulators (one of
 * November 2023 or later, one older) answer the nodes' API calls.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { parse as parseQuery } from 'node:querystring';

import fixtures from '../fixtures/beebox/callbacks.json';
import { deliveries, EXPECTED_ITEMS, wireQuery } from '../Beebox/corpus';
import { Recorder } from '../helpers/recorder';
import { SlackStandIn, slackText } from '../helpers/slack';
import { BeeboxSimulator } from '../simulators/beebox';
import {
	editorTypes,
	eventually,
	example,
	ownerSession,
	PACKAGE,
	receivedItems,
	refusesMissingSecret,
	send,
	startN8n,
	triggerWorkflow,
	waitForWebhookGone,
	type Execution,
	type N8nInstance,
	type TriggerWorkflow,
} from './harness';

/** The secret of the suite's Translation Webhook Secret credential: the token in every callback URL. */
const SECRET = 'e2eSecret-callback-0123456789';
const API_PASSWORD = 'connector-password-e2e';
const PROJECT = 'dddac1e2-32fa-4f29-ab92-78128a94809e';

const beeboxCredential = { beeboxApi: { id: 'beeboxCred000001', name: 'Beebox simulator' } };
const secretCredential = {
	translationWebhookSecretApi: { id: 'beeboxSecret0001', name: 'Beebox callback secret' },
};

/**
 * A workflow with the Wordbee Beebox Trigger as added in the editor (the secret token in the query string) and the
 * suite's secret credential.
 */
function beeboxWorkflow(options: Parameters<typeof triggerWorkflow>[0]): TriggerWorkflow {
	return triggerWorkflow({
		...options,
		credentials: { ...secretCredential, ...options.credentials },
	});
}

const workflows = {
	all: beeboxWorkflow({
		id: 'beeboxAll0000001',
		node: 'beeboxTrigger',
		parameters: { fetchDetails: false },
	}),
	filtered: beeboxWorkflow({
		id: 'beeboxFilter0001',
		node: 'beeboxTrigger',
		parameters: { events: ['CreatedTranslatedFiles'], fetchDetails: false },
	}),
	pathToken: beeboxWorkflow({
		id: 'beeboxPath000001',
		node: 'beeboxTrigger',
		parameters: { urlTokenLocation: 'path', fetchDetails: false },
	}),
	details: beeboxWorkflow({
		id: 'beeboxDetails001',
		node: 'beeboxTrigger',
		parameters: { events: ['CreatedTranslatedFiles'], fetchDetails: true, output: 'perDelivery' },
		credentials: beeboxCredential,
	}),
	corpus: beeboxWorkflow({
		id: 'beeboxCorpus0001',
		node: 'beeboxTrigger',
		parameters: { fetchDetails: false },
	}),
	perFile: beeboxWorkflow({
		id: 'beeboxPerFile001',
		node: 'beeboxTrigger',
		parameters: { fetchDetails: true },
		credentials: beeboxCredential,
	}),
	oldServer: beeboxWorkflow({
		id: 'beeboxOldServer1',
		node: 'beeboxTrigger',
		parameters: { fetchDetails: true },
		credentials: {
			beeboxApi: { id: 'beeboxOldCred0001', name: 'Beebox before November 2023' },
		},
	}),
};

/** One callback per event group, as Beebox sends them (GET, URL parameters). */
const perGroup = [
	{ group: 'File', query: fixtures.valid[0].query },
	{
		group: 'Job',
		query:
			'bbid=job-1&bbevent=PackageCompleted&bbsender=Autorun&bbproject=p1&bbdate=2024-03-01T10:00Z&bbok=true',
	},
	{
		group: 'TMS Link',
		query:
			'bbid=tms-1&bbevent=TmsSendLinkRequest&bbsender=Admin&bbproject=p1&bbdate=2024-03-01T10:01Z&bbok=true',
	},
	{
		group: 'Project',
		query:
			'bbid=prj-1&bbevent=ProjectUpdate&bbsender=Admin&bbproject=p1&bbdate=2024-03-01T10:02Z&bbok=true',
	},
	{
		group: 'Administration',
		query:
			'bbid=adm-1&bbevent=AutorunExitFailed&bbsender=Autorun&bbdate=2024-03-01T10:03Z&bbok=false&bberror=Disk%20full',
	},
];

/** Bytes that are not UTF-8 text (a BOM, 0xff, a NUL), so any re-encoding on the way would show. */
const CATALOG_FR = Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x22, 0xc3, 0xa9, 0x22, 0x7d, 0xff, 0x00]);
const CATALOG_DE = Buffer.from('{"titel":"Katalog – Übersicht"}\n', 'utf8');

/** An example as a user has it after importing it in the editor, which gives each webhook node a new webhookId. */
function imported(file: string, id: string, setUp: Parameters<typeof example>[1] = {}) {
	const workflow = example(file, setUp);
	expect(workflow.nodes.some((node) => node.webhookId && node.type.endsWith('Trigger'))).toBe(
		false,
	);
	for (const node of workflow.nodes)
		if (node.type.endsWith('.beeboxTrigger')) node.webhookId = randomUUID();
	return { ...workflow, id };
}

/** Sets a node's credentials (the harness's example() sets one per node type). */
function withCredentials(
	workflow: ReturnType<typeof imported>,
	nodeName: string,
	credentials: Record<string, { id: string; name: string }>,
) {
	const node = workflow.nodes.find((n) => n.name === nodeName)!;
	node.credentials = { ...node.credentials, ...credentials };
	return workflow;
}

/** The catch-up state n8n saved for a workflow (sqlite, read like the harness reads executions). */
function savedStaticData(n8n: N8nInstance, workflowId: string): Promise<string> {
	const script = `const { DatabaseSync } = require('node:sqlite');
		const row = new DatabaseSync(process.argv[1], { readOnly: true })
			.prepare('SELECT "staticData" AS s FROM workflow_entity WHERE id = ?').get(process.argv[2]);
		process.stdout.write(String(row?.s ?? ''));`;
	return new Promise((resolve, reject) =>
		execFile(
			n8n.paths.node,
			['-e', script, n8n.databaseFile, workflowId],
			{ env: { ...process.env, NODE_NO_WARNINGS: '1' } },
			(error, stdout) => (error ? reject(error) : resolve(stdout)),
		),
	);
}

/** The items one node output in each execution. */
const outputOf = (executions: Execution[], node: string) =>
	executions.map((e) => (e.items[node] ?? []) as Array<Record<string, unknown>>);

/**
 * One n8n for both blocks of this file (a start-up is 6-8 s of CPU), with the main block's settings: as README
 * ("Never miss an event") advises for a workflow that drops repeats with Remove Duplicates, which reads and writes
 * its history without a lock, one production execution at a time (a live callback's execution and a catch-up poll
 * that sees the same file at that moment could otherwise both let it through: seen once in CI); Slack's API is a
 * stand-in. Each block imports its own credentials and workflows; neither reads the other's executions.
 */
let n8n: N8nInstance;
let slack: SlackStandIn;

beforeAll(async () => {
	slack = await new SlackStandIn().start();
	n8n = await startN8n('beebox', {
		env: { ...slack.n8nEnv, N8N_CONCURRENCY_PRODUCTION_LIMIT: '1' },
	});
}, 300_000);

afterAll(async () => {
	// Stop everything before asserting on n8n's log, so a failed assertion cannot leave anything running.
	const output = n8n?.output ?? '';
	const executions = JSON.stringify((await n8n?.executions().catch(() => [])) ?? []);
	await n8n?.stop();
	await slack?.stop();
	for (const secret of [SECRET, API_PASSWORD]) {
		expect(output).not.toContain(secret);
		expect(executions).not.toContain(secret);
	}
});

describe('Wordbee Beebox in a real n8n', () => {
	let beebox: BeeboxSimulator;
	let oldBeebox: BeeboxSimulator;
	let catchUpBeebox: BeeboxSimulator;
	let cms: Recorder;
	const examples = {} as Record<
		'slack' | 'cms' | 'neverMiss' | 'unconfigured',
		ReturnType<typeof imported>
	>;
	const url = (workflow: { webhookId: string }, suffix = '') =>
		n8n.webhookUrl(`${workflow.webhookId}/beebox${suffix}`);
	const exampleUrl = (workflow: ReturnType<typeof imported>) =>
		n8n.webhookUrl(`${workflow.nodes.find((n) => n.webhookId)!.webhookId}/beebox`);

	beforeAll(async () => {
		const account = { login: 'connector', password: API_PASSWORD };
		beebox = await new BeeboxSimulator({
			...account,
			projectKey: 'p1',
			events: [
				{
					id: 'ev-details-1',
					projectkey: 'p1',
					actioncode: 'CreatedTranslatedFiles',
					files: [{ type: 'T', locale: 'de', spath: 'in/home.json', tpath: 'out/de/home.json' }],
				},
			],
		}).start();
		oldBeebox = await new BeeboxSimulator({
			...account,
			projectKey: 'p1',
			connect: 'get-only-405',
			tokenFormat: 'bare',
		}).start();
		catchUpBeebox = await new BeeboxSimulator({ ...account, projectKey: PROJECT }).start();
		cms = await new Recorder().start();
		const credentialOf = (server: BeeboxSimulator, projectKey: string) => ({
			type: 'beeboxApi',
			data: { serverUrl: server.url, projectKey, ...account },
		});
		await n8n.importCredentials([
			{ id: 'beeboxCred000001', name: 'Beebox simulator', ...credentialOf(beebox, 'p1') },
			{ id: 'beeboxExampleCred', name: 'Wordbee Beebox account', ...credentialOf(beebox, 'p1') },
			{ id: 'beeboxOldCred0001', name: 'Beebox before 2023', ...credentialOf(oldBeebox, 'p1') },
			{ id: 'beeboxCatchUp001', name: 'Beebox catch-up', ...credentialOf(catchUpBeebox, PROJECT) },
			{
				id: 'beeboxSecret0001',
				name: 'Beebox callback secret',
				type: 'translationWebhookSecretApi',
				data: { secret: SECRET },
			},
			slack.credential('slackE2e0000001'),
		]);

		examples.slack = withCredentials(
			imported('beebox-translated-files-to-slack.json', 'beeboxExample001', {
				credentials: { 'n8n-nodes-base.slack': slack.credential('slackE2e0000001') },
			}),
			'Wordbee Beebox Trigger',
			secretCredential,
		);
		examples.cms = withCredentials(
			imported('beebox-translated-files-to-cms.json', 'beeboxExample002', {
				parameters: {
					'Upload to CMS': {
						url: '={{ "CMS/api/translations/" + $json.locale + "?path=" + encodeURIComponent($json.file) }}'.replace(
							'CMS',
							cms.url,
						),
					},
				},
			}),
			'Wordbee Beebox Trigger',
			secretCredential,
		);
		examples.neverMiss = imported('beebox-never-miss-an-event.json', 'beeboxExample003', {
			parameters: {
				'Wordbee Beebox Catch-Up Trigger': { pollTimes: { item: [{ mode: 'everyMinute' }] } },
			},
		});
		for (const node of examples.neverMiss.nodes)
			if (node.credentials?.beeboxApi)
				node.credentials.beeboxApi = { id: 'beeboxCatchUp001', name: 'Beebox catch-up' };
		withCredentials(examples.neverMiss, 'Wordbee Beebox Trigger', secretCredential);
		// imported and published as it is: no secret, no Beebox credential
		examples.unconfigured = imported('beebox-translated-files-to-cms.json', 'beeboxUnconfig01');
		for (const node of examples.unconfigured.nodes) delete node.credentials;

		await n8n.importWorkflows([...Object.values(workflows), ...Object.values(examples)]);
		for (const workflow of Object.values(workflows)) {
			// The path-token route matches any last segment: probe with a dummy one, so the token never reaches
			// n8n's log (n8n logs the full path of a request it has no webhook for yet).
			await n8n.waitForWebhook(url(workflow, workflow === workflows.pathToken ? '/probe' : ''));
		}
		for (const workflow of [examples.slack, examples.cms, examples.neverMiss])
			await n8n.waitForWebhook(exampleUrl(workflow));
		console.log(
			`[e2e beebox] ${Object.keys(workflows).length} Beebox workflows and 3 examples published, webhooks registered`,
		);
		// n8n 2.x publishes the 11 workflows one CLI run each: on a loaded 2-core machine that alone took 110 s
	}, 300_000);

	afterAll(async () => {
		// its workflows poll these simulators: unpublished first, so that nothing polls a stopped one
		await n8n?.unpublishAll();
		await beebox?.stop();
		await oldBeebox?.stop();
		await catchUpBeebox?.stop();
		await cms?.stop();
	});

	it('starts the workflow for one callback of every event group, with the documented item', async () => {
		for (const { query } of perGroup) {
			const answer = await send(`${url(workflows.all)}?token=${SECRET}&${query}`);
			expect(answer).toEqual({
				status: 200,
				body: { code: 200, message: 'Workflow was started', workflowStarted: true },
			});
		}
		const executions = await n8n.waitForExecutions(workflows.all.id, perGroup.length);
		expect(executions.map((e) => e.status)).toEqual(perGroup.map(() => 'success'));
		const items = receivedItems(executions).map((list) => {
			expect(list).toHaveLength(1);
			return list[0];
		});
		expect(items.map((item) => item.eventGroup)).toEqual(perGroup.map((p) => p.group));
		expect(items[0]).toEqual({
			vendor: 'beebox',
			event: 'CreatedTranslatedFiles',
			eventKey: 'beebox:b0227cc0-fb64-45df-b0dd-fa25770390cd',
			occurredAt: '2023-06-20T06:56:35.000Z',
			receivedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
			projectId: 'dddac1e2-32fa-4f29-ab92-78128a94809e',
			eventGroup: 'File',
			ok: true,
			sender: null,
			bbid: 'b0227cc0-fb64-45df-b0dd-fa25770390cd',
			bbevent: 'CreatedTranslatedFiles',
			bbproject: 'dddac1e2-32fa-4f29-ab92-78128a94809e',
			bbdate: '2023-06-20 06:56:35Z',
			bbok: 'yes',
		});
		expect(items[4]).toMatchObject({
			event: 'AutorunExitFailed',
			ok: false,
			error: 'Disk full',
			sender: 'Autorun',
		});
		console.log(
			`[e2e beebox] ${executions.length} executions, one per event group: ${items.map((i) => i.event).join(', ')}`,
		);
	});

	it("accepts POST with a form body, Wordbee's other spelling and unknown codes when listening to all events", async () => {
		const before = (await n8n.executions({ workflowId: workflows.all.id })).length;
		const form = await send(`${url(workflows.all)}?token=${SECRET}`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'bbid=form-1&bbevent=CreateTranslatedFiles&bbok=yes',
		});
		const unknown = await send(
			`${url(workflows.all)}?token=${SECRET}&bbid=new-1&bbevent=SomethingNewInBeebox`,
			{ method: 'POST' },
		);
		expect([form.status, unknown.status]).toEqual([200, 200]);
		const items = receivedItems(
			(await n8n.waitForExecutions(workflows.all.id, before + 2)).slice(before),
		).flat();
		expect(items.map((i) => [i.event, i.bbevent])).toEqual([
			['CreatedTranslatedFiles', 'CreateTranslatedFiles'],
			['SomethingNewInBeebox', 'SomethingNewInBeebox'],
		]);
	});

	it('answers 200 and starts nothing for events the filter does not want', async () => {
		for (const bbevent of ['PackageClosed', 'SomethingNewInBeebox']) {
			const answer = await send(
				`${url(workflows.filtered)}?token=${SECRET}&bbid=f-${bbevent}&bbevent=${bbevent}`,
			);
			expect(answer.status).toBe(200);
			expect(answer.body).toMatchObject({ workflowStarted: false });
		}
		// A wanted one afterwards: once it has run, the filtered ones would have run too.
		expect(
			(
				await send(
					`${url(workflows.filtered)}?token=${SECRET}&bbid=wanted-1&bbevent=CreatedTranslatedFiles`,
				)
			).status,
		).toBe(200);
		const executions = await n8n.waitForExecutions(workflows.filtered.id, 1);
		expect(
			receivedItems(executions)
				.flat()
				.map((i) => i.bbid),
		).toEqual(['wanted-1']);
		console.log('[e2e beebox] filtered deliveries: 200, no execution');
	});

	it('answers 4xx and starts nothing for bad callbacks and wrong secrets', async () => {
		const answers: number[] = [];
		for (const fixture of fixtures.invalid) {
			const answer = await send(`${url(workflows.all)}?token=${SECRET}&${fixture.query}`);
			expect(answer.body).toMatchObject({
				code: 400,
				message: expect.stringContaining(fixture.reason),
			});
			answers.push(answer.status);
		}
		const wrongTokens = [
			await send(`${url(workflows.filtered)}?bbid=x1&bbevent=CreatedTranslatedFiles`),
			await send(
				`${url(workflows.filtered)}?token=${SECRET}0&bbid=x2&bbevent=CreatedTranslatedFiles`,
			),
			await send(
				`${url(workflows.pathToken, '/not-the-token')}?bbid=x3&bbevent=CreatedTranslatedFiles`,
			),
		];
		expect(wrongTokens.map((a) => a.status)).toEqual([401, 401, 401]);
		expect(JSON.stringify(wrongTokens)).not.toContain(SECRET);
		const noTokenSegment = await send(
			`${url(workflows.pathToken)}?bbid=x4&bbevent=CreatedTranslatedFiles`,
		);
		expect(noTokenSegment.status).toBe(404);

		// Sentinels after the bad ones: when they have run, a bad delivery would have too.
		expect(
			(await send(`${url(workflows.pathToken, `/${SECRET}`)}?bbid=ok-path&bbevent=ProjectCreated`))
				.status,
		).toBe(200);
		const before = (await n8n.executions({ workflowId: workflows.all.id })).length;
		expect(
			(await send(`${url(workflows.all)}?token=${SECRET}&bbid=ok-all&bbevent=ProjectCreated`))
				.status,
		).toBe(200);
		const all = await n8n.waitForExecutions(workflows.all.id, before + 1);
		const path = await n8n.waitForExecutions(workflows.pathToken.id, 1);
		expect(
			receivedItems(path)
				.flat()
				.map((i) => i.bbid),
		).toEqual(['ok-path']);
		const ran = new Set(
			receivedItems(all)
				.flat()
				.map((i) => i.bbid),
		);
		for (const fixture of fixtures.invalid)
			expect(ran.has(parseQuery(fixture.query).bbid as string)).toBe(false);
		expect(ran.has('x1') || ran.has('x2') || ran.has('x3') || ran.has('x4')).toBe(false);
		expect(all).toHaveLength(before + 1);
		console.log(
			`[e2e beebox] ${answers.length} malformed callbacks: 400; 3 wrong secrets: 401; none started a workflow`,
		);
	});

	it('fetches the event details from the Beebox API into the item (One Item per Delivery)', async () => {
		const answer = await send(
			`${url(workflows.details)}?token=${SECRET}&bbid=ev-details-1&bbevent=CreatedTranslatedFiles&bbproject=p1&bbok=yes`,
		);
		expect(answer.status).toBe(200);
		const [item] = receivedItems(await n8n.waitForExecutions(workflows.details.id, 1)).flat();
		expect(item.files).toEqual([
			{
				type: 'target',
				locale: 'de',
				sourcePath: 'in/home.json',
				targetPath: 'out/de/home.json',
				date: expect.any(String),
				error: null,
				// the path relative to the project needs Beebox's "\\out\\<locale>\\", which this one lacks
				file: null,
			},
		]);
		expect(item.details).toMatchObject({ id: 'ev-details-1', projectkey: 'p1' });
		expect(beebox.openSessions).toBe(0);
		expect(beebox.connects).toBe(1);
	});

	it('gives every documented callback of the corpus its item (secret in the query)', async () => {
		const corpus = deliveries();
		for (const delivery of corpus) {
			const answer = await send(`${url(workflows.corpus)}?token=${SECRET}&${wireQuery(delivery)}`, {
				method: delivery.request.method,
			});
			expect([delivery.file, answer.status]).toEqual([delivery.file, 200]);
		}
		const executions = await n8n.waitForExecutions(workflows.corpus.id, corpus.length);
		const items = receivedItems(executions).flat();
		expect(items).toHaveLength(corpus.length);
		// executions may finish in any order: compare both lists in one order
		const order = (item: Record<string, unknown>) =>
			JSON.stringify([item.bbid, item.bbdate, item.bbok, item.bberror ?? null]);
		const byOrder = (a: Record<string, unknown>, b: Record<string, unknown>) =>
			order(a).localeCompare(order(b));
		for (const item of items) expect(Date.parse(item.receivedAt as string)).not.toBeNaN();
		expect(
			items.map(({ receivedAt, ...rest }) => (receivedAt ? rest : rest)).sort(byOrder),
		).toEqual(corpus.map((d) => EXPECTED_ITEMS[d.file]).sort(byOrder));
		console.log(`[e2e beebox] ${corpus.length} corpus callbacks: each gave its written-out item`);
	});

	it('answers 401 to a forged callback before any API session; a real one gives one item per file', async () => {
		const logins = beebox.calls('/api/connect').length;
		const event = beebox.deliverFiles(
			[
				{ file: 'shop\\catalog.json', locale: 'fr', content: CATALOG_FR },
				{ file: 'shop\\catalog.json', locale: 'de', content: CATALOG_DE },
			],
			new Date('2024-05-06T07:08:09.123Z'),
		);
		const callback = beebox.callbackQuery(event);
		for (const forged of [callback, `token=guessed-guessed-guessed&${callback}`]) {
			const answer = await send(`${url(workflows.perFile)}?${forged}`);
			expect(answer).toEqual({
				status: 401,
				body: { code: 401, message: 'missing or wrong secret token' },
			});
		}
		expect(beebox.calls('/api/connect')).toHaveLength(logins);

		expect((await send(`${url(workflows.perFile)}?token=${SECRET}&${callback}`)).status).toBe(200);
		const executions = await n8n.waitForExecutions(workflows.perFile.id, 1);
		expect(executions).toHaveLength(1);
		const items = receivedItems(executions).flat();
		expect(items.map((i) => [i.eventKey, i.locale, i.file])).toEqual([
			['beebox:file:fr:shop\\catalog.json:2024-05-06T07:08:09Z', 'fr', 'shop\\catalog.json'],
			['beebox:file:de:shop\\catalog.json:2024-05-06T07:08:09Z', 'de', 'shop\\catalog.json'],
		]);
		expect(beebox.calls('/api/connect')).toHaveLength(logins + 1);
		expect(beebox.openSessions).toBe(0);
	});

	it('logs in with GET on a Beebox installed before November 2023', async () => {
		const event = oldBeebox.deliverFiles([{ file: 'legacy.html', locale: 'it', content: 'ciao' }]);
		expect(
			(await send(`${url(workflows.oldServer)}?token=${SECRET}&${oldBeebox.callbackQuery(event)}`))
				.status,
		).toBe(200);
		const [item] = receivedItems(await n8n.waitForExecutions(workflows.oldServer.id, 1)).flat();
		expect(item).toMatchObject({ locale: 'it', file: 'legacy.html', ok: true });
		expect(item).not.toHaveProperty('detailsError');
		expect(oldBeebox.calls('/api/connect').map((r) => r.method)).toEqual(['POST', 'GET']);
		expect(oldBeebox.openSessions).toBe(0);
	});

	it('offers the three nodes and the credential in the editor, with one callback URL', async () => {
		const types = await editorTypes(n8n);
		for (const name of ['beeboxTrigger', 'beebox', 'beeboxCatchUpTrigger'])
			expect(types.nodes).toContain(`n8n-nodes-translation-events.${name}`);
		expect(types.credentials).toContain('beeboxApi');
		const response = await fetch(`${n8n.baseUrl}/types/nodes.json`, {
			headers: { cookie: await ownerSession(n8n) },
		});
		const trigger = ((await response.json()) as Array<Record<string, unknown>>).find(
			(t) => t.name === 'n8n-nodes-translation-events.beeboxTrigger',
		) as { webhooks: Array<{ httpMethod: string; ndvHideUrl?: boolean; ndvHideMethod?: boolean }> };
		// the editor lists the URL of each webhook without ndvHideUrl: GET's, without a method
		expect(trigger.webhooks.map((w) => [w.httpMethod, !!w.ndvHideUrl, !!w.ndvHideMethod])).toEqual([
			['GET', false, true],
			['POST', true, false],
		]);
	});

	it('runs the "translated files → Slack" example: the message reaches Slack', async () => {
		const query =
			'bbid=ev-details-1&bbevent=CreatedTranslatedFiles&bbsender=Autorun&bbproject=p1&bbdate=2024-03-01T09:00Z&bbok=true';
		expect((await send(`${exampleUrl(examples.slack)}?${query}&token=${SECRET}`)).status).toBe(200);
		const [execution] = await n8n.waitForExecutions(examples.slack.id, 1);
		expect(execution.status).toBe('success');
		expect(slack.messages).toEqual([
			{
				channel: '#localization',
				token: 'xoxb-e2e-stand-in',
				text: slackText(
					'Beebox delivered translated files for project p1 at 2024-03-01T09:00:00.000Z:\n• de: out/de/home.json',
				),
			},
		]);
	});

	it('runs the "translated files → CMS" example: the exact bytes of each file reach the CMS', async () => {
		const at = new Date('2024-06-01T12:00:00Z');
		const event = beebox.deliverFiles(
			[
				{ file: 'shop\\catalog.json', locale: 'fr', content: CATALOG_FR },
				{ file: 'shop\\catalog.json', locale: 'de', content: CATALOG_DE },
			],
			at,
		);
		const answer = await send(
			`${exampleUrl(examples.cms)}?token=${SECRET}&${beebox.callbackQuery(event, at)}`,
		);
		expect(answer.status).toBe(200);
		const [execution] = await n8n.waitForExecutions(examples.cms.id, 1);
		expect([execution.status, execution.error]).toEqual(['success', null]);
		// n8n's HTTP Request node may send the items' requests in parallel
		const arrived = Object.fromEntries(cms.received.map((r) => [`${r.method} ${r.path}`, r.bytes]));
		expect(Object.keys(arrived).sort()).toEqual([
			'PUT /api/translations/de?path=shop%5Ccatalog.json',
			'PUT /api/translations/fr?path=shop%5Ccatalog.json',
		]);
		expect(arrived['PUT /api/translations/fr?path=shop%5Ccatalog.json'].equals(CATALOG_FR)).toBe(
			true,
		);
		expect(arrived['PUT /api/translations/de?path=shop%5Ccatalog.json'].equals(CATALOG_DE)).toBe(
			true,
		);
		expect(execution.binaries['Download Translated File']).toEqual([
			{ data: expect.objectContaining({ fileName: 'catalog.json' }) },
			{ data: expect.objectContaining({ fileName: 'catalog.json' }) },
		]);
		expect(beebox.openSessions).toBe(0);
		console.log(
			`[e2e beebox] CMS example: ${cms.received.length} files arrived byte for byte (${cms.received.map((r) => r.bytes.length).join(', ')} bytes)`,
		);
	});

	it('refuses to publish an imported example without a secret, saying what to do', async () => {
		await eventually(
			'n8n reports why the unconfigured example cannot be published',
			() => refusesMissingSecret(n8n.output),
			60_000,
		);
		const answer = await send(`${exampleUrl(examples.unconfigured)}?bbid=1&bbevent=ProjectUpdate`);
		expect(answer.status).toBe(404);
		const line = n8n.output.split('\n').find((l) => refusesMissingSecret(l));
		console.log(`[e2e beebox] unconfigured example refused: ${line?.trim()}`);
	});

	it('catch-up: files delivered while n8n was stopped are emitted once after the restart', async () => {
		const workflow = examples.neverMiss;
		await eventually('the catch-up recorded its first poll', async () =>
			(await savedStaticData(n8n, workflow.id)).includes('catchUp'),
		);
		// Beebox delivers while n8n is down: its callbacks fail and are never repeated
		const missed: Array<ReturnType<BeeboxSimulator['nextEvent']>> = [];
		await n8n.restart(async () => {
			missed.push(catchUpBeebox.nextEvent(), catchUpBeebox.nextEvent());
			for (const event of missed)
				expect(await event.deliver(exampleUrl(workflow), SECRET).catch(() => 0)).toBe(0);
		});

		const [first] = await n8n.waitForExecutions(workflow.id, 1, 120_000);
		// both files became ready in the same instant: their order is not defined
		const keysOf = (items: Array<Record<string, unknown>>) => items.map((i) => i.eventKey).sort();
		const missedKeys = missed.map((m) => m.eventKey).sort();
		expect(keysOf(outputOf([first], 'Wordbee Beebox Catch-Up Trigger')[0])).toEqual(missedKeys);
		expect(keysOf(outputOf([first], 'Each File Once')[0])).toEqual(missedKeys);

		// A callback that arrives now, then the next poll, which sees that file too: it passes once.
		const live = catchUpBeebox.nextEvent();
		expect(await live.deliver(exampleUrl(workflow), SECRET)).toBe(200);
		let executions: Execution[] = [];
		await eventually(
			'the next poll has seen the file the callback brought',
			async () => {
				executions = await n8n.executions({ workflowId: workflow.id, finished: true });
				return outputOf(executions, 'Wordbee Beebox Catch-Up Trigger')
					.flat()
					.some((i) => i.eventKey === live.eventKey);
			},
			150_000,
		);
		const passed = outputOf(executions, 'Each File Once')
			.flat()
			.map((i) => i.eventKey);
		expect(passed.sort()).toEqual([...missed.map((m) => m.eventKey), live.eventKey].sort());
		const polled = outputOf(executions, 'Wordbee Beebox Catch-Up Trigger')
			.flat()
			.map((i) => i.eventKey);
		for (const { eventKey } of missed) expect(polled.filter((k) => k === eventKey)).toHaveLength(1);
		expect(catchUpBeebox.openSessions).toBe(0);
		console.log(
			`[e2e beebox] catch-up after a restart: ${missed.length} missed files emitted once; the live one passed once of ${polled.filter((k) => k === live.eventKey).length + 1} sightings`,
		);
	});

	it('catch-up: a file delivered while the workflow was unpublished is emitted once when it is published again', async () => {
		const workflow = examples.neverMiss;
		const before = await n8n.executions({ workflowId: workflow.id, finished: true });
		await n8n.unpublish(workflow.id);
		await waitForWebhookGone(exampleUrl(workflow));
		const missed = catchUpBeebox.nextEvent();
		expect(await missed.deliver(exampleUrl(workflow), SECRET)).toBe(404);
		await n8n.publish(workflow.id);

		let executions: Execution[] = [];
		await eventually(
			'the catch-up emitted the missed file',
			async () => {
				executions = (await n8n.executions({ workflowId: workflow.id, finished: true })).slice(
					before.length,
				);
				return outputOf(executions, 'Each File Once')
					.flat()
					.some((i) => i.eventKey === missed.eventKey);
			},
			120_000,
		);
		const passed = outputOf(executions, 'Each File Once')
			.flat()
			.map((i) => i.eventKey);
		expect(passed.filter((k) => k === missed.eventKey)).toHaveLength(1);
		expect(catchUpBeebox.openSessions).toBe(0);
	});
});

/**
 * The first half of the loop and the round trip (examples/beebox-cms-round-trip.json): a CMS posts an entry, the
 * Wordbee Beebox node sends it as a source file, the simulated Beebox translates it once no API session is open
 * and calls the connector callback URL set in the project (the Beebox Trigger's URL), the translations are
 * downloaded and go back to a CMS stand-in. Also when Beebox's answer to the upload is lost: the node does not
 * send the file again, and the translation still arrives.
 */
describe('Wordbee Beebox round trip in a real n8n: CMS → Send Source File → trigger → Download → CMS', () => {
	let beebox: BeeboxSimulator;
	let cms: Recorder;
	const account = { login: 'connector', password: API_PASSWORD };
	const projectKey = 'a7c0e4d2-5b1f-4f8e-9d3a-2c6b8e1f0a11';
	let workflow: ReturnType<typeof imported>;
	const cmsWebhook = () => n8n.webhookUrl('beebox-cms-entry-published');

	/** What the CMS posts when an entry is published. */
	const entry = (id: number, targetLocales?: string[]) => ({
		id,
		title: `Entry ${id}`,
		html: `<h1>Entrée ${id} – “déjà vu”</h1>\n`,
		...(targetLocales ? { targetLocales } : {}),
	});
	const translated = (id: number, locale: string) =>
		Buffer.concat([Buffer.from(`[${locale}] `), Buffer.from(entry(id).html, 'utf8')]);
	const sourceUploads = (id: number) =>
		beebox.uploads.filter((u) => u.file === `cms\\entry-${id}.html`);
	const arrivedAtCms = (id: number) =>
		cms.received.filter((r) => r.path.startsWith(`/api/entries/${id}/translations/`));

	beforeAll(async () => {
		beebox = await new BeeboxSimulator({
			...account,
			projectKey,
			targetLocales: ['fr', 'de', 'ja'],
			hotFolders: [
				{ directory: '', depth: 0, translate: true, targetLocales: null },
				{ directory: 'cms', depth: 1, translate: true, targetLocales: null },
				{ directory: 'ToJapanese', depth: 1, translate: true, targetLocales: ['ja'] },
			],
		}).start();
		beebox.automation = {};
		cms = await new Recorder().start();
		// the file's n8n; the same ids as the main block's: updated to this block's Beebox
		await n8n.importCredentials([
			{
				id: 'beeboxExampleCred',
				name: 'Wordbee Beebox account',
				type: 'beeboxApi',
				data: { serverUrl: beebox.url, projectKey, ...account },
			},
			{
				id: 'beeboxSecret0001',
				name: 'Beebox callback secret',
				type: 'translationWebhookSecretApi',
				data: { secret: SECRET },
			},
		]);
		workflow = withCredentials(
			imported('beebox-cms-round-trip.json', 'beeboxRoundTrip1', {
				parameters: {
					'Back to the CMS': {
						url: `={{ "${cms.url}/api/entries/" + $json.file.match(/entry-(\\d+)\\.html$/)[1] + "/translations/" + $json.locale }}`,
					},
				},
			}),
			'Wordbee Beebox Trigger',
			secretCredential,
		);
		// the editor gives every webhook node an id when it imports a workflow
		for (const node of workflow.nodes)
			if (node.type === 'n8n-nodes-base.webhook') node.webhookId = randomUUID();
		await n8n.importWorkflows([workflow]);
		const triggerUrl = n8n.webhookUrl(
			`${workflow.nodes.find((n) => n.type.endsWith('.beeboxTrigger'))!.webhookId}/beebox`,
		);
		await n8n.waitForWebhook(triggerUrl);
		await n8n.waitForWebhook(cmsWebhook());
		// set once in Beebox: the project's connector callback URL, with the secret appended (README)
		beebox.connectorCallbackUrl = `${triggerUrl}?token=${SECRET}`;
	}, 600_000);

	afterAll(async () => {
		await beebox?.stop();
		await cms?.stop();
	});

	/** Posts an entry as the CMS does; n8n answers at once (the Webhook node's "Immediately"). */
	async function publish(body: object) {
		const answer = await send(cmsWebhook(), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		expect(answer.status).toBe(200);
	}

	it('brings each published entry back translated, sending each file to Beebox exactly once', async () => {
		await publish(entry(101, ['fr', 'de']));
		await publish(entry(102, ['FR']));
		await eventually(
			'both entries came back translated',
			() => arrivedAtCms(101).length === 2 && arrivedAtCms(102).length === 1,
			60_000,
		);
		const arrived = Object.fromEntries(cms.received.map((r) => [`${r.method} ${r.path}`, r.bytes]));
		expect(Object.keys(arrived).sort()).toEqual([
			'PUT /api/entries/101/translations/de',
			'PUT /api/entries/101/translations/fr',
			'PUT /api/entries/102/translations/fr',
		]);
		for (const [key, bytes] of Object.entries(arrived)) {
			const [, id, locale] = /entries\/(\d+)\/translations\/(\w+)/.exec(key)!;
			expect([key, bytes.equals(translated(Number(id), locale))]).toEqual([key, true]);
		}
		expect(sourceUploads(101)).toHaveLength(1);
		expect(sourceUploads(102)).toHaveLength(1);
		expect(beebox.instructionsFor('cms\\entry-101.html')).toEqual({ locales: ['fr', 'de'] });
		expect(beebox.instructionsFor('cms\\entry-102.html')).toEqual({ locales: ['fr'] });
		// the file Beebox stored is the entry's HTML, byte for byte
		expect(beebox.inFolder.get('cms\\entry-101.html')!.bytes.toString('utf8')).toBe(
			entry(101).html,
		);
		const executions = await n8n.executions({ workflowId: workflow.id, finished: true });
		const sends = executions.flatMap(
			(e) => (e.items['Send to Beebox'] ?? []) as Array<Record<string, unknown>>,
		);
		expect(sends.map((s) => [s.file, s.sourceLocale, s.targetLocales]).sort()).toEqual([
			['cms\\entry-101.html', 'en', ['fr', 'de']],
			['cms\\entry-102.html', 'en', ['fr']],
		]);
		expect(executions.every((e) => e.status === 'success')).toBe(true);
		// one callback per automation run: the two sends may end up in one run when their sessions overlapped
		expect(beebox.callbacks.length).toBeGreaterThanOrEqual(1);
		expect(beebox.callbacks.every((c) => c.status === 200)).toBe(true);
		expect(beebox.openSessions).toBe(0);
		console.log(
			`[e2e beebox] round trip: 2 entries → ${beebox.uploads.length} PUTs to Beebox (2 source files, 2 instructions) → ${beebox.callbacks.length} callbacks → ${cms.received.length} translated files at the CMS, byte for byte`,
		);
	});

	it.each([
		['a 500', '500' as const, 103, 'HTTP 500'],
		['no answer (timeout)', 'hang' as const, 104, 'no answer'],
	])(
		'when Beebox answers the upload with %s after storing it, the file is not sent again and its translation still arrives',
		async (_, fault, id, why) => {
			const before = (await n8n.executions({ workflowId: workflow.id })).length;
			beebox.uploadFaults.push(fault);
			await publish(entry(id, ['de']));
			await eventually(
				`entry ${id} came back translated`,
				() => arrivedAtCms(id).length === 1,
				90_000,
			);
			expect(arrivedAtCms(id)[0].bytes.equals(translated(id, 'de'))).toBe(true);
			expect(sourceUploads(id)).toEqual([
				{
					file: `cms\\entry-${id}.html`,
					locale: 'en',
					size: Buffer.byteLength(entry(id).html),
					fault,
				},
			]);
			const executions = (await n8n.waitForExecutions(workflow.id, before + 2, 60_000)).slice(
				before,
			);
			const failed = executions.filter((e) => e.status === 'error');
			expect(failed).toHaveLength(1);
			expect(failed[0].error).toContain(why);
			expect(failed[0].error).toContain('may have received the request');
			// nothing ran after the failed send; the callback's execution brought the file back
			expect(failed[0].items['Send to Beebox'] ?? []).toEqual([]);
			expect(executions.filter((e) => e.status === 'success')).toHaveLength(1);
			// still one upload, also after everything settled
			await beebox.settled();
			expect(sourceUploads(id)).toHaveLength(1);
			expect(beebox.openSessions).toBe(0);
			console.log(
				`[e2e beebox] ${fault} after the upload of entry ${id}: one upload, execution failed with "${failed[0].error?.slice(0, 120)}…", translation arrived`,
			);
		},
		120_000,
	);

	it("answers the editor's pick lists through n8n's REST API: target languages and folders", async () => {
		const nodeTypeAndVersion = { name: `${PACKAGE}.beebox`, version: 1 };
		const credentials = {
			beeboxApi: { id: n8n.credentialId('beeboxExampleCred'), name: 'Wordbee Beebox account' },
		};
		const currentNodeParameters = { resource: 'file', operation: 'sendSource' };
		const locales = await n8n.rest('POST', '/rest/dynamic-node-parameters/options', {
			nodeTypeAndVersion,
			path: 'targetLocales',
			methodName: 'getTargetLocales',
			currentNodeParameters,
			credentials,
		});
		expect([locales.status, locales.body]).toEqual([
			200,
			{ data: ['fr', 'de', 'ja'].map((v) => ({ name: v, value: v })) },
		]);
		const folders = await n8n.rest(
			'POST',
			'/rest/dynamic-node-parameters/resource-locator-results',
			{
				nodeTypeAndVersion,
				path: 'folder',
				methodName: 'searchFolders',
				filter: 'japan',
				currentNodeParameters,
				credentials,
			},
		);
		expect([folders.status, folders.body]).toEqual([
			200,
			{ data: { results: [{ name: 'ToJapanese (ja)', value: 'ToJapanese' }] } },
		]);
		expect(beebox.openSessions).toBe(0);
	});
});
