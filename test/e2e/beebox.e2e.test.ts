/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports, no-console -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * Wordbee Beebox Trigger in a real n8n: workflows are imported and published through n8n's CLI, callbacks are
 * sent to the production webhook URLs the way Beebox sends them, and executions are read back from n8n's
 * database. A Beebox API simulator answers "Fetch Event Details".
 */
import { parse as parseQuery } from 'node:querystring';

import fixtures from '../fixtures/beebox/callbacks.json';
import { SlackStandIn, slackText } from '../helpers/slack';
import { BeeboxSimulator } from '../simulators/beebox';
import {
	editorTypes,
	example,
	receivedItems,
	send,
	startN8n,
	triggerWorkflow,
	type N8nInstance,
} from './harness';

const TOKEN = 'e2eToken-0123456789abcdef';
const API_PASSWORD = 'connector-password-e2e';

const workflows = {
	all: triggerWorkflow({ id: 'beeboxAll0000001', node: 'beeboxTrigger' }),
	filtered: triggerWorkflow({
		id: 'beeboxFilter0001',
		node: 'beeboxTrigger',
		parameters: { events: ['CreatedTranslatedFiles'], urlTokenLocation: 'query', urlToken: TOKEN },
	}),
	pathToken: triggerWorkflow({
		id: 'beeboxPath000001',
		node: 'beeboxTrigger',
		parameters: { urlTokenLocation: 'path', urlToken: TOKEN },
	}),
	details: triggerWorkflow({
		id: 'beeboxDetails001',
		node: 'beeboxTrigger',
		parameters: { events: ['CreatedTranslatedFiles'], fetchDetails: true },
		credentials: { beeboxApi: { id: 'beeboxCred000001', name: 'Beebox simulator' } },
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

describe('Wordbee Beebox Trigger in a real n8n', () => {
	let n8n: N8nInstance;
	let beebox: BeeboxSimulator;
	let slack: SlackStandIn;
	const slackExample = () =>
		example('beebox-translated-files-to-slack.json', {
			parameters: { 'Wordbee Beebox Trigger': { urlToken: TOKEN } },
			credentials: { 'n8n-nodes-base.slack': slack.credential('slackE2e0000001') },
		});
	const url = (workflow: { webhookId: string }, suffix = '') =>
		n8n.webhookUrl(`${workflow.webhookId}/beebox${suffix}`);

	beforeAll(async () => {
		beebox = await new BeeboxSimulator({
			login: 'connector',
			password: API_PASSWORD,
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
		slack = await new SlackStandIn().start();
		n8n = await startN8n('beebox', { env: slack.n8nEnv });
		const beeboxAccount = {
			type: 'beeboxApi',
			data: { serverUrl: beebox.url, projectKey: 'p1', login: 'connector', password: API_PASSWORD },
		};
		await n8n.importCredentials([
			{ id: 'beeboxCred000001', name: 'Beebox simulator', ...beeboxAccount },
			{ id: 'beeboxExampleCred', name: 'Wordbee Beebox account', ...beeboxAccount },
			slack.credential('slackE2e0000001'),
		]);
		await n8n.importWorkflows([...Object.values(workflows), slackExample()]);
		for (const workflow of Object.values(workflows)) {
			// The path-token route matches any last segment: probe with a dummy one, so the token never reaches
			// n8n's log (n8n logs the full path of a request it has no webhook for yet).
			await n8n.waitForWebhook(url(workflow, workflow === workflows.pathToken ? '/probe' : ''));
		}
		await n8n.waitForWebhook(n8n.webhookUrl(`${slackExample().nodes[0].webhookId}/beebox`));
		console.log(
			`[e2e beebox] ${Object.keys(workflows).length} Beebox workflows published, webhooks registered`,
		);
	});

	afterAll(async () => {
		// Stop everything before asserting on n8n's log, so a failed assertion cannot leave anything running.
		const output = n8n?.output ?? '';
		await n8n?.stop();
		await beebox?.stop();
		await slack?.stop();
		expect(output).not.toContain(TOKEN);
		expect(output).not.toContain(API_PASSWORD);
	});

	it('starts the workflow for one callback of every event group, with the documented item', async () => {
		for (const { query } of perGroup) {
			const answer = await send(`${url(workflows.all)}?${query}`);
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
		const form = await send(url(workflows.all), {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'bbid=form-1&bbevent=CreateTranslatedFiles&bbok=yes',
		});
		const unknown = await send(`${url(workflows.all)}?bbid=new-1&bbevent=SomethingNewInBeebox`, {
			method: 'POST',
		});
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
				`${url(workflows.filtered)}?token=${TOKEN}&bbid=f-${bbevent}&bbevent=${bbevent}`,
			);
			expect(answer.status).toBe(200);
			expect(answer.body).toMatchObject({ workflowStarted: false });
		}
		// A wanted one afterwards: once it has run, the filtered ones would have run too.
		expect(
			(
				await send(
					`${url(workflows.filtered)}?token=${TOKEN}&bbid=wanted-1&bbevent=CreatedTranslatedFiles`,
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
			const answer = await send(`${url(workflows.all)}?${fixture.query}`);
			expect(answer.body).toMatchObject({
				code: 400,
				message: expect.stringContaining(fixture.reason),
			});
			answers.push(answer.status);
		}
		const wrongTokens = [
			await send(`${url(workflows.filtered)}?bbid=x1&bbevent=CreatedTranslatedFiles`),
			await send(
				`${url(workflows.filtered)}?token=${TOKEN}0&bbid=x2&bbevent=CreatedTranslatedFiles`,
			),
			await send(
				`${url(workflows.pathToken, '/not-the-token')}?bbid=x3&bbevent=CreatedTranslatedFiles`,
			),
		];
		expect(wrongTokens.map((a) => a.status)).toEqual([401, 401, 401]);
		expect(JSON.stringify(wrongTokens)).not.toContain(TOKEN);
		const noTokenSegment = await send(
			`${url(workflows.pathToken)}?bbid=x4&bbevent=CreatedTranslatedFiles`,
		);
		expect(noTokenSegment.status).toBe(404);

		// Sentinels after the bad ones: when they have run, a bad delivery would have too.
		expect(
			(await send(`${url(workflows.pathToken, `/${TOKEN}`)}?bbid=ok-path&bbevent=ProjectCreated`))
				.status,
		).toBe(200);
		const before = (await n8n.executions({ workflowId: workflows.all.id })).length;
		expect((await send(`${url(workflows.all)}?bbid=ok-all&bbevent=ProjectCreated`)).status).toBe(
			200,
		);
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

	it('fetches the event details from the Beebox API into the item', async () => {
		const answer = await send(
			`${url(workflows.details)}?bbid=ev-details-1&bbevent=CreatedTranslatedFiles&bbproject=p1&bbok=yes`,
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
			},
		]);
		expect(item.details).toMatchObject({ id: 'ev-details-1', projectkey: 'p1' });
		expect(beebox.openSessions).toBe(0);
		expect(beebox.connects).toBe(1);
	});

	it('offers the trigger and its credential in the editor', async () => {
		const types = await editorTypes(n8n);
		expect(types.nodes).toContain('n8n-nodes-translation-events.beeboxTrigger');
		expect(types.credentials).toContain('beeboxApi');
	});

	it('runs the "translated files → Slack" example: the message reaches Slack', async () => {
		const hook = slackExample().nodes[0].webhookId;
		const query =
			'bbid=ev-details-1&bbevent=CreatedTranslatedFiles&bbsender=Autorun&bbproject=p1&bbdate=2024-03-01T09:00Z&bbok=true';
		expect((await send(`${n8n.webhookUrl(`${hook}/beebox`)}?${query}&token=${TOKEN}`)).status).toBe(
			200,
		);
		const [execution] = await n8n.waitForExecutions('beeboxExample001', 1);
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
});
