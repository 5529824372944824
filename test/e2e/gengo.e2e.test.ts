/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * Gengo Trigger and Gengo node in a real n8n: callbacks are POSTed the way Gengo posts them, the Gengo API is the
 * local simulator (signatures checked for real), executions are read back from n8n's database.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { gengoCallbackRequest, GENGO_SAMPLE_EVENTS } from '../../cli/samples/gengo';
import invalid from '../fixtures/gengo/invalid.json';
import { Recorder } from '../helpers/recorder';
import { SlackStandIn, slackText } from '../helpers/slack';
import { GengoSimulator } from '../simulators/gengo';
import {
	editorTypes,
	example,
	listenForTestEvent,
	receivedItems,
	send,
	simulate,
	startN8n,
	triggerWorkflow,
	type ChainNode,
	type N8nInstance,
} from './harness';

const TOKEN = 'gengo-e2e-Token-0123456789';
const KEYS = { publicKey: 'e2e-public-key', privateKey: 'e2e-private-key-secret' };
const CREDENTIAL = { gengoApi: { id: 'gengoCred0000001', name: 'Gengo simulator' } };

const gengoNode = (
	name: string,
	parameters: Record<string, unknown>,
	extra: Partial<ChainNode> = {},
): ChainNode => ({
	name,
	type: 'n8n-nodes-translation-events.gengo',
	parameters,
	credentials: CREDENTIAL,
	executeOnce: true,
	...extra,
});

const workflows = {
	all: triggerWorkflow({ id: 'gengoAll00000001', node: 'gengoTrigger' }),
	filtered: triggerWorkflow({
		id: 'gengoFilter00001',
		node: 'gengoTrigger',
		parameters: { events: ['approved', 'comment'], urlTokenLocation: 'query', urlToken: TOKEN },
	}),
	pathToken: triggerWorkflow({
		id: 'gengoPath0000001',
		node: 'gengoTrigger',
		parameters: { urlTokenLocation: 'path', urlToken: TOKEN },
	}),
	fullJob: triggerWorkflow({
		id: 'gengoFullJob0001',
		node: 'gengoTrigger',
		parameters: { fetchFullJob: true },
		credentials: CREDENTIAL,
	}),
	actions: triggerWorkflow({
		id: 'gengoActions0001',
		node: 'gengoTrigger',
		parameters: { events: ['approved'] },
		after: [
			gengoNode('Get Job', {
				resource: 'job',
				operation: 'get',
				jobId: "={{ $('Trigger').first().json.jobId }}",
			}),
			gengoNode('Get Comments', { resource: 'job', operation: 'getComments', jobId: '384985' }),
			gengoNode('Get Revisions', { resource: 'job', operation: 'getRevisions', jobId: '384985' }),
			gengoNode('Get Revision', {
				resource: 'job',
				operation: 'getRevision',
				jobId: '384985',
				revisionId: 'r2',
			}),
			gengoNode('Get Feedback', { resource: 'job', operation: 'getFeedback', jobId: '384985' }),
			gengoNode('Download', {
				resource: 'job',
				operation: 'downloadTargetFile',
				jobId: '384986',
				binaryPropertyName: 'translated',
			}),
			gengoNode('Get Order', { resource: 'order', operation: 'get', orderId: '54632' }),
			gengoNode('Get Balance', { resource: 'account', operation: 'getBalance' }),
			gengoNode('Get Stats', { resource: 'account', operation: 'getStats' }),
			gengoNode('Get Many By IDs', {
				resource: 'job',
				operation: 'getMany',
				source: 'ids',
				jobIds: '384985, 384986',
			}),
			gengoNode('Get Many Recent', {
				resource: 'job',
				operation: 'getMany',
				source: 'recent',
				limit: 10,
				filters: { status: 'reviewable' },
			}),
			gengoNode(
				'Unknown Job',
				{ resource: 'job', operation: 'get', jobId: '999' },
				{ onError: 'continueRegularOutput' },
			),
		],
	}),
};

/** A workflow being built in the editor: never published, tried with "Listen for test event". */
const draft = triggerWorkflow({
	id: 'gengoDraft000001',
	node: 'gengoTrigger',
	parameters: { events: ['reviewable'], urlTokenLocation: 'query', urlToken: TOKEN },
	active: false,
});

const examplesDir = join(__dirname, '..', '..', 'examples');
const readExample = (file: string) => JSON.parse(readFileSync(join(examplesDir, file), 'utf8'));

describe('Gengo Trigger and Gengo node in a real n8n', () => {
	let n8n: N8nInstance;
	let gengo: GengoSimulator;
	let cms: Recorder;
	let cmsExample: ReturnType<typeof readExample>;
	let slack: SlackStandIn;
	const slackExample = () =>
		example('gengo-reviewable-to-slack.json', {
			parameters: { 'Gengo Trigger': { urlToken: TOKEN } },
			credentials: { 'n8n-nodes-base.slack': slack.credential('slackE2e0000001') },
		});
	const url = (workflow: { webhookId: string }, suffix = '') =>
		n8n.webhookUrl(`${workflow.webhookId}/gengo${suffix}`);
	const post = (
		target: string,
		event: string,
		options: Parameters<typeof gengoCallbackRequest>[1] = {},
	) => {
		const request = gengoCallbackRequest(event, options);
		return send(target, {
			method: 'POST',
			headers: { 'content-type': request.contentType },
			body: request.body,
		});
	};

	beforeAll(async () => {
		gengo = await new GengoSimulator({
			...KEYS,
			jobs: [
				{
					job_id: '384985',
					status: 'reviewable',
					comments: [{ body: 'Is "hero" a proper noun?', author: 'worker', ctime: 1767225600 }],
					revisions: [
						{ rev_id: 'r1', ctime: 1767225600, body_tgt: 'Erste Fassung.' },
						{ rev_id: 'r2', ctime: 1767229200, body_tgt: 'Zweite Fassung.' },
					],
					feedback: { rating: '5', for_translator: 'Great work' },
				},
				{
					job_id: '384986',
					status: 'approved',
					file: {
						name: 'brochure-de.docx',
						content: 'DOCX bytes',
						contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
					},
				},
			],
		}).start();
		cms = await new Recorder().start();
		slack = await new SlackStandIn().start();
		n8n = await startN8n('gengo', { env: slack.n8nEnv });
		await n8n.importCredentials([
			{
				id: CREDENTIAL.gengoApi.id,
				name: CREDENTIAL.gengoApi.name,
				type: 'gengoApi',
				data: { ...KEYS, environment: 'custom', baseUrl: gengo.baseUrl },
			},
			{
				id: 'gengoExampleCred',
				name: 'Gengo account',
				type: 'gengoApi',
				data: { ...KEYS, environment: 'custom', baseUrl: gengo.baseUrl },
			},
			slack.credential('slackE2e0000001'),
		]);
		// The CMS example as a user would set it up: their CMS's URL and their own token.
		cmsExample = readExample('gengo-approved-to-cms.json');
		for (const node of cmsExample.nodes) {
			if (node.name === 'Send to CMS') node.parameters.url = `${cms.url}/api/translations`;
			if (node.name === 'Gengo Trigger') node.parameters.urlToken = TOKEN;
		}
		await n8n.importWorkflows([
			...Object.values(workflows),
			{ ...cmsExample, active: true },
			slackExample(),
			draft,
		]);
		for (const workflow of Object.values(workflows)) {
			// The path-token route matches any last segment: probe with a dummy one, so the token never reaches
			// n8n's log (n8n logs the full path of a request it has no webhook for yet).
			await n8n.waitForWebhook(url(workflow, workflow === workflows.pathToken ? '/probe' : ''));
		}
		await n8n.waitForWebhook(n8n.webhookUrl(`${cmsExample.nodes[0].webhookId}/gengo`));
		await n8n.waitForWebhook(n8n.webhookUrl(`${slackExample().nodes[0].webhookId}/gengo/probe`));
		console.log(
			`[e2e gengo] ${Object.keys(workflows).length + 1} Gengo workflows published, webhooks registered`,
		);
	});

	afterAll(async () => {
		// Stop everything before asserting on n8n's log, so a failed assertion cannot leave anything running.
		const output = n8n?.output ?? '';
		await n8n?.stop();
		await gengo?.stop();
		await cms?.stop();
		await slack?.stop();
		expect(output).not.toContain(TOKEN);
		expect(output).not.toContain(KEYS.privateKey);
	});

	it('starts the workflow for every event Gengo sends, with the documented item', async () => {
		for (const event of GENGO_SAMPLE_EVENTS) {
			const answer = await post(url(workflows.all), event, { jobId: '4711' });
			expect(answer).toEqual({
				status: 200,
				body: { code: 200, message: 'Workflow was started', workflowStarted: true },
			});
		}
		const executions = await n8n.waitForExecutions(workflows.all.id, GENGO_SAMPLE_EVENTS.length);
		const items = receivedItems(executions).map((list) => {
			expect(list).toHaveLength(1);
			return list[0];
		});
		expect(items.map((i) => i.event)).toEqual(GENGO_SAMPLE_EVENTS);
		expect(items[2]).toMatchObject({
			vendor: 'gengo',
			event: 'reviewable',
			eventKey: 'gengo:job:4711:reviewable',
			occurredAt: null,
			jobId: '4711',
			status: 'reviewable',
			orderId: '54632',
			customData: { cms_id: 'page-42', field: 'hero.title' },
			job: { job_id: '4711', unit_count: 9, credits: 0.54, lc_src: 'en', lc_tgt: 'de' },
		});
		expect(items[8]).toMatchObject({
			event: 'comment',
			eventKey: expect.stringMatching(/^gengo:comment:4711:\d+$/),
			comment: { job_id: '4711' },
		});
		console.log(
			`[e2e gengo] ${executions.length} executions: ${items.map((i) => i.event).join(', ')}`,
		);
	});

	it('answers 200 and starts nothing for events the filter does not want', async () => {
		for (const [event, jobId] of [
			['pending', '5101'],
			['reviewable', '5102'],
		]) {
			const answer = await post(`${url(workflows.filtered)}?token=${TOKEN}`, event, { jobId });
			expect(answer.status).toBe(200);
			expect(answer.body).toMatchObject({ workflowStarted: false });
		}
		expect(
			(await post(`${url(workflows.filtered)}?token=${TOKEN}`, 'approved', { jobId: '5001' }))
				.status,
		).toBe(200);
		const executions = await n8n.waitForExecutions(workflows.filtered.id, 1);
		expect(
			receivedItems(executions)
				.flat()
				.map((i) => i.jobId),
		).toEqual(['5001']);
	});

	it('answers 4xx and starts nothing for malformed and forged callbacks', async () => {
		for (const fixture of invalid) {
			const answer = await send(url(workflows.all), {
				method: 'POST',
				headers: { 'content-type': fixture.contentType },
				body: fixture.body,
			});
			expect({ name: fixture.name, status: answer.status }).toEqual({
				name: fixture.name,
				status: 400,
			});
			expect(answer.body).toMatchObject({
				code: 400,
				message: expect.stringContaining(fixture.reason),
			});
		}
		const plain = await send(url(workflows.all), {
			method: 'POST',
			headers: { 'content-type': 'text/plain' },
			body: 'job=1',
		});
		expect(plain.status).toBe(400);
		const forged = [
			await post(url(workflows.filtered), 'approved', { jobId: '6001' }),
			await post(`${url(workflows.filtered)}?token=${TOKEN}x`, 'approved', { jobId: '6002' }),
			await post(url(workflows.pathToken, '/not-the-token'), 'approved', { jobId: '6003' }),
			await post(url(workflows.fullJob), 'approved', { jobId: '6004' }),
		];
		expect(forged.map((a) => a.status)).toEqual([401, 401, 401, 401]);
		expect(JSON.stringify(forged)).not.toContain(TOKEN);

		// Sentinels after the bad ones: once they have run, a bad delivery would have run too.
		const before = (await n8n.executions({ workflowId: workflows.all.id })).length;
		expect((await post(url(workflows.all), 'approved', { jobId: '7001' })).status).toBe(200);
		expect(
			(await post(url(workflows.pathToken, `/${TOKEN}`), 'approved', { jobId: '7002' })).status,
		).toBe(200);
		const all = await n8n.waitForExecutions(workflows.all.id, before + 1);
		expect(all).toHaveLength(before + 1);
		expect(
			receivedItems(await n8n.waitForExecutions(workflows.pathToken.id, 1))
				.flat()
				.map((i) => i.jobId),
		).toEqual(['7002']);
		expect(await n8n.executions({ workflowId: workflows.fullJob.id })).toHaveLength(0);
		const filtered = await n8n.executions({ workflowId: workflows.filtered.id });
		expect(
			receivedItems(filtered)
				.flat()
				.map((i) => i.jobId),
		).toEqual(['5001']);
		console.log(
			`[e2e gengo] ${invalid.length} malformed: 400, 1 wrong content type: 400, 4 forged: 401; none started a workflow`,
		);
	});

	it('fetches the full job from the Gengo API (signed) into the item', async () => {
		expect(
			(await post(url(workflows.fullJob), 'reviewable', { jobId: '384985', bodySrc: 'cut' }))
				.status,
		).toBe(200);
		const [item] = receivedItems(await n8n.waitForExecutions(workflows.fullJob.id, 1)).flat();
		expect(item).toMatchObject({
			event: 'reviewable',
			jobId: '384985',
			fullJobFetched: true,
			job: { job_id: '384985', order_id: '54632' },
		});
		expect(((item.job as Record<string, unknown>).body_src as string).length).toBeGreaterThan(
			60_000,
		);
		expect(
			gengo.requests.filter((r) => r.path === '/v2/translate/job/384985').every((r) => r.signed),
		).toBe(true);
	});

	it('runs every operation of the Gengo node in a workflow', async () => {
		expect((await post(url(workflows.actions), 'approved', { jobId: '384986' })).status).toBe(200);
		const [execution] = await n8n.waitForExecutions(workflows.actions.id, 1);
		expect(execution.error).toBeNull();
		const out = execution.items;
		expect(out['Get Job']).toEqual([
			expect.objectContaining({
				job_id: '384986',
				status: 'approved',
				file_url_tgt: expect.stringContaining('/files/brochure-de.docx'),
			}),
		]);
		expect(out['Get Comments']).toEqual([
			{ job_id: '384985', body: 'Is "hero" a proper noun?', author: 'worker', ctime: 1767225600 },
		]);
		expect(out['Get Revisions']).toEqual([
			{ job_id: '384985', rev_id: 'r1', ctime: 1767225600 },
			{ job_id: '384985', rev_id: 'r2', ctime: 1767229200 },
		]);
		expect(out['Get Revision']).toEqual([
			{ job_id: '384985', rev_id: 'r2', ctime: 1767229200, body_tgt: 'Zweite Fassung.' },
		]);
		expect(out['Get Feedback']).toEqual([
			{ job_id: '384985', rating: '5', for_translator: 'Great work' },
		]);
		expect(execution.binaries['Download']).toEqual([
			{
				translated: {
					fileName: 'brochure-de.docx',
					mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
					fileSize: '10 B',
				},
			},
		]);
		expect(out['Get Order']).toEqual([
			expect.objectContaining({
				order_id: '54632',
				jobs_reviewable: ['384985'],
				jobs_approved: ['384986'],
			}),
		]);
		expect(out['Get Balance']).toEqual([{ credits: '25.32', currency: 'USD' }]);
		expect(out['Get Stats']).toEqual([expect.objectContaining({ credits_spent: '1023.31' })]);
		expect(out['Get Many By IDs'].map((j) => j.job_id)).toEqual(['384985', '384986']);
		expect(out['Get Many Recent'].map((j) => [j.job_id, j.status])).toEqual([
			['384985', 'reviewable'],
		]);
		expect(out['Unknown Job']).toEqual([
			expect.objectContaining({ error: expect.stringContaining('job 999 does not exist') }),
		]);
		console.log(
			`[e2e gengo] Gengo node: ${Object.keys(out).length - 1} operations ran against the simulator`,
		);
	});

	it('runs the "approved → fetch job → CMS" example against a CMS', async () => {
		const hook = n8n.webhookUrl(`${cmsExample.nodes[0].webhookId}/gengo?token=${TOKEN}`);
		expect((await post(hook, 'approved', { jobId: '384985' })).status).toBe(200);
		await n8n.waitForExecutions(cmsExample.id, 1);
		expect(cms.received).toHaveLength(1);
		expect(cms.received[0]).toMatchObject({ method: 'PUT', path: '/api/translations' });
		expect(JSON.parse(cms.received[0].body)).toEqual({
			entry: 'page-42',
			field: 'hero.title',
			locale: 'de',
			text: 'Übersetzen Sie Ihre Produktseiten in Tagen statt Wochen.',
			gengoJobId: '384985',
		});
	});

	it('simulate command: sends a Gengo callback that starts the workflow', async () => {
		const before = (await n8n.executions({ workflowId: workflows.all.id })).length;
		const stdout = await simulate(
			'gengo',
			'--event',
			'approved',
			'--job-id',
			'8001',
			'--url',
			url(workflows.all),
		);
		expect(stdout).toContain('200 OK');
		const executions = await n8n.waitForExecutions(workflows.all.id, before + 1);
		expect(receivedItems(executions.slice(before)).flat()).toEqual([
			expect.objectContaining({ event: 'approved', jobId: '8001' }),
		]);
	});

	it('runs the "reviewable → Slack" example, a second path-token workflow beside the suite\'s own: the message reaches Slack', async () => {
		const hook = n8n.webhookUrl(`${slackExample().nodes[0].webhookId}/gengo/${TOKEN}`);
		expect((await post(hook, 'reviewable', { jobId: '384990' })).status).toBe(200);
		expect((await post(hook, 'approved', { jobId: '384991' })).status).toBe(200); // not wanted by the example
		const [execution] = await n8n.waitForExecutions('gengoExample0001', 1);
		expect(execution.status).toBe('success');
		expect(slack.messages).toEqual([
			{
				channel: '#localization',
				token: 'xoxb-e2e-stand-in',
				text: slackText(
					'Gengo job 384990 (en → de, "Product page: hero title") is ready for review.\nTranslation: Übersetzen Sie Ihre Produktseiten in Tagen statt Wochen.\nReview it in your Gengo dashboard: https://gengo.com/',
				),
			},
		]);
	});

	it('"Listen for test event": the simulate command reaches the Test URL and the test execution holds the item', async () => {
		const testUrl = `${n8n.baseUrl}/webhook-test/${draft.webhookId}/gengo?token=${TOKEN}`;
		expect((await send(testUrl, { method: 'POST' })).status).toBe(404); // not listening yet
		await listenForTestEvent(n8n, draft.id, 'Trigger');
		const stdout = await simulate(
			'gengo',
			'--event',
			'reviewable',
			'--job-id',
			'5150',
			'--url',
			testUrl,
		);
		expect(stdout).toContain('200 OK');
		const [execution] = await n8n.waitForExecutions(draft.id, 1);
		expect(execution).toMatchObject({ mode: 'manual', status: 'success' });
		expect(receivedItems([execution]).flat()).toEqual([
			expect.objectContaining({ vendor: 'gengo', event: 'reviewable', jobId: '5150' }),
		]);
		// n8n listens for one event per click
		expect((await send(testUrl, { method: 'POST' })).status).toBe(404);
	});

	it('offers both nodes and the credential in the editor', async () => {
		const types = await editorTypes(n8n);
		expect(types.nodes).toEqual(
			expect.arrayContaining([
				'n8n-nodes-translation-events.gengoTrigger',
				'n8n-nodes-translation-events.gengo',
			]),
		);
		expect(types.credentials).toContain('gengoApi');
	});
});
