/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * Gengo Trigger, Gengo Catch-Up Trigger and Gengo node in a real n8n: callbacks are POSTed the way Gengo posts
 * them (the public corpus among them), the Gengo API is the local simulator (signatures checked for real),
 * executions are read back from n8n's database, n8n is stopped and started again for the catch-up.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	gengoCallbackRequest,
	gengoSampleJob,
	GENGO_SAMPLE_EVENTS,
} from '../fixtures/samples/gengo';
import invalid from '../fixtures/gengo/invalid.json';
import { corpusDeliveries, formBody, payloadOf } from '../Gengo/corpus';
import { Recorder } from '../helpers/recorder';
import { SlackStandIn, slackText } from '../helpers/slack';
import { expectedCommentEventKey, expectedJobEventKey, GengoSimulator } from '../simulators/gengo';
import {
	editorTypes,
	eventually,
	example,
	listenForTestEvent,
	ownerSession,
	packageNodeVersion,
	receivedItems,
	refusesMissingSecret,
	send,
	simulate,
	startN8n,
	triggerWorkflow,
	waitForWebhookGone,
	type ChainNode,
	type Execution,
	type N8nInstance,
	type TriggerWorkflow,
} from './harness';

const TOKEN = 'gengo-e2e-Token-0123456789';
const KEYS = { publicKey: 'e2e-public-key', privateKey: 'e2e-private-key-secret' };
const CATCH_UP_KEYS = { publicKey: 'e2e-catch-up-key', privateKey: 'e2e-catch-up-private' };
const CREDENTIAL = { gengoApi: { id: 'gengoCred0000001', name: 'Gengo simulator' } };
const CATCH_UP_CREDENTIAL = { id: 'gengoCatchUp0001', name: 'Gengo catch-up simulator' };
const SECRET_CREDENTIAL = {
	translationWebhookSecretApi: { id: 'gengoSecret00001', name: 'Gengo webhook secret' },
};
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** a file whose bytes are no valid UTF-8, so any re-encoding on the way would show */
const FILE_BYTES = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0xff, 0xfe, 0x80, 0x0a]);
const TRANSLATION = 'Übersetzen Sie Ihre Produktseiten in Tagen statt Wochen.';

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

/**
 * A trigger workflow with the Gengo Trigger as added in the editor (the secret token in the query string) and the
 * suite's secret credential, whose secret is TOKEN.
 */
function gengoWorkflow(options: Parameters<typeof triggerWorkflow>[0]): TriggerWorkflow {
	return triggerWorkflow({
		...options,
		credentials: { ...SECRET_CREDENTIAL, ...options.credentials },
	});
}

const workflows = {
	all: gengoWorkflow({ id: 'gengoAll00000001', node: 'gengoTrigger' }),
	filtered: gengoWorkflow({
		id: 'gengoFilter00001',
		node: 'gengoTrigger',
		parameters: { events: ['approved', 'comment'] },
	}),
	pathToken: gengoWorkflow({
		id: 'gengoPath0000001',
		node: 'gengoTrigger',
		parameters: { urlTokenLocation: 'path' },
	}),
	corpus: gengoWorkflow({ id: 'gengoCorpus00001', node: 'gengoTrigger' }),
	otherSpellings: gengoWorkflow({
		id: 'gengoSpelling001',
		node: 'gengoTrigger',
		parameters: { events: ['cancelled', 'held'] },
	}),
	fullJob: gengoWorkflow({
		id: 'gengoFullJob0001',
		node: 'gengoTrigger',
		parameters: { fetchFullJob: true },
		credentials: CREDENTIAL,
	}),
	actions: gengoWorkflow({
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
				revisionId: '3333759',
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
const draft = gengoWorkflow({
	id: 'gengoDraft000001',
	node: 'gengoTrigger',
	parameters: { events: ['reviewable'] },
	active: false,
});

type Example = ReturnType<typeof example>;

/**
 * One of examples/ as a user sets it up: the editor gives each trigger a webhook id when it imports a file (the
 * examples carry none), the user picks the credentials (the suite's secret and Gengo credentials) and their CMS's
 * URL.
 */
function gengoExample(
	file: string,
	options: { id?: string; credentials?: boolean; gengoApi?: { id: string; name: string } } = {},
): Example {
	const workflow = example(file, {
		credentials:
			options.credentials === false
				? {}
				: {
						'n8n-nodes-translation-events.gengoTrigger': {
							type: 'translationWebhookSecretApi',
							...SECRET_CREDENTIAL.translationWebhookSecretApi,
						},
						'n8n-nodes-translation-events.gengo': { type: 'gengoApi', ...CREDENTIAL.gengoApi },
						'n8n-nodes-translation-events.gengoCatchUpTrigger': {
							type: 'gengoApi',
							...(options.gengoApi ?? CREDENTIAL.gengoApi),
						},
					},
	});
	for (const node of workflow.nodes)
		if (node.type.endsWith('.gengoTrigger') && !node.webhookId) node.webhookId = randomUUID();
	return { ...workflow, ...(options.id ? { id: options.id } : {}) };
}

const examplesDir = join(__dirname, '..', '..', 'examples');
const rawExample = (file: string) =>
	JSON.parse(readFileSync(join(examplesDir, file), 'utf8')) as {
		nodes: Array<{ type: string; typeVersion: number; webhookId?: string; parameters: object }>;
		pinData?: Record<string, unknown[]>;
	};

describe('Gengo Trigger, Gengo Catch-Up Trigger and Gengo node in a real n8n', () => {
	let n8n: N8nInstance;
	let userFolder: string;
	let gengo: GengoSimulator;
	let catchUpGengo: GengoSimulator;
	let cms: Recorder;
	let slack: SlackStandIn;
	let textCms: Example;
	let fileCms: Example;
	let slackFlow: Example;
	let neverMiss: Example;

	const url = (workflow: { webhookId: string }, suffix = '') =>
		n8n.webhookUrl(`${workflow.webhookId}/gengo${suffix}`);
	const exampleUrl = (workflow: Example, suffix = '') =>
		n8n.webhookUrl(
			`${workflow.nodes.find((n) => n.type.endsWith('.gengoTrigger'))!.webhookId}/gengo${suffix}`,
		);
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
	const postForm = (target: string, fields: Record<string, unknown>) =>
		send(target, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(
				Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, JSON.stringify(v)])),
			).toString(),
		});

	beforeAll(async () => {
		gengo = await new GengoSimulator({
			...KEYS,
			jobs: [
				{
					job_id: '384985',
					status: 'reviewable',
					body_src: `${'Long text. '.repeat(8000)}End.`,
					body_tgt: TRANSLATION,
					custom_data: '{"cms_id":"page-42","field":"hero.title"}',
					extra: { lc_tgt: 'de' },
					comments: [{ body: 'Is "hero" a proper noun?', author: 'translator', ctime: 1767225600 }],
					revisions: [
						{ rev_id: '3333756', ctime: 1767225600, body_tgt: 'Erste Fassung.' },
						{ rev_id: '3333759', ctime: 1767229200, body_tgt: 'Zweite Fassung.' },
					],
					feedback: { rating: '5.0', for_translator: 'Great work' },
				},
				{
					job_id: '384986',
					status: 'approved',
					style: 'numbers',
					custom_data: '{"cms_id":"brochure-2027"}',
					extra: { lc_tgt: 'de' },
					file: { name: 'brochure-de.docx', content: FILE_BYTES, contentType: DOCX },
				},
				{ job_id: '384987', status: 'canceled' },
			],
		}).start();
		catchUpGengo = await new GengoSimulator({
			...CATCH_UP_KEYS,
			jobs: [
				{ job_id: '600001', status: 'available' },
				{ job_id: '600002', status: 'pending', body_tgt: 'Entwurf.' },
				{ job_id: '600003', status: 'approved', body_tgt: 'Fertig.' },
			],
		}).start();
		cms = await new Recorder().start();
		slack = await new SlackStandIn().start();
		// a user folder of our own: the catch-up test stops n8n and starts it again on the same data
		userFolder = mkdtempSync(join(tmpdir(), 'n8n-e2e-gengo-'));
		n8n = await startN8n('gengo', {
			// one production execution at a time, as README ("Never miss an event") advises for the never-miss
			// example: Remove Duplicates has no lock, so a live delivery and a catch-up poll emitting the same event
			// at the same moment could both pass it (seen once in CI for Beebox, possible here too)
			env: { ...slack.n8nEnv, N8N_CONCURRENCY_PRODUCTION_LIMIT: '1' },
			userFolder,
		});
		await n8n.importCredentials([
			{
				id: CREDENTIAL.gengoApi.id,
				name: CREDENTIAL.gengoApi.name,
				type: 'gengoApi',
				data: { ...KEYS, environment: 'custom', baseUrl: gengo.baseUrl },
			},
			{
				...CATCH_UP_CREDENTIAL,
				type: 'gengoApi',
				data: { ...CATCH_UP_KEYS, environment: 'custom', baseUrl: catchUpGengo.baseUrl },
			},
			{
				...SECRET_CREDENTIAL.translationWebhookSecretApi,
				type: 'translationWebhookSecretApi',
				data: { secret: TOKEN },
			},
			slack.credential('slackE2e0000001'),
		]);
		textCms = gengoExample('gengo-approved-to-cms.json');
		textCms.nodes.find((n) => n.name === 'Send to CMS')!.parameters.url =
			`${cms.url}/api/translations`;
		fileCms = gengoExample('gengo-approved-file-to-cms.json');
		const upload = fileCms.nodes.find((n) => n.name === 'Upload to CMS')!.parameters;
		upload.url = String(upload.url).replace('https://cms.example.com', cms.url);
		slackFlow = gengoExample('gengo-reviewable-to-slack.json');
		const slackCredential = slack.credential('slackE2e0000001');
		for (const node of slackFlow.nodes)
			if (node.type === 'n8n-nodes-base.slack')
				node.credentials = {
					[slackCredential.type]: { id: slackCredential.id, name: slackCredential.name },
				};
		neverMiss = gengoExample('gengo-never-miss-an-event.json', { gengoApi: CATCH_UP_CREDENTIAL });
		await n8n.importWorkflows([
			...Object.values(workflows),
			textCms,
			fileCms,
			slackFlow,
			neverMiss,
			draft,
		]);
		for (const workflow of Object.values(workflows)) {
			// The path-token route matches any last segment: probe with a dummy one, so the token never reaches
			// n8n's log (n8n logs the full path of a request it has no webhook for yet).
			await n8n.waitForWebhook(url(workflow, workflow === workflows.pathToken ? '/probe' : ''));
		}
		for (const workflow of [textCms, fileCms, slackFlow, neverMiss])
			await n8n.waitForWebhook(exampleUrl(workflow));
		console.log(
			`[e2e gengo] ${Object.keys(workflows).length + 4} Gengo workflows published, webhooks registered`,
		);
		// every step above waits on progress (readiness, registered webhooks); on a busy 2-core machine starting n8n and
		// the CLI imports together took more than jest's 180 s for a hook
	}, 600_000);

	afterAll(async () => {
		// Stop everything before asserting on n8n's log, so a failed assertion cannot leave anything running.
		const output = n8n?.output ?? '';
		await n8n?.stop();
		await gengo?.stop();
		await catchUpGengo?.stop();
		await cms?.stop();
		await slack?.stop();
		if (userFolder && !process.env.KEEP_N8N_USER_FOLDER)
			rmSync(userFolder, { recursive: true, force: true });
		expect(output).not.toContain(TOKEN);
		expect(output).not.toContain(KEYS.privateKey);
		expect(output).not.toContain(CATCH_UP_KEYS.privateKey);
	});

	it('every callback of the public corpus starts the workflow (secret token) with the documented item', async () => {
		const deliveries = corpusDeliveries();
		for (const delivery of deliveries) {
			const answer = await send(`${url(workflows.corpus)}?token=${TOKEN}`, {
				method: 'POST',
				headers: delivery.request.headers,
				body: formBody(delivery),
			});
			expect({ file: delivery.file, ...answer }).toEqual({
				file: delivery.file,
				status: 200,
				body: { code: 200, message: 'Workflow was started', workflowStarted: true },
			});
		}
		const executions = await n8n.waitForExecutions(workflows.corpus.id, deliveries.length);
		const items = receivedItems(executions).map((list) => {
			expect(list).toHaveLength(1);
			return list[0];
		});
		items.forEach((item, i) => {
			const delivery = deliveries[i];
			const payload = payloadOf(delivery);
			const jobId = String(payload.job_id);
			const expected =
				delivery.event === 'comment'
					? {
							event: 'comment',
							eventKey: expectedCommentEventKey(jobId, Number(payload.ctime), String(payload.body)),
							comment: { job_id: jobId, body: payload.body },
						}
					: {
							event: { cancelled: 'canceled', held: 'hold' }[delivery.event] ?? delivery.event,
							status: payload.status,
							eventKey: expectedJobEventKey(
								jobId,
								String(payload.status),
								payload.body_tgt as string | undefined,
							),
							job: {
								job_id: jobId,
								eta: payload.eta === '' ? null : Number(payload.eta),
								...(payload.custom_data === undefined ? {} : { custom_data: payload.custom_data }),
							},
						};
			expect({ file: delivery.file, ...item }).toMatchObject({
				file: delivery.file,
				vendor: 'gengo',
				jobId,
				customData: payload.custom_data ?? null,
				...expected,
			});
		});
		console.log(
			`[e2e gengo] ${deliveries.length} corpus callbacks (${[...new Set(deliveries.map((d) => d.event))].join(', ')}): 200, one item each`,
		);
	});

	it('starts the workflow for every event Gengo sends, with the documented item', async () => {
		for (const event of GENGO_SAMPLE_EVENTS) {
			const answer = await post(`${url(workflows.all)}?token=${TOKEN}`, event, { jobId: '4711' });
			expect(answer).toEqual({
				status: 200,
				body: { code: 200, message: 'Workflow was started', workflowStarted: true },
			});
		}
		const executions = await n8n.waitForExecutions(workflows.all.id, GENGO_SAMPLE_EVENTS.length);
		const items = receivedItems(executions).map((list) => list[0]);
		expect(items.map((i) => i.event)).toEqual(GENGO_SAMPLE_EVENTS);
		expect(items[3]).toMatchObject({
			vendor: 'gengo',
			event: 'reviewable',
			// a reviewable job's key carries a hash of its translation
			eventKey: expectedJobEventKey(
				'4711',
				'reviewable',
				gengoSampleJob('reviewable', { jobId: '4711' }).body_tgt as string,
			),
			occurredAt: null,
			jobId: '4711',
			status: 'reviewable',
			orderId: '54632',
			customData: { cms_id: 'page-42', field: 'hero.title' },
			job: { job_id: '4711', unit_count: 9, credits: 0.54, lc_src: 'en', lc_tgt: 'de' },
		});
		expect(items[9]).toMatchObject({
			event: 'comment',
			eventKey: expect.stringMatching(/^gengo:comment:4711:\d+:[0-9a-f]{16}$/),
			comment: { job_id: '4711' },
		});
	});

	it("answers 200 and starts nothing for events the filter does not want; a filter in Gengo's other spellings works too", async () => {
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
		expect(
			receivedItems(await n8n.waitForExecutions(workflows.filtered.id, 1))
				.flat()
				.map((i) => i.jobId),
		).toEqual(['5001']);

		const spelled = `${url(workflows.otherSpellings)}?token=${TOKEN}`;
		expect((await post(spelled, 'approved', { jobId: '5201' })).body).toMatchObject({
			workflowStarted: false,
		});
		for (const [event, jobId] of [
			['canceled', '5202'],
			['hold', '5203'],
		])
			expect((await post(spelled, event, { jobId })).body).toMatchObject({ workflowStarted: true });
		expect(
			receivedItems(await n8n.waitForExecutions(workflows.otherSpellings.id, 2))
				.flat()
				.map((i) => [i.jobId, i.event]),
		).toEqual([
			['5202', 'canceled'],
			['5203', 'hold'],
		]);
	});

	it('answers 4xx and starts nothing for malformed and forged callbacks', async () => {
		for (const fixture of invalid) {
			const answer = await send(`${url(workflows.all)}?token=${TOKEN}`, {
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
		const forged = [
			await post(url(workflows.filtered), 'approved', { jobId: '6001' }),
			await post(`${url(workflows.filtered)}?token=${TOKEN}x`, 'approved', { jobId: '6002' }),
			await post(url(workflows.pathToken, '/not-the-token'), 'approved', { jobId: '6003' }),
			await post(url(workflows.corpus), 'approved', { jobId: '6004' }),
			await post(`${url(workflows.corpus)}?token=${TOKEN.slice(1)}`, 'approved', {
				jobId: '6005',
			}),
			// the path token is the one checked: a token in the query string does not stand in for it
			await post(`${url(workflows.pathToken, '/not-the-token')}?token=${TOKEN}`, 'approved', {
				jobId: '6006',
			}),
		];
		expect(forged.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 401]);
		expect(JSON.stringify(forged)).not.toContain(TOKEN);

		// Sentinels after the bad ones: once they have run, a bad delivery would have run too.
		const before = (await n8n.executions({ workflowId: workflows.all.id })).length;
		expect(
			(await post(`${url(workflows.all)}?token=${TOKEN}`, 'approved', { jobId: '7001' })).status,
		).toBe(200);
		expect(
			(await post(url(workflows.pathToken, `/${TOKEN}`), 'approved', { jobId: '7002' })).status,
		).toBe(200);
		expect(await n8n.waitForExecutions(workflows.all.id, before + 1)).toHaveLength(before + 1);
		expect(
			receivedItems(await n8n.waitForExecutions(workflows.pathToken.id, 1))
				.flat()
				.map((i) => i.jobId),
		).toEqual(['7002']);
		const corpusRuns = receivedItems(await n8n.executions({ workflowId: workflows.corpus.id }));
		expect(corpusRuns.flat().map((i) => i.jobId)).not.toEqual(expect.arrayContaining(['6004']));
	});

	it("Fetch Full Job: the item is the API's; a status or a comment the API does not have starts nothing", async () => {
		const hook = `${url(workflows.fullJob)}?token=${TOKEN}`;
		// Gengo echoes each job's callback_url, our token included
		gengo.job('384985').callback_url = `${url(workflows.fullJob)}?token=${TOKEN}`;
		const answers = [
			// genuine, cut short: the API's job (body_src > 60 KB, eta "" at the API) goes out
			await post(hook, 'reviewable', { jobId: '384985', bodySrc: 'cut' }),
			// forged (or late): the API has the job as reviewable
			await post(hook, 'approved', { jobId: '384985' }),
			// a translator's comment that is in the thread, and one that is not
			await postForm(hook, {
				comment: { job_id: '384985', body: 'Is "hero" a proper noun?', ctime: '1767225600' },
			}),
			await postForm(hook, {
				comment: { job_id: '384985', body: 'Send me your password', ctime: '1767225600' },
			}),
			// a job this account does not know
			await post(hook, 'approved', { jobId: '6100' }),
			// Gengo's other spelling of the API's "canceled"
			await post(hook, 'cancelled', { jobId: '384987' }),
		];
		expect(
			answers.map((a) => [a.status, (a.body as { workflowStarted?: boolean }).workflowStarted]),
		).toEqual([
			[200, true],
			[200, false],
			[200, true],
			[200, false],
			[401, undefined],
			[200, true],
		]);
		const items = receivedItems(await n8n.waitForExecutions(workflows.fullJob.id, 3)).flat();
		expect(items).toHaveLength(3);
		expect(items[0]).toMatchObject({
			event: 'reviewable',
			eventKey: expectedJobEventKey('384985', 'reviewable', TRANSLATION),
			jobId: '384985',
			fullJobFetched: true,
			customData: { cms_id: 'page-42', field: 'hero.title' },
			job: { job_id: '384985', order_id: '54632', eta: null, body_tgt: TRANSLATION },
		});
		expect(((items[0].job as Record<string, unknown>).body_src as string).length).toBeGreaterThan(
			60_000,
		);
		expect(items[1]).toMatchObject({
			event: 'comment',
			eventKey: expectedCommentEventKey('384985', 1767225600, 'Is "hero" a proper noun?'),
			comment: { body: 'Is "hero" a proper noun?', author: 'translator', ctime: 1767225600 },
		});
		expect(items[2]).toMatchObject({ event: 'canceled', status: 'canceled', jobId: '384987' });
		expect(
			gengo.requests.filter((r) => r.path.includes('/translate/job/')).every((r) => r.signed),
		).toBe(true);
		await eventually('n8n logged the refused callbacks', () =>
			n8n.output.includes('says "approved" but the Gengo API has "reviewable"'),
		);
	});

	it('runs every operation of the Gengo node in a workflow', async () => {
		expect(
			(await post(`${url(workflows.actions)}?token=${TOKEN}`, 'approved', { jobId: '384986' }))
				.status,
		).toBe(200);
		const [execution] = await n8n.waitForExecutions(workflows.actions.id, 1);
		expect(execution.error).toBeNull();
		const out = execution.items;
		expect(out['Get Job']).toEqual([
			expect.objectContaining({
				job_id: '384986',
				status: 'approved',
				file_url_tgt: `${gengo.url}/files/brochure-de.docx`,
			}),
		]);
		expect(out['Get Comments']).toEqual([
			{
				job_id: '384985',
				body: 'Is "hero" a proper noun?',
				author: 'translator',
				ctime: 1767225600,
			},
		]);
		expect(out['Get Revisions']).toEqual([
			{ job_id: '384985', rev_id: '3333756', ctime: 1767225600 },
			{ job_id: '384985', rev_id: '3333759', ctime: 1767229200 },
		]);
		expect(out['Get Revision']).toEqual([
			{ job_id: '384985', rev_id: '3333759', ctime: 1767229200, body_tgt: 'Zweite Fassung.' },
		]);
		expect(out['Get Feedback']).toEqual([
			{ job_id: '384985', rating: '5.0', for_translator: 'Great work' },
		]);
		expect(execution.binaries['Download']).toEqual([
			{
				translated: {
					fileName: 'brochure-de.docx',
					mimeType: DOCX,
					fileSize: `${FILE_BYTES.length} B`,
				},
			},
		]);
		expect(out['Get Order']).toEqual([
			expect.objectContaining({
				order_id: '54632',
				jobs_reviewable: ['384985'],
				jobs_approved: ['384986'],
				jobs_cancelled: ['384987'],
			}),
		]);
		expect(out['Get Balance']).toEqual([{ credits: 123.45, currency: 'USD' }]);
		expect(out['Get Stats']).toEqual([expect.objectContaining({ credits_spent: '0.35' })]);
		expect(out['Get Many By IDs'].map((j) => j.job_id)).toEqual(['384985', '384986']);
		expect(out['Get Many Recent'].map((j) => [j.job_id, j.status])).toEqual([
			['384985', 'reviewable'],
		]);
		expect(out['Unknown Job']).toEqual([
			expect.objectContaining({ error: expect.stringContaining('Not Found') }),
		]);
		console.log(
			`[e2e gengo] Gengo node: ${Object.keys(out).length - 1} operations ran against the simulator`,
		);
	});

	it('runs the "approved → Get Job → CMS" example: the translation arrives at the CMS', async () => {
		const before = cms.received.length;
		expect(
			(await post(exampleUrl(textCms, `?token=${TOKEN}`), 'approved', { jobId: '384985' })).status,
		).toBe(200);
		await n8n.waitForExecutions(textCms.id, 1);
		const [request] = cms.received.slice(before);
		expect(request).toMatchObject({ method: 'PUT', path: '/api/translations' });
		expect(JSON.parse(request.body)).toEqual({
			entry: 'page-42',
			field: 'hero.title',
			locale: 'de',
			text: TRANSLATION,
			gengoJobId: '384985',
		});
	});

	it('runs the "file job approved → Download Target File → CMS" example: the exact bytes of the file arrive', async () => {
		const before = cms.received.length;
		const hook = exampleUrl(fileCms, `?token=${TOKEN}`);
		expect(
			(
				await post(hook, 'approved', {
					jobId: '384986',
					fileUrl: 'https://example.invalid/gengo-file-link/brochure-de.docx',
					customData: '{"cms_id":"brochure-2027"}',
				})
			).status,
		).toBe(200);
		// a text job is no file job: the example's filter lets it pass by
		expect((await post(hook, 'approved', { jobId: '384985' })).status).toBe(200);
		const executions = await n8n.waitForExecutions(fileCms.id, 2);
		expect(executions.map((e) => e.status)).toEqual(['success', 'success']);
		expect(executions[1].items['Download Translated File']).toBeUndefined();
		const uploads = cms.received.slice(before);
		expect(uploads).toHaveLength(1);
		expect(uploads[0]).toMatchObject({ method: 'PUT', path: '/api/files/brochure-2027/de' });
		expect(uploads[0].bytes.equals(FILE_BYTES)).toBe(true);
		expect(String(uploads[0].headers['content-type'])).toContain(DOCX);
		expect(
			gengo.requests.filter((r) => r.path === '/v2/translate/job/384986').every((r) => r.signed),
		).toBe(true);
	});

	it('runs the "reviewable → Slack" example: the message reaches Slack', async () => {
		const hook = exampleUrl(slackFlow, `?token=${TOKEN}`);
		expect((await post(hook, 'reviewable', { jobId: '384990' })).status).toBe(200);
		expect((await post(hook, 'approved', { jobId: '384991' })).body).toMatchObject({
			workflowStarted: false,
		});
		expect((await post(exampleUrl(slackFlow), 'reviewable', { jobId: '384992' })).status).toBe(401);
		const [execution] = await n8n.waitForExecutions(slackFlow.id, 1);
		expect(execution.status).toBe('success');
		expect(slack.messages).toEqual([
			{
				channel: '#localization',
				token: 'xoxb-e2e-stand-in',
				text: slackText(
					`Gengo job 384990 (en → de, "Product page: hero title") is ready for review.\nTranslation: ${TRANSLATION}\nReview it in your Gengo dashboard: https://gengo.com/`,
				),
			},
		]);
	});

	it('the examples carry no webhook id, no secret, the trigger at its version, pinned data and a sticky note; one activated as imported is refused with what to do', async () => {
		for (const file of [
			'gengo-reviewable-to-slack.json',
			'gengo-approved-to-cms.json',
			'gengo-approved-file-to-cms.json',
			'gengo-never-miss-an-event.json',
			'gengo-cms-round-trip.json',
		]) {
			const raw = rawExample(file);
			const text = JSON.stringify(raw);
			const trigger = raw.nodes.find((n) => n.type.endsWith('.gengoTrigger'))!;
			expect({ file, typeVersion: trigger.typeVersion }).toEqual({
				file,
				typeVersion: packageNodeVersion(trigger.type),
			});
			expect(raw.nodes.filter((n) => n.webhookId)).toEqual([]);
			expect(text).not.toMatch(/replace-me|urlToken"|"credentials"/);
			expect(raw.nodes.some((n) => n.type === 'n8n-nodes-base.stickyNote')).toBe(true);
			expect(raw.pinData?.['Gengo Trigger']).toHaveLength(1);
		}
		const asImported = gengoExample('gengo-reviewable-to-slack.json', {
			id: 'gengoUnconfig001',
			credentials: false,
		});
		await n8n.importWorkflows([asImported]);
		// the refusal is the answer to publishing (the harness puts it into n8n.output); n8n 2.41 also keeps a
		// trigger's activation error for the editor (GET /rest/workflows/:id/publication-status)
		let reason: unknown;
		await eventually('n8n refused to activate the example without a secret', async () => {
			reason = (await n8n.rest('GET', '/rest/workflows/gengoUnconfig001/publication-status')).body;
			return refusesMissingSecret(JSON.stringify(reason)) || refusesMissingSecret(n8n.output);
		}).catch((error: Error) => {
			throw new Error(`${error.message}; n8n said ${JSON.stringify(reason)}`);
		});
		const answer = await post(exampleUrl(asImported), 'reviewable', { jobId: '1' });
		expect(answer.status).toBe(404);
		expect(await n8n.executions({ workflowId: 'gengoUnconfig001' })).toEqual([]);
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
			`${url(workflows.all)}?token=${TOKEN}`,
		);
		expect(stdout).toContain('200 OK');
		const executions = await n8n.waitForExecutions(workflows.all.id, before + 1);
		expect(receivedItems(executions.slice(before)).flat()).toEqual([
			expect.objectContaining({ event: 'approved', jobId: '8001' }),
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
		expect((await send(testUrl, { method: 'POST' })).status).toBe(404);
	});

	it('offers the nodes and the credential in the editor; the Job ID is filled with the trigger item by default', async () => {
		const types = await editorTypes(n8n);
		expect(types.nodes).toEqual(
			expect.arrayContaining([
				'n8n-nodes-translation-events.gengoTrigger',
				'n8n-nodes-translation-events.gengoCatchUpTrigger',
				'n8n-nodes-translation-events.gengo',
			]),
		);
		expect(types.credentials).toContain('gengoApi');
		const response = await fetch(`${n8n.baseUrl}/types/nodes.json`, {
			headers: { cookie: await ownerSession(n8n) },
		});
		const nodes = (await response.json()) as Array<{
			name: string;
			properties: Array<{ name: string; default: unknown; placeholder?: string }>;
			polling?: boolean;
		}>;
		const gengoNodeType = nodes.find((n) => n.name === 'n8n-nodes-translation-events.gengo')!;
		const jobIds = gengoNodeType.properties.filter((p) => p.name === 'jobId');
		expect(jobIds.length).toBeGreaterThan(0);
		for (const p of jobIds) {
			expect(p.default).toBe('={{ $json.jobId ?? $json.job_id }}');
			expect(p.placeholder).toBeUndefined();
		}
		expect(
			nodes.find((n) => n.name === 'n8n-nodes-translation-events.gengoCatchUpTrigger')?.polling,
		).toBe(true);
	});

	it("the Gengo API credential's Test button (POST /rest/credentials/test) runs the nodes' test: Gengo's balance, or Gengo's message", async () => {
		const test = (data: Record<string, string>) =>
			n8n.rest('POST', '/rest/credentials/test', {
				credentials: {
					id: n8n.credentialId(CREDENTIAL.gengoApi.id),
					name: CREDENTIAL.gengoApi.name,
					type: 'gengoApi',
					data: { environment: 'custom', baseUrl: gengo.baseUrl, ...data },
				},
			});
		const good = await test(KEYS);
		expect(good).toEqual({
			status: 200,
			body: { data: { status: 'OK', message: 'Connected to Gengo (balance 123.45 USD)' } },
		});
		const bad = await test({ ...KEYS, privateKey: 'not-the-key' });
		expect(bad.body).toEqual({
			data: {
				status: 'Error',
				message: expect.stringContaining('api_sig is invalid or the api_key is not recognized'),
			},
		});
		console.log(`[e2e gengo] credential test: ${JSON.stringify([good.body, bad.body])}`);
	});

	it('no execution holds the secret token or a key, though Gengo echoes the token in callback_url', async () => {
		for (const callbackUrl of [
			`${url(workflows.corpus)}?token=${TOKEN}`,
			`${url(workflows.pathToken)}/${TOKEN}`,
		]) {
			const request = gengoCallbackRequest('approved', { jobId: '9901' });
			const job = {
				...JSON.parse(new URLSearchParams(request.body).get('job')!),
				callback_url: callbackUrl,
			};
			expect((await postForm(`${url(workflows.corpus)}?token=${TOKEN}`, { job })).status).toBe(200);
		}
		const corpusRuns = await n8n.waitForExecutions(
			workflows.corpus.id,
			corpusDeliveries().length + 2,
		);
		expect(
			receivedItems(corpusRuns.slice(-2))
				.flat()
				.map((i) => (i.job as { callback_url: string }).callback_url),
		).toEqual([`${url(workflows.corpus)}?token=***`, `${url(workflows.pathToken)}/***`]);
		const everything = JSON.stringify(await n8n.executions());
		expect(everything).toContain('token=***');
		expect(everything).not.toContain(TOKEN);
		expect(everything).not.toContain(KEYS.privateKey);
	});

	describe('"never miss an event": Gengo Trigger + Gengo Catch-Up Trigger + Remove Duplicates', () => {
		const passed = (executions: Execution[]) =>
			executions.flatMap((e) =>
				((e.items['Each Event Once'] ?? []) as Array<Record<string, unknown>>).map(
					(i) => i.eventKey as string,
				),
			);
		const staticDataSaved = async () => {
			const answer = await n8n.rest('GET', `/rest/workflows/${neverMiss.id}`);
			const data = (answer.body as { data?: { staticData?: Record<string, unknown> } }).data;
			return JSON.stringify(data?.staticData ?? {}).includes('"catchUp"');
		};

		it("(a) events while n8n is stopped: after the restart the catch-up emits each once; Gengo's retries are dropped", async () => {
			await eventually('the catch-up recorded its first snapshot', staticDataSaved, 60_000);
			expect(passed(await n8n.executions({ workflowId: neverMiss.id }))).toEqual([]);
			const hook = exampleUrl(neverMiss);

			await n8n.stop({ graceMs: 90_000 }); // our own user folder: it stays
			const missed = [catchUpGengo.nextEvent(), catchUpGengo.nextEvent()];
			// Gengo's callbacks while n8n is down get no answer
			expect(await Promise.all(missed.map((e) => e.deliver(hook, TOKEN)))).toEqual([0, 0]);
			await n8n.start();

			const afterRestart = await n8n.waitForExecutions(neverMiss.id, 1, 120_000);
			expect(afterRestart).toHaveLength(1);
			expect(afterRestart[0].items['Gengo Catch-Up Trigger']).toHaveLength(2);
			expect(passed(afterRestart).sort()).toEqual(missed.map((e) => e.eventKey).sort());

			// Gengo retries every 15 minutes: the retries reach the Gengo Trigger and stop at Remove Duplicates
			expect(await Promise.all(missed.map((e) => e.deliver(hook, TOKEN)))).toEqual([200, 200]);
			const all = await n8n.waitForExecutions(neverMiss.id, 3);
			expect(all.slice(1).map((e) => e.items['Gengo Trigger']?.length)).toEqual([1, 1]);
			expect(passed(all).sort()).toEqual(missed.map((e) => e.eventKey).sort());
			console.log(
				`[e2e gengo] catch-up after a restart: ${missed.map((e) => e.eventKey).join(', ')} once each; 2 retried callbacks dropped`,
			);
		});

		it('(b) an event while the workflow is inactive: the catch-up emits it on activation, the retried callback is dropped', async () => {
			const hook = exampleUrl(neverMiss);
			const before = await n8n.executions({ workflowId: neverMiss.id });
			await n8n.unpublish(neverMiss.id);
			await waitForWebhookGone(hook);
			const event = catchUpGengo.nextEvent();
			expect(await event.deliver(hook, TOKEN)).toBe(404);
			await n8n.publish(neverMiss.id);
			await n8n.waitForWebhook(hook);

			const caughtUp = await n8n.waitForExecutions(neverMiss.id, before.length + 1, 60_000);
			expect(passed(caughtUp.slice(before.length))).toEqual([event.eventKey]);
			expect(await event.deliver(hook, TOKEN)).toBe(200);
			const all = await n8n.waitForExecutions(neverMiss.id, before.length + 2);
			expect(all.at(-1)!.items['Gengo Trigger']).toHaveLength(1);
			expect(passed(all).filter((key) => key === event.eventKey)).toEqual([event.eventKey]);
		});
	});

	describe('round trip: CMS entry published → Order Translation → Gengo Trigger → Download Translated File → CMS', () => {
		const ROUND_TRIP_TOKEN = 'gengo-round-trip-Secret-0123456789';
		const ROUND_TRIP_SECRET = {
			id: 'gengoRoundTrip01',
			name: 'Gengo callbacks (round trip)',
		};
		const SOURCE = (entry: string) =>
			Buffer.concat([Buffer.from(`PK\u0003\u0004 ${entry} `), Buffer.from([0xff, 0xfe, 0x80])]);
		let roundTrip: Example;
		let contentCms: CmsStandIn;
		let triggerUrl: string;
		let cmsWebhook: string;

		/** The CMS: serves each entry's source file and records what comes back. */
		class CmsStandIn extends Recorder {
			protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
				const source = /^\/files\/([\w-]+)\.docx$/.exec(req.url ?? '');
				if (req.method === 'GET' && source) {
					res.writeHead(200, { 'content-type': DOCX });
					res.end(SOURCE(source[1]));
					return;
				}
				await super.handle(req, res);
			}
		}

		/** What the CMS sends when an entry is published (its file stays in the CMS, at fileUrl). */
		const publish = (entryId: string) =>
			send(cmsWebhook, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					entryId,
					title: `Brochure ${entryId}`,
					fileUrl: `${contentCms.url}/files/${entryId}.docx`,
					sourceLanguage: 'en',
					targetLanguage: 'de',
				}),
			});
		const ordersOf = (entryId: string) =>
			gengo.orders.filter((o) =>
				o.payloads.some((p) => p.custom_data === JSON.stringify({ entryId })),
			);
		const translationsIn = (entryId: string) =>
			contentCms.received.filter(
				(r) => r.method === 'PUT' && r.path === `/api/entries/${entryId}/translations/de`,
			);
		/** the webhook-started runs of the round trip (the Gengo Trigger's runs have the trigger's items) */
		const orderRuns = async () =>
			(await n8n.executions({ workflowId: roundTrip.id })).filter(
				(e) => e.items['CMS Entry Published'] !== undefined,
			);

		beforeAll(async () => {
			contentCms = await new CmsStandIn().start();
			roundTrip = gengoExample('gengo-cms-round-trip.json', { credentials: false });
			for (const node of roundTrip.nodes) {
				if (node.type === 'n8n-nodes-base.webhook') node.webhookId = randomUUID();
				if (node.type.endsWith('.gengoTrigger'))
					node.credentials = { translationWebhookSecretApi: ROUND_TRIP_SECRET };
				if (node.name === 'Order Translation')
					node.credentials = {
						gengoApi: CREDENTIAL.gengoApi,
						translationWebhookSecretApi: ROUND_TRIP_SECRET,
					};
				if (node.name === 'Download Translated File')
					node.credentials = { gengoApi: CREDENTIAL.gengoApi };
				if (node.name === 'Back to the CMS')
					node.parameters.url = String(node.parameters.url).replace(
						'https://cms.example.com',
						contentCms.url,
					);
			}
			triggerUrl = exampleUrl(roundTrip);
			cmsWebhook = n8n.webhookUrl('cms-entry-published');
			// set up once, as the trigger's notice says: its Production URL into the secret credential's Callback URL
			await n8n.importCredentials([
				{
					...ROUND_TRIP_SECRET,
					type: 'translationWebhookSecretApi',
					data: { secret: ROUND_TRIP_TOKEN, callbackUrl: triggerUrl },
				},
			]);
			await n8n.importWorkflows([roundTrip]);
			await n8n.waitForWebhook(triggerUrl);
			await n8n.waitForWebhook(cmsWebhook);
		}, 300_000);

		afterAll(async () => {
			await contentCms?.stop();
		});

		it('each published entry is ordered once with the trigger as callback; the translated file reaches the CMS', async () => {
			for (const entry of ['entry-1', 'entry-2']) {
				expect((await publish(entry)).status).toBe(200);
				await eventually(`${entry} was ordered`, () => ordersOf(entry).length > 0, 60_000);
			}
			await eventually(
				'both runs finished',
				async () =>
					(await orderRuns()).filter((e) => e.status !== 'running' && e.status !== 'new').length ===
					2,
				60_000,
			);
			const ordered = await orderRuns();
			expect(ordered.map((e) => e.status)).toEqual(['success', 'success']);
			for (const entry of ['entry-1', 'entry-2']) {
				const [order] = ordersOf(entry);
				expect(ordersOf(entry)).toHaveLength(1);
				// the callback_url Gengo got is the trigger's, with the secret from the credential
				expect(order.payloads[0].callback_url).toBe(`${triggerUrl}?token=${ROUND_TRIP_TOKEN}`);
				expect(order.payloads[0]).toMatchObject({ type: 'file', lc_src: 'en', lc_tgt: 'de' });
				expect(gengo.job(order.jobIds[0]).source?.content.equals(SOURCE(entry))).toBe(true);
				// the translator finishes: Gengo calls the trigger back, the workflow downloads and delivers
				expect(await gengo.translate(order.jobIds[0])).toBe(200);
			}
			await eventually(
				'both translations reached the CMS',
				() => ['entry-1', 'entry-2'].every((e) => translationsIn(e).length === 1),
				60_000,
			);
			for (const entry of ['entry-1', 'entry-2'])
				expect(
					translationsIn(entry)[0].bytes.equals(
						Buffer.concat([Buffer.from('[de] '), SOURCE(entry)]),
					),
				).toBe(true);
			const stored = JSON.stringify(await n8n.executions({ workflowId: roundTrip.id }));
			expect(stored).not.toContain(ROUND_TRIP_TOKEN);
			console.log(
				`[e2e gengo] round trip: 2 entries ordered once each (orders ${gengo.orders.map((o) => o.order_id).join(', ')}), translated files back in the CMS`,
			);
		});

		it.each([
			['HTTP 500', 'http500' as const, 'entry-500'],
			['no answer until the timeout', 'hang' as const, 'entry-timeout'],
		])(
			'Gengo records the order, then fails with %s: the run fails saying so, nothing is ordered twice, the loop still closes',
			async (_label, fault, entry) => {
				const before = (await orderRuns()).length;
				gengo.failNext('order', fault);
				expect((await publish(entry)).status).toBe(200);
				await eventually(
					`the run for ${entry} finished`,
					async () =>
						(await orderRuns()).length > before &&
						(await orderRuns()).every((e) => e.status !== 'running' && e.status !== 'new'),
					90_000,
				);
				const run = (await orderRuns())[before];
				expect(run.status).toBe('error');
				expect(run.error).toMatch(/Gengo may have received the request/);
				expect(ordersOf(entry)).toHaveLength(1);
				expect(
					gengo.requests.filter((r) => r.method === 'POST' && r.path === '/v2/translate/jobs'),
				).toHaveLength(gengo.orders.length);
				// the order Gengo kept carries the callback: the translation still arrives
				expect(await gengo.translate(ordersOf(entry)[0].jobIds[0])).toBe(200);
				await eventually(
					`${entry} reached the CMS`,
					() => translationsIn(entry).length === 1,
					60_000,
				);
				expect(ordersOf(entry)).toHaveLength(1);
			},
			150_000,
		);

		it('the pick lists answer through the REST call the editor makes', async () => {
			const search = async (
				parameter: string,
				methodName: string,
				currentNodeParameters: Record<string, unknown>,
				filter?: string,
			) =>
				await n8n.rest('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
					path: `parameters.${parameter}`,
					methodName,
					filter,
					nodeTypeAndVersion: { name: 'n8n-nodes-translation-events.gengo', version: 1 },
					currentNodeParameters: {
						resource: 'order',
						operation: 'create',
						...currentNodeParameters,
					},
					credentials: {
						gengoApi: { ...CREDENTIAL.gengoApi, id: n8n.credentialId(CREDENTIAL.gengoApi.id) },
					},
				});
			const rl = (value: string) => ({ __rl: true, mode: 'list', value });
			const sources = await search('sourceLanguage', 'searchSourceLanguages', {});
			expect(sources.status).toBe(200);
			expect((sources.body as { data: { results: unknown[] } }).data.results).toEqual(
				expect.arrayContaining([{ name: 'English (en)', value: 'en' }]),
			);
			const targets = await search(
				'targetLanguage',
				'searchTargetLanguages',
				{ sourceLanguage: rl('en') },
				'ger',
			);
			expect((targets.body as { data: { results: unknown[] } }).data.results).toEqual([
				{ name: 'German (de)', value: 'de' },
			]);
			const tiers = await search('tier', 'searchTiers', {
				sourceLanguage: rl('en'),
				targetLanguage: rl('de'),
			});
			expect((tiers.body as { data: { results: unknown[] } }).data.results).toEqual([
				{ name: 'Standard: 0.06 USD per word', value: 'standard' },
				{ name: 'Business (pro): 0.12 USD per word', value: 'pro' },
			]);
			// signed with the credential's keys, like every other call
			expect(
				gengo.requests
					.filter((r) => r.path.startsWith('/v2/translate/service/'))
					.every((r) => r.signed),
			).toBe(true);
		});
	});
});
